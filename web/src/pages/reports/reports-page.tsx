/**
 * Reports: the stored news reports and official statements with what was read from them, the form
 * to submit one (text, HTML or a web address), and the reconciliation of figures across reports.
 * The two tabs are two addresses (/reports, /reports/reconciliation) so that Back works.
 */
import { lazy, Suspense, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useMe, useReports } from '../../api/queries.js';
import type { ReportSummary } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { can } from '../../lib/capabilities.js';
import { formatDay } from '../../lib/format.js';
import { ReportForm } from './report-form.js';
import { reasonText } from './report-format.js';

const Reconciliation = lazy(() => import('./reconciliation.js'));

/** The reports page (routes /reports and /reports/reconciliation). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [location, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const mayReconcile = can(me.data, 'stats.read');
  const tab = mayReconcile && location.endsWith('/reconciliation') ? 'reconciliation' : 'list';
  return (
    <Page
      title={t('reports.title')}
      actions={
        can(me.data, 'report.write') && (
          <Button onClick={() => setAdding(true)} data-testid="report-add">
            {t('reports.add')}
          </Button>
        )
      }
    >
      <Tabs
        value={tab}
        onChange={(v) => navigate(v === 'reconciliation' ? '/reports/reconciliation' : '/reports')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="list">{t('reports.tabs.list')}</Tabs.Tab>
          {mayReconcile && <Tabs.Tab value="reconciliation">{t('reports.tabs.reconciliation')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <ReportList />
        </Tabs.Panel>
        {mayReconcile && (
          <Tabs.Panel value="reconciliation" pt="md">
            <Suspense fallback={<Loading />}>
              <Reconciliation />
            </Suspense>
          </Tabs.Panel>
        )}
      </Tabs>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('reports.add')} size="xl">
        <ReportForm onDone={() => setAdding(false)} />
      </Modal>
    </Page>
  );
}

function ReportList() {
  const { t, i18n } = useTranslation();
  const reports = useReports();
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.length === 0) return <Text c="dimmed">{t('reports.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="reports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.report')}</Table.Th>
            <Table.Th scope="col">{t('sources.published')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.figuresCount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.personsCount')}
            </Table.Th>
            <Table.Th scope="col">{t('reports.leads')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} href={`/reports/${r.id}`} fw={600}>
                  {r.title ?? t('reports.untitled')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[r.publisher, r.language].filter(Boolean).join(' · ')}
                </Text>
                {r.reason && r.figures === 0 && (
                  <Text size="xs" c="orange.9">
                    {reasonText(r.reason, t)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.published ? formatDay(r.published, i18n.language) : t('reports.noDate')}</Table.Td>
              <Table.Td ta="right">{r.figures}</Table.Td>
              <Table.Td ta="right">{r.persons}</Table.Td>
              <Table.Td>
                <LeadCounts leads={r.leads} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LeadCounts({ leads }: { leads: ReportSummary['leads'] }) {
  const { t } = useTranslation();
  const entries = (['open', 'accepted', 'dismissed'] as const).filter((s) => (leads[s] ?? 0) > 0);
  if (entries.length === 0) return <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Group gap={4}>
      {entries.map((s) => (
        <Badge
          key={s}
          variant={s === 'open' ? 'filled' : 'light'}
          color={s === 'open' ? 'blue.8' : 'gray'}
          c={s === 'open' ? undefined : 'dark'}
        >
          {t(`reports.leadCount.${s}`, { count: leads[s] })}
        </Badge>
      ))}
    </Group>
  );
}
