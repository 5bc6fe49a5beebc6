/**
 * Add a claim: field, value (typed by field), source, confidence, optionally the claim it replaces.
 * Sends the person's version as the user saw it; a 409 shows the conflict and keeps what was typed.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { CLAIM_FIELDS, CONFIDENCE, SEX, type PersonDetail, type Source } from '../../api/types.js';
import { PartialDateFields } from '../../components/partial-date-fields.js';
import { errorText, fieldErrors, isVersionConflict } from '../../lib/errors.js';
import { formatValue } from '../../lib/format.js';
import { dateProblems, dayProblem, emptyDate, textProblem, toPartialDate } from '../../lib/validate.js';
import { ConflictAlert } from '../../components/conflict-alert.js';

const LONG = new Set(['description', 'health', 'notes', 'address', 'person_to_inform']);
const MAX: Record<string, number> = {
  given_name: 200,
  family_name: 200,
  patronymic: 200,
  nationality: 100,
  rank: 100,
  service_number: 100,
  id_number: 100,
  phone: 50,
};

interface Props {
  detail: PersonDetail;
  sources: Source[];
  onSaved: () => void;
  onReload: () => void;
}

const initial = {
  sourceId: '',
  field: 'family_name',
  text: '',
  sex: '',
  ...emptyDate,
  years: '' as number | string,
  asOf: '',
  confidence: 'unconfirmed',
  assertedAt: '',
  supersedes: '',
  reason: '',
};
type Values = typeof initial;

// Server paths ("claim.value.year") to this form's fields.
function mapPath(path: string, field: string): string | null {
  const p = path.split('.');
  if (p[0] === 'sourceId' || p[0] === 'supersedes' || p[0] === 'reason') return p[0];
  if (p[0] !== 'claim') return null;
  if (p[1] === 'value') {
    if (field === 'date_of_birth') return p[2] ?? 'year';
    if (field === 'age') return p[2] === 'asOf' ? 'asOf' : 'years';
    return field === 'sex' ? 'sex' : 'text';
  }
  return p[1] ?? null;
}

function valueOf(v: Values): unknown {
  if (v.field === 'date_of_birth') return toPartialDate(v);
  if (v.field === 'age') return { years: Number(v.years), asOf: v.asOf };
  if (v.field === 'sex') return v.sex;
  return v.text.trim();
}

/** The add-a-claim form. */
export function ClaimForm({ detail, sources, onSaved, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const e: Record<string, string | null> = {};
      e['sourceId'] = v.sourceId ? null : t('validation.required');
      if (v.field === 'date_of_birth') Object.assign(e, dateProblems(v, t, true));
      else if (v.field === 'age') {
        const y = Number(v.years);
        e['years'] =
          v.years === ''
            ? t('validation.required')
            : !Number.isInteger(y) || y < 0 || y > 130
              ? t('validation.invalid')
              : null;
        e['asOf'] = dayProblem(v.asOf, t, true);
      } else if (v.field === 'sex') e['sex'] = v.sex ? null : t('validation.required');
      else e['text'] = textProblem(v.text, t, MAX[v.field] ?? (LONG.has(v.field) ? 5000 : 300));
      e['assertedAt'] = dayProblem(v.assertedAt, t);
      e['reason'] = textProblem(v.reason, t, 2000, Boolean(v.supersedes));
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });
  const field = form.values.field;
  const replaceable = detail.claims.filter((c) => c.field === field && !c.retraction);
  const submit = form.onSubmit(async (v) => {
    setConflict(false);
    setFailure(null);
    setDone(false);
    try {
      await post(`/api/persons/${detail.person.id}/claims`, {
        sourceId: v.sourceId,
        claim: {
          field: v.field,
          value: valueOf(v),
          confidence: v.confidence,
          ...(v.assertedAt && { assertedAt: v.assertedAt }),
        },
        ...(v.supersedes && { supersedes: v.supersedes }),
        ...(v.reason.trim() && { reason: v.reason.trim() }),
        expectedVersion: detail.person.version,
      });
      form.setValues({ ...initial, sourceId: v.sourceId, field: v.field });
      form.resetDirty();
      setDone(true);
      onSaved();
    } catch (e) {
      if (isVersionConflict(e)) return setConflict(true);
      form.setErrors(fieldErrors(e, t, (p) => mapPath(p, v.field)));
      setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('person.addClaim')} data-testid="claim-form">
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
            {t('person.claimAdded')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('form.field')}
            required
            data={CLAIM_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
            {...form.getInputProps('field')}
            onChange={(e) => {
              form.setFieldValue('field', e.currentTarget.value);
              form.setFieldValue('supersedes', '');
            }}
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
        {field === 'date_of_birth' ? (
          <PartialDateFields
            legend={t('form.value')}
            year={form.getInputProps('year')}
            month={form.getInputProps('month')}
            day={form.getInputProps('day')}
            about={form.getInputProps('about', { type: 'checkbox' })}
          />
        ) : field === 'age' ? (
          <Group align="flex-start">
            <NumberInput
              label={t('form.years')}
              required
              w={140}
              min={0}
              max={130}
              allowDecimal={false}
              {...form.getInputProps('years')}
            />
            <TextInput label={t('form.asOf')} required type="date" {...form.getInputProps('asOf')} />
          </Group>
        ) : field === 'sex' ? (
          <NativeSelect
            label={t('form.value')}
            required
            data={[{ value: '', label: '' }, ...SEX.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
            {...form.getInputProps('sex')}
          />
        ) : LONG.has(field) ? (
          <Textarea label={t('form.value')} required autosize minRows={2} {...form.getInputProps('text')} />
        ) : (
          <TextInput
            label={t('form.value')}
            required
            {...form.getInputProps('text')}
            data-testid="claim-value"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('form.confidence')}
            data={CONFIDENCE.map((c) => ({ value: c, label: t(`confidence.${c}`) }))}
            {...form.getInputProps('confidence')}
          />
          <TextInput label={t('form.assertedAt')} type="date" {...form.getInputProps('assertedAt')} />
        </SimpleGrid>
        {replaceable.length > 0 && (
          <NativeSelect
            label={t('person.supersedes')}
            data={[
              { value: '', label: t('person.supersedesNone') },
              ...replaceable.map((c) => ({
                value: c.id,
                label: formatValue(c.field, c.value, t, i18n.language),
              })),
            ]}
            {...form.getInputProps('supersedes')}
          />
        )}
        <Textarea
          label={t('form.reason')}
          required={Boolean(form.values.supersedes)}
          autosize
          minRows={1}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('person.addClaim')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
