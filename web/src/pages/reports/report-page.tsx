/**
 * One report: where and when it was published (and how the date was found), the figures it
 * announced, the people it named with their leads into the registry, places and organisations,
 * quotes, framing, and the numbers that were not read as figures.
 */
import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, List, Stack, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useReport } from '../../api/queries.js';
import type { ReportDetail, ReportExtraction } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { formatDay } from '../../lib/format.js';
import { FiguresTable } from './figures-table.js';
import { PeopleAndLeads } from './leads.js';
import { datingText, reasonText, skippedText } from './report-format.js';

/** The report page (route /reports/:id). */
export default function ReportPage() {
  const { id } = useParams<{ id: string }>();
  const report = useReport(id);
  const { t } = useTranslation();
  if (report.isPending) return <Loading />;
  if (report.isError)
    return (
      <Page title={t('reports.title')}>
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      </Page>
    );
  return <ReportView r={report.data} />;
}

function ReportView({ r }: { r: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const x = r.extraction;
  const dating = datingText(x, t);
  const open = r.leads.filter((l) => l.status === 'open').length;
  return (
    <Page title={r.title ?? t('reports.untitled')}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} href="/reports" size="sm">
          {t('reports.back')}
        </Anchor>
        <Text size="sm" c="dimmed" data-testid="report-meta">
          {[
            r.publisher,
            r.published ? formatDay(r.published, i18n.language) : t('reports.noDate'),
            r.language,
            x.authors.length ? t('reports.by', { names: x.authors.join(', ') }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {r.url && (
          <Anchor href={r.url} target="_blank" rel="noreferrer noopener" size="sm">
            {t('reports.original')}
          </Anchor>
        )}
      </Group>
      {x.reason && x.figures.length === 0 && (
        <Alert color="orange" role="status" data-testid="report-reason">
          {reasonText(x.reason, t)}
        </Alert>
      )}
      {dating && (
        <Alert color={dating.open ? 'yellow' : 'gray'} role="status" data-testid="report-dating">
          <Text size="sm" c="dark">
            {dating.text}
          </Text>
        </Alert>
      )}
      <Tabs defaultValue="figures" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="figures">{t('reports.tabs.figures', { n: x.figures.length })}</Tabs.Tab>
          <Tabs.Tab value="people" data-testid="tab-people">
            {t('reports.tabs.people', { n: x.persons.length })}
            {open > 0 && (
              <Badge
                size="xs"
                ml={6}
                color="blue.8"
                aria-label={t('reports.leadCount.open', { count: open })}
              >
                {open}
              </Badge>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="places">
            {t('reports.tabs.places', { n: x.places.length + x.organizations.length })}
          </Tabs.Tab>
          <Tabs.Tab value="quotes">{t('reports.tabs.quotes', { n: x.quotes.length })}</Tabs.Tab>
          <Tabs.Tab value="framing">{t('reports.tabs.framing', { n: x.framing.length })}</Tabs.Tab>
          {(x.skipped.length > 0 || x.truncated.length > 0) && (
            <Tabs.Tab value="unread">
              {t('reports.tabs.unread', { n: x.skipped.length + x.truncated.length })}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="figures" pt="md">
          <FiguresTable figures={x.figures} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeopleAndLeads report={r} />
        </Tabs.Panel>
        <Tabs.Panel value="places" pt="md">
          <PlacesAndOrganizations x={x} />
        </Tabs.Panel>
        <Tabs.Panel value="quotes" pt="md">
          <Quotes x={x} />
        </Tabs.Panel>
        <Tabs.Panel value="framing" pt="md">
          <Framing x={x} />
        </Tabs.Panel>
        <Tabs.Panel value="unread" pt="md">
          <Unread x={x} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <Text c="dimmed">{children}</Text>;
}

function PlacesAndOrganizations({ x }: { x: ReportExtraction }) {
  const { t } = useTranslation();
  if (x.places.length === 0 && x.organizations.length === 0) return <Empty>{t('reports.nonePlaces')}</Empty>;
  const rows = [
    ...x.places.map((p) => ({
      name: p.name,
      kind: t(`reports.placeKinds.${p.kind}`, { defaultValue: p.kind }),
    })),
    ...x.organizations.map((o) => ({
      name: o.name,
      kind: t(`reports.orgKinds.${o.kind}`, { defaultValue: o.kind }),
    })),
  ];
  return (
    <Table data-testid="report-places" maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('places.name')}</Table.Th>
          <Table.Th scope="col">{t('places.kind')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={`${p.kind}|${p.name}`}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.kind}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Quotes({ x }: { x: ReportExtraction }) {
  const { t } = useTranslation();
  if (x.quotes.length === 0) return <Empty>{t('reports.noneQuotes')}</Empty>;
  return (
    <Stack gap="sm" data-testid="report-quotes">
      {x.quotes.map((q, i) => (
        <blockquote
          key={i}
          style={{ margin: 0, paddingLeft: 12, borderLeft: '3px solid var(--mantine-color-gray-5)' }}
        >
          <Text size="sm">
            “{q.text}”
            {q.truncated && (
              <Badge ml="xs" size="sm" variant="outline" color="orange.9">
                {t('reports.cutOff')}
              </Badge>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            — {q.speaker ?? t('reports.unknownSpeaker')}
          </Text>
        </blockquote>
      ))}
    </Stack>
  );
}

function Framing({ x }: { x: ReportExtraction }) {
  const { t } = useTranslation();
  if (x.framing.length === 0) return <Empty>{t('reports.noneFraming')}</Empty>;
  const byConcept = new Map<string, string[]>();
  for (const f of x.framing) byConcept.set(f.for, [...(byConcept.get(f.for) ?? []), f.term]);
  return (
    <Table data-testid="report-framing" maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.concept')}</Table.Th>
          <Table.Th scope="col">{t('reports.terms')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...byConcept].map(([concept, terms]) => (
          <Table.Tr key={concept}>
            <Table.Td>{t(`reports.concepts.${concept}`, { defaultValue: concept })}</Table.Td>
            <Table.Td>{terms.map((term) => `“${term}”`).join(', ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Unread({ x }: { x: ReportExtraction }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {x.skipped.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('reports.skipped')}</Text>
          <List spacing={4} size="sm">
            {x.skipped.map((s, i) => (
              <List.Item key={i}>
                <Text span fw={600}>
                  {s.text}
                </Text>
                : {skippedText(s.reason, t)}
                <Text size="xs" c="dimmed">
                  {s.sentence}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {x.truncated.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('reports.truncated')}</Text>
          <List spacing={4} size="sm">
            {x.truncated.map((s, i) => (
              <List.Item key={i}>{s}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
