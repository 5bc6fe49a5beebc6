/**
 * The analysts' dashboard: counts by status, by place and over time. Aggregates only; the API
 * answers nothing personal here. The charts library loads with this page alone.
 */
import { useMemo, useState } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStats } from '../api/queries.js';
import { EVENT_KINDS, STATES, type Stats } from '../api/types.js';
import { ErrorAlert, Loading, Page } from '../components/page.js';
import { formatMonth, formatNumber } from '../lib/format.js';
import { dayProblem } from '../lib/validate.js';

const COLOURS = [
  'indigo.7',
  'teal.7',
  'orange.7',
  'red.7',
  'grape.7',
  'cyan.7',
  'lime.8',
  'pink.7',
  'yellow.8',
  'blue.7',
  'gray.7',
];

/** The dashboard page. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromError = dayProblem(from, t);
  const toError = dayProblem(to, t);
  const range = { ...(from && !fromError && { from }), ...(to && !toError && { to }) };
  const stats = useStats(range);
  return (
    <Page title={t('dashboard.title')}>
      <Group align="flex-start">
        <TextInput
          label={t('dashboard.from')}
          type="date"
          value={from}
          error={fromError}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t('dashboard.to')}
          type="date"
          value={to}
          error={toError}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Figures stats={stats.data} />
      )}
    </Page>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Figures({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const byState = STATES.filter((s) => stats.byState[s]).map((s) => ({
    state: t(`states.${s}`),
    count: stats.byState[s] ?? 0,
  }));
  const byPlace = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of stats.byPlace) {
      const name = p.placeName ?? t('dashboard.unknownPlace');
      m.set(name, (m.get(name) ?? 0) + p.count);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [stats.byPlace, t]);
  const kinds = EVENT_KINDS.filter((k) => stats.eventsByMonth.some((e) => e.kind === k));
  const overTime = useMemo(() => {
    const months = [...new Set(stats.eventsByMonth.map((e) => e.month))].sort();
    return months.map((month) => {
      const row: Record<string, string | number> = { month: formatMonth(month, i18n.language) };
      for (const k of kinds) row[k] = 0;
      for (const e of stats.eventsByMonth) if (e.month === month) row[e.kind] = e.count;
      return row;
    });
  }, [stats.eventsByMonth, kinds, i18n.language]);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t('dashboard.persons')}
        </Text>
        <Text size="2rem" fw={700} data-testid="persons-total">
          {n(stats.persons)}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title={t('dashboard.byState')}>
          {byState.length ? (
            <>
              <BarChart
                h={220}
                data={byState}
                dataKey="state"
                series={[{ name: 'count', label: t('dashboard.count'), color: 'indigo.7' }]}
                aria-hidden
              />
              <Table mt="sm" data-testid="by-state">
                <Table.Tbody>
                  {byState.map((r) => (
                    <Table.Tr key={r.state}>
                      <Table.Th scope="row">{r.state}</Table.Th>
                      <Table.Td ta="right">{n(r.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <Text c="dimmed">{t('dashboard.noData')}</Text>
          )}
        </Card>
        <Card title={t('dashboard.byPlace')}>
          {byPlace.length ? (
            <Table.ScrollContainer minWidth={240} mah={340}>
              <Table striped data-testid="by-place">
                <Table.Tbody>
                  {byPlace.map(([name, count]) => (
                    <Table.Tr key={name}>
                      <Table.Th scope="row">{name}</Table.Th>
                      <Table.Td ta="right">{n(count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text c="dimmed">{t('dashboard.noData')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Card title={t('dashboard.overTime')}>
        {overTime.length ? (
          <figure style={{ margin: 0 }} aria-label={t('dashboard.chartLabel')}>
            <LineChart
              h={300}
              data={overTime}
              dataKey="month"
              withLegend
              curveType="linear"
              series={kinds.map((k, i) => ({
                name: k,
                label: t(`events.${k}`),
                color: COLOURS[i % COLOURS.length]!,
              }))}
            />
          </figure>
        ) : (
          <Text c="dimmed">{t('dashboard.noData')}</Text>
        )}
      </Card>
    </Stack>
  );
}
