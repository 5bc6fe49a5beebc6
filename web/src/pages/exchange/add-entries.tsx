/**
 * Adding entries to a list: registry persons chosen from a search, everyone an imported list (a
 * source) names, or one entry as the other side's list writes it. The server adds each person once.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { usePersonSearch, useSources } from '../../api/queries.js';
import type { ExchangeList } from '../../api/types.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { displayName, formatNumber, formatSummaryDate } from '../../lib/format.js';
import { textProblem } from '../../lib/validate.js';

interface Added {
  added: number;
  alreadyListed: number;
}

interface Props {
  list: ExchangeList;
  onAdded: () => Promise<void>;
}

/** The "add entries" section of a list. */
export function AddEntries({ list, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const send = async (body: Record<string, unknown>): Promise<boolean> => {
    setMessage(null);
    try {
      const r = await post<Added>(`/api/exchange-lists/${list.id}/entries`, body);
      await onAdded();
      setMessage({
        text: t('exchange.addedResult', {
          added: formatNumber(r.added, i18n.language),
          already: formatNumber(r.alreadyListed, i18n.language),
        }),
        failed: false,
      });
      return true;
    } catch (e) {
      setMessage({ text: errorText(e, t), failed: true });
      throw e;
    }
  };
  return (
    <Paper withBorder p="md" component="section" data-testid="add-entries">
      <Stack>
        <Title order={2} size="h4">
          {t('exchange.addTitle')}
        </Title>
        {message && (
          <Alert color={message.failed ? 'red' : 'blue'} role={message.failed ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        )}
        <Tabs defaultValue="search" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="search">{t('exchange.fromSearch')}</Tabs.Tab>
            <Tabs.Tab value="source">{t('exchange.fromImport')}</Tabs.Tab>
            <Tabs.Tab value="written">{t('exchange.asWrittenTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="search" pt="md">
            <FromSearch list={list} send={send} />
          </Tabs.Panel>
          <Tabs.Panel value="source" pt="md">
            <FromSource send={send} />
          </Tabs.Panel>
          <Tabs.Panel value="written" pt="md">
            <AsWritten send={send} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

type Send = (body: Record<string, unknown>) => Promise<boolean>;

function FromSearch({ list, send }: { list: ExchangeList; send: Send }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const results = usePersonSearch({ q: debounced }, debounced.length >= 2);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const listed = new Set(list.entries.map((e) => e.personId).filter(Boolean));
  const items = debounced.length >= 2 ? (results.data?.items ?? []) : [];
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const add = async () => {
    setBusy(true);
    try {
      await send({ personIds: chosen });
      setChosen([]);
    } catch {
      // shown by send
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('exchange.searchLabel')}
        placeholder={t('search.placeholder')}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="exchange-search"
      />
      {debounced.length >= 2 && !results.isPending && items.length === 0 && (
        <Text c="dimmed">{t('search.empty')}</Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} data-testid="exchange-search-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40} />
                <Table.Th scope="col">{t('search.name')}</Table.Th>
                <Table.Th scope="col">{t('search.born')}</Table.Th>
                <Table.Th scope="col">{t('search.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => {
                const name = displayName(p.fields) || t('person.unnamed');
                const on = listed.has(p.id);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('exchange.choose', { name })}
                        checked={on || chosen.includes(p.id)}
                        disabled={on}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {name}
                      {on && (
                        <Text span size="xs" c="dimmed" ml="xs">
                          ({t('exchange.onList')})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatSummaryDate(p.fields['date_of_birth'], i18n.language)}</Table.Td>
                    <Table.Td>{t(`states.${p.state}`, { defaultValue: p.state })}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="flex-end">
        <Button disabled={chosen.length === 0} loading={busy} onClick={() => void add()}>
          {t('exchange.addSelected', { count: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}

function FromSource({ send }: { send: Send }) {
  const { t } = useTranslation();
  const sources = useSources();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lists = (sources.data?.items ?? []).filter((s) => s.kind === 'list' || s.kind === 'interchange');
  const add = async () => {
    if (!sourceId) return setProblem(t('validation.required'));
    setProblem(null);
    setBusy(true);
    try {
      await send({ sourceId });
    } catch (e) {
      const errors = fieldErrors(e, t, (path) => (path === 'sourceId' ? path : null));
      if (errors['sourceId']) setProblem(errors['sourceId']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="flex-end">
      <Select
        label={t('exchange.source')}
        searchable
        required
        miw={280}
        style={{ flex: 1 }}
        value={sourceId}
        error={problem}
        onChange={setSourceId}
        data={lists.map((s) => ({ value: s.id, label: s.title }))}
        data-testid="exchange-source"
      />
      <Button onClick={() => void add()} loading={busy}>
        {t('exchange.addAll')}
      </Button>
    </Group>
  );
}

const WRITTEN = [
  'family_name',
  'given_name',
  'patronymic',
  'full_name',
  'date_of_birth',
  'service_number',
  'rank',
  'unit',
] as const;
const MAX: Record<(typeof WRITTEN)[number], number> = {
  family_name: 200,
  given_name: 200,
  patronymic: 200,
  full_name: 300,
  date_of_birth: 40,
  service_number: 100,
  rank: 100,
  unit: 300,
};

function AsWritten({ send }: { send: Send }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: Object.fromEntries(WRITTEN.map((f) => [f, ''])) as Record<
      (typeof WRITTEN)[number],
      string
    >,
    validate: (v) => {
      const e: Record<string, string | null> = {};
      for (const f of WRITTEN) e[f] = textProblem(v[f], t, MAX[f], false);
      if (!v.family_name.trim() && !v.given_name.trim() && !v.full_name.trim())
        e['family_name'] = t('exchange.nameRequired');
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });
  const label = (f: (typeof WRITTEN)[number]) =>
    f === 'full_name'
      ? t('exchange.fullName')
      : f === 'date_of_birth'
        ? t('exchange.dateOfBirth')
        : t(`fields.${f}`);
  const submit = form.onSubmit(async (v) => {
    const entry = Object.fromEntries(WRITTEN.filter((f) => v[f].trim()).map((f) => [f, v[f].trim()]));
    try {
      await send({ submitted: [entry] });
      form.reset();
    } catch (e) {
      form.setErrors(
        fieldErrors(e, t, (path) => {
          const f = /^submitted\.0\.(\w+)$/.exec(path)?.[1];
          return f && (WRITTEN as readonly string[]).includes(f) ? f : null;
        }),
      );
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="exchange-written">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {WRITTEN.map((f) => (
            <TextInput key={f} label={label(f)} {...form.getInputProps(f)} />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('exchange.addEntry')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
