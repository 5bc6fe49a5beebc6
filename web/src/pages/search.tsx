/**
 * Search: one box that finds people as you type (across scripts and spellings when the ranked
 * search is available), with filters by status, place, source and date of change. The query and
 * filters live in the address, so going back from a person returns to the same results.
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { usePersonSearch, usePlaces, useSources, type SearchParams } from '../api/queries.js';
import { STATES, type PersonSummary } from '../api/types.js';
import { ErrorAlert, Page } from '../components/page.js';
import { displayName, formatProbability, formatSummaryDate } from '../lib/format.js';

const FILTERS = ['state', 'placeId', 'sourceId', 'updatedSince'] as const;

/** The search page. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The box answers from local state; the address follows a little later (one history write per pause).
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const set = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const [addressQ] = useDebouncedValue(q, 400);
  useEffect(() => {
    if ((params.get('q') ?? '') !== addressQ) set('q', addressQ || null);
  }, [addressQ, params, set]);
  const paramsKey = params.toString();
  const chosen = useMemo(() => {
    const out: Omit<SearchParams, 'q'> = {};
    for (const f of FILTERS) {
      const v = new URLSearchParams(paramsKey).get(f);
      if (v) out[f] = v;
    }
    return out;
  }, [paramsKey]);
  // No debounce: every keystroke asks at once. A burst (fast typing, key repeat) costs no more than
  // the search being answered and the last one: a search waits while another is answered and is
  // dropped if typed past meanwhile (usePersonSearch). A pause would only add to the time to results.
  const request = useMemo<SearchParams>(() => ({ q: q.trim(), ...chosen }), [q, chosen]);
  const filtered = FILTERS.some((f) => request[f]);
  const enabled = request.q.length >= 2 || filtered;
  const results = usePersonSearch(request, enabled);
  const items = enabled ? (results.data?.items ?? []) : [];
  return (
    <Page title={t('search.title')}>
      <TextInput
        label={t('search.label')}
        description={t('search.hint')}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
        size="md"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        data-testid="search-box"
      />
      <Filters values={chosen} set={set} />
      {results.isError && enabled && (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      )}
      <div
        aria-live="polite"
        aria-busy={results.isFetching}
        data-answered={enabled && !results.isPlaceholderData ? results.data?.q : undefined}
      >
        {!enabled ? (
          <Text c="dimmed">{t('search.start')}</Text>
        ) : results.isPending ? null : items.length === 0 ? (
          <Text data-testid="search-empty">{t('search.empty')}</Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="search-count">
            {t('search.results', { count: items.length })}
            {filtered && ` · ${t('search.filteredNote')}`}
          </Text>
        )}
      </div>
      {items.length > 0 && <Results items={items} />}
    </Page>
  );
}

const Filters = memo(function Filters({
  values,
  set,
}: {
  values: Omit<SearchParams, 'q'>;
  set: (k: string, v: string | null) => void;
}) {
  const { t } = useTranslation();
  const sources = useSources();
  const places = usePlaces();
  return (
    <Paper withBorder p="sm">
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>
          <Text fw={600} size="sm">
            {t('search.filters')}
          </Text>
        </legend>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('search.status')}
            clearable
            value={values.state ?? null}
            onChange={(v) => set('state', v)}
            data={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          />
          <Select
            label={t('search.place')}
            clearable
            searchable
            value={values.placeId ?? null}
            onChange={(v) => set('placeId', v)}
            data={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            label={t('search.source')}
            clearable
            searchable
            value={values.sourceId ?? null}
            onChange={(v) => set('sourceId', v)}
            data={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
          />
          <TextInput
            label={t('search.updatedSince')}
            type="date"
            value={values.updatedSince ?? ''}
            onChange={(e) => set('updatedSince', e.currentTarget.value || null)}
          />
        </SimpleGrid>
        {FILTERS.some((f) => values[f]) && (
          <Group mt="sm">
            <Button size="xs" variant="subtle" onClick={() => FILTERS.forEach((f) => set(f, null))}>
              {t('search.clear')}
            </Button>
          </Group>
        )}
      </fieldset>
    </Paper>
  );
});

const Results = memo(function Results({ items }: { items: PersonSummary[] }) {
  const { t, i18n } = useTranslation();
  const ranked = items.some((i) => typeof i.probability === 'number');
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover data-testid="search-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('search.name')}</Table.Th>
            <Table.Th scope="col">{t('search.original')}</Table.Th>
            <Table.Th scope="col">{t('search.born')}</Table.Th>
            <Table.Th scope="col">{t('search.status')}</Table.Th>
            {ranked && <Table.Th scope="col">{t('search.match')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} href={`/persons/${p.id}`} fw={600}>
                  {displayName(p.fields) || t('person.unnamed')}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.fields['name_original'] ?? ''}</Table.Td>
              <Table.Td>{formatSummaryDate(p.fields['date_of_birth'], i18n.language)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" c="dark">
                  {t(`states.${p.state}`, { defaultValue: p.state })}
                </Badge>
              </Table.Td>
              {ranked && (
                <Table.Td>
                  {typeof p.probability === 'number' ? formatProbability(p.probability, i18n.language) : ''}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});
