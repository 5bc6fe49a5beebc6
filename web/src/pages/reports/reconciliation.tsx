/**
 * Figures read together across all stored reports: sums (an earlier total plus the counts since
 * equals the later total), consistent figures and conflicts, each with the figures it rests on; the
 * announced figures beside the registry's own counts for the same window; each source's series; and
 * the different words reports use for the same events. Loaded only when its tab is opened.
 */
import type { ReactNode } from 'react';
import { Anchor, Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useReportsReconciliation } from '../../api/queries.js';
import type { ReconciliationFinding, ReportsReconciliation } from '../../api/types.js';
import { ErrorAlert, Loading } from '../../components/page.js';
import { formatDay, formatNumber } from '../../lib/format.js';
import { categoryLabel, figureLine, windowText } from './report-format.js';

const KIND_COLOR = { sum: 'blue.8', consistent: 'green.9', conflict: 'red.8' } as const;

/** The reconciliation tab. */
export default function Reconciliation() {
  const { t } = useTranslation();
  const rec = useReportsReconciliation();
  if (rec.isPending) return <Loading />;
  if (rec.isError) return <ErrorAlert error={rec.error} onRetry={() => void rec.refetch()} />;
  const data = rec.data;
  if (data.reports.length === 0) return <Text c="dimmed">{t('reports.empty')}</Text>;
  return (
    <Stack gap="xl">
      <Findings data={data} />
      <Registry data={data} />
      <Series data={data} />
      <FramingDifferences data={data} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function useRefText(data: ReportsReconciliation) {
  const { t, i18n } = useTranslation();
  return {
    report: (r: number) => {
      const rep = data.reports[r];
      if (!rep) return '';
      const date = rep.published ? formatDay(rep.published, i18n.language) : t('reports.noDate');
      return `${rep.title ?? t('reports.untitled')} (${[rep.publisher, date].filter(Boolean).join(', ')})`;
    },
    figure: ([r, f]: [number, number]) => {
      const fig = data.reports[r]?.figures[f];
      return fig ? figureLine(fig, t, i18n.language) : '';
    },
    count: ([r, f]: [number, number]) => data.reports[r]?.figures[f]?.count ?? 0,
  };
}

/** "1,208 + 517 = 1,725" for a sum; "1,208 + 500 = 1,708 ≠ 1,100" for one that does not add up. */
function formula(
  f: ReconciliationFinding,
  count: (ref: [number, number]) => number,
  locale: string,
): string | null {
  if (f.rule !== 'sum' && f.rule !== 'sum_mismatch') return null;
  const counts = f.figures.map(count);
  const total = counts.pop();
  if (total === undefined || counts.length === 0) return null;
  const n = (x: number) => formatNumber(x, locale);
  const added = counts.reduce((a, b) => a + b, 0);
  return f.rule === 'sum'
    ? `${counts.map(n).join(' + ')} = ${n(total)}`
    : `${counts.map(n).join(' + ')} = ${n(added)} ≠ ${n(total)}`;
}

function Findings({ data }: { data: ReportsReconciliation }) {
  const { t, i18n } = useTranslation();
  const ref = useRefText(data);
  return (
    <Section title={t('reports.findings')}>
      {data.reconciliation.length === 0 ? (
        <Text c="dimmed">{t('reports.noFindings')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="reconciliation" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="32%">
                  {t('reports.finding')}
                </Table.Th>
                <Table.Th scope="col">{t('reports.figuresInvolved')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.reconciliation.map((f, i) => {
                const sum = formula(f, ref.count, i18n.language);
                return (
                  <Table.Tr key={i} data-testid={`finding-${f.kind}`}>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Badge color={KIND_COLOR[f.kind]}>{t(`reports.findingKinds.${f.kind}`)}</Badge>
                      <Text size="sm" mt={4}>
                        {f.rule
                          ? t(`reports.rules.${f.rule}`, { defaultValue: f.explanation })
                          : f.explanation}
                      </Text>
                      {sum && (
                        <Text size="sm" fw={700} ff="monospace" mt={2}>
                          {sum}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <List size="sm" spacing={2}>
                        {f.figures.map((r, k) => (
                          <List.Item key={k}>
                            <Text span fw={600} size="sm">
                              {ref.figure(r)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              <Anchor
                                component={Link}
                                href={`/reports/${data.reports[r[0]]?.id ?? ''}`}
                                size="xs"
                              >
                                {ref.report(r[0])}
                              </Anchor>
                              {data.reports[r[0]]?.figures[r[1]]?.attributedTo &&
                                ` · ${t('reports.according', { source: data.reports[r[0]]!.figures[r[1]]!.attributedTo })}`}
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Registry({ data }: { data: ReportsReconciliation }) {
  const { t, i18n } = useTranslation();
  const ref = useRefText(data);
  const rows = data.registry.filter((r) => r.registryCount !== null);
  return (
    <Section title={t('reports.registryTitle')}>
      <Text size="sm" c="dimmed">
        {t('reports.registryHint')}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('reports.noRegistry')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="registry-comparison" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.figure')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reports.announced')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reports.inRegistry')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reports.difference')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Text size="sm">
                      {categoryLabel(r.category, t)}, {windowText(r.window, t, i18n.language)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ref.report(r.figure[0])}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.announced, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.registryCount!, i18n.language)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {r.difference! > 0 ? '+' : ''}
                    {formatNumber(r.difference!, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Series({ data }: { data: ReportsReconciliation }) {
  const { t, i18n } = useTranslation();
  if (data.series.length === 0) return null;
  return (
    <Section title={t('reports.series')}>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="series" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.source')}</Table.Th>
              <Table.Th scope="col">{t('reports.figure')}</Table.Th>
              <Table.Th scope="col">{t('reports.announcedOver')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.series.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{s.source}</Table.Td>
                <Table.Td>
                  {categoryLabel(s.category, t)}
                  {s.population && (
                    <Text span fs="italic">
                      {' '}
                      {s.population}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.points.map((p, k) => (
                    <Text key={k} size="sm">
                      {p.date ? formatDay(p.date, i18n.language) : t('reports.noDate')}:{' '}
                      <Text span fw={600}>
                        {formatNumber(p.count, i18n.language)}
                      </Text>{' '}
                      <Text span size="xs" c="dimmed">
                        ({t(`reports.windowKinds.${p.kind}`, { defaultValue: p.kind })})
                      </Text>
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function FramingDifferences({ data }: { data: ReportsReconciliation }) {
  const { t } = useTranslation();
  const ref = useRefText(data);
  if (data.framingDifferences.length === 0) return null;
  return (
    <Section title={t('reports.framingDifferences')}>
      <Table data-testid="framing-differences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.concept')}</Table.Th>
            <Table.Th scope="col">{t('reports.terms')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.framingDifferences.map((d) => (
            <Table.Tr key={d.for}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {t(`reports.concepts.${d.for}`, { defaultValue: d.for })}
              </Table.Td>
              <Table.Td>
                {d.terms.map((x) => (
                  <Text key={x.report} size="sm">
                    {x.terms.map((term) => `“${term}”`).join(', ')}{' '}
                    <Text span size="xs" c="dimmed">
                      — {ref.report(x.report)}
                    </Text>
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
