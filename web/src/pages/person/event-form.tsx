/**
 * Add a status event: kind, partial date, place (from the gazetteer or as written), severity for
 * wounds, details, source. Sends the version the user saw; a 409 shows the conflict.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import {
  CONFIDENCE,
  EVENT_KINDS,
  SEVERITY,
  type PersonDetail,
  type Place,
  type Source,
} from '../../api/types.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { PartialDateFields } from '../../components/partial-date-fields.js';
import { errorText, fieldErrors, isVersionConflict } from '../../lib/errors.js';
import { dateProblems, emptyDate, textProblem, toPartialDate } from '../../lib/validate.js';

interface Props {
  detail: PersonDetail;
  sources: Source[];
  places: Place[];
  onSaved: () => void;
  onReload: () => void;
}

const initial = {
  sourceId: '',
  kind: 'captured',
  ...emptyDate,
  placeId: '',
  placeText: '',
  severity: '',
  details: '',
  confidence: 'unconfirmed',
};
type Values = typeof initial;
const WOUND = new Set(['wounded', 'hospitalised']);

function mapPath(path: string): string | null {
  const p = path.split('.');
  if (p[0] === 'sourceId') return 'sourceId';
  if (p[0] !== 'event') return null;
  if (p[1] === 'date') return p[2] ?? 'year';
  return p[1] ?? null;
}

/** The add-an-event form. */
export function EventForm({ detail, sources, places, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const e: Record<string, string | null> = { ...dateProblems(v, t, false) };
      e['sourceId'] = v.sourceId ? null : t('validation.required');
      e['placeText'] = textProblem(v.placeText, t, 300, false);
      if (v.kind === 'transferred' && !v.placeId && !v.placeText.trim())
        e['placeId'] = t('validation.transferPlace');
      e['details'] = textProblem(v.details, t, 5000, false);
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });
  const submit = form.onSubmit(async (v) => {
    setConflict(false);
    setFailure(null);
    setDone(false);
    const date = toPartialDate(v);
    try {
      await post(`/api/persons/${detail.person.id}/events`, {
        sourceId: v.sourceId,
        event: {
          kind: v.kind,
          confidence: v.confidence,
          ...(date && { date }),
          ...(v.placeId && { placeId: v.placeId }),
          ...(v.placeText.trim() && { placeText: v.placeText.trim() }),
          ...(v.severity && WOUND.has(v.kind) && { severity: v.severity }),
          ...(v.details.trim() && { details: v.details.trim() }),
        },
        expectedVersion: detail.person.version,
      });
      form.setValues({ ...initial, sourceId: v.sourceId });
      setDone(true);
      onSaved();
    } catch (e) {
      if (isVersionConflict(e)) return setConflict(true);
      form.setErrors(fieldErrors(e, t, mapPath));
      setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('person.addEvent')} data-testid="event-form">
      <Stack>
        {conflict && (
          <ConflictAlert
            onReload={() => {
              setConflict(false);
              onReload();
            }}
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {t('person.eventAdded')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('person.kind')}
            required
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <NativeSelect
            label={t('form.source')}
            required
            data={[
              { value: '', label: '' },
              ...sources.map((s) => ({ value: s.id, label: `${s.title} (${s.reliability})` })),
            ]}
            {...form.getInputProps('sourceId')}
          />
        </SimpleGrid>
        <PartialDateFields
          legend={t('form.date')}
          year={form.getInputProps('year')}
          month={form.getInputProps('month')}
          day={form.getInputProps('day')}
          about={form.getInputProps('about', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('person.eventPlace')}
            searchable
            clearable
            data={places.map((p) => ({ value: p.id, label: p.name }))}
            {...form.getInputProps('placeId')}
            onChange={(v) => form.setFieldValue('placeId', v ?? '')}
          />
          <TextInput label={t('person.placeText')} {...form.getInputProps('placeText')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {WOUND.has(form.values.kind) && (
            <NativeSelect
              label={t('person.severity')}
              data={[
                { value: '', label: '' },
                ...SEVERITY.map((s) => ({ value: s, label: t(`severity.${s}`) })),
              ]}
              {...form.getInputProps('severity')}
            />
          )}
          <NativeSelect
            label={t('form.confidence')}
            data={CONFIDENCE.map((c) => ({ value: c, label: t(`confidence.${c}`) }))}
            {...form.getInputProps('confidence')}
          />
        </SimpleGrid>
        <Textarea label={t('person.eventDetails')} autosize minRows={2} {...form.getInputProps('details')} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('person.addEvent')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
