/** Places: the gazetteer with name variants; add a place, edit its other names. */
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, post } from '../api/client.js';
import { useMe, usePlaces } from '../api/queries.js';
import { PLACE_KINDS, type Place } from '../api/types.js';
import { ConflictAlert } from '../components/conflict-alert.js';
import { ErrorAlert, Loading, Page } from '../components/page.js';
import { can } from '../lib/capabilities.js';
import { errorText, fieldErrors, isVersionConflict } from '../lib/errors.js';
import { textProblem } from '../lib/validate.js';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The places page. */
export default function PlacesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 150);
  const places = usePlaces(debounced);
  const all = usePlaces();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Place | null>(null);
  const writable = can(me.data, 'place.write');
  const parentName = (id: string | null) => (id ? all.data?.items.find((p) => p.id === id)?.name : '');
  return (
    <Page
      title={t('places.title')}
      actions={writable && <Button onClick={() => setAdding(true)}>{t('places.add')}</Button>}
    >
      <TextInput
        label={t('places.filter')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={400}
      />
      {places.isPending ? (
        <Loading />
      ) : places.isError ? (
        <ErrorAlert error={places.error} />
      ) : places.data.items.length === 0 ? (
        <Text c="dimmed">{t('places.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="places">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('places.name')}</Table.Th>
                <Table.Th scope="col">{t('places.kind')}</Table.Th>
                <Table.Th scope="col">{t('places.parent')}</Table.Th>
                <Table.Th scope="col">{t('places.variants')}</Table.Th>
                {writable && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {places.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{t(`placeKinds.${p.kind}`)}</Table.Td>
                  <Table.Td>{parentName(p.parentId)}</Table.Td>
                  <Table.Td>{p.variants.join(', ')}</Table.Td>
                  {writable && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(p)}
                        aria-label={`${t('places.editVariants')}: ${p.name}`}
                      >
                        {t('places.editVariants')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('places.add')} size="lg">
        <PlaceForm places={all.data?.items ?? []} onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={editing?.name ?? ''}>
        {editing && <VariantsForm place={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}

function PlaceForm({ places, onDone }: { places: Place[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', kind: 'town', parentId: '', variants: '' },
    validate: {
      name: (v) => textProblem(v, t, 300),
      variants: (v) => (lines(v).some((l) => l.length > 300) ? t('validation.tooLong') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await post('/api/places', {
        name: v.name.trim(),
        kind: v.kind,
        variants: lines(v.variants),
        ...(v.parentId && { parentId: v.parentId }),
      });
      await queryClient.invalidateQueries({ queryKey: ['places'] });
      onDone();
    } catch (e) {
      form.setErrors(fieldErrors(e, t, (p) => p.split('.')[0] ?? null));
      setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('places.name')} required data-autofocus {...form.getInputProps('name')} />
          <NativeSelect
            label={t('places.kind')}
            data={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <Select
          label={t('places.parent')}
          searchable
          clearable
          data={places.map((p) => ({ value: p.id, label: p.name }))}
          {...form.getInputProps('parentId')}
          onChange={(v) => form.setFieldValue('parentId', v ?? '')}
        />
        <Textarea label={t('places.variants')} autosize minRows={3} {...form.getInputProps('variants')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VariantsForm({ place, onDone }: { place: Place; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(place.variants.join('\n'));
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api('PUT', `/api/places/${place.id}/variants`, {
        expectedVersion: place.version,
        variants: lines(text),
      });
      await queryClient.invalidateQueries({ queryKey: ['places'] });
      onDone();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {failure !== null &&
        (isVersionConflict(failure) ? (
          <ConflictAlert
            onReload={() => void queryClient.invalidateQueries({ queryKey: ['places'] }).then(onDone)}
          />
        ) : (
          <Alert color="red" role="alert">
            {errorText(failure, t)}
          </Alert>
        ))}
      <Textarea
        label={t('places.variants')}
        autosize
        minRows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button loading={busy} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
