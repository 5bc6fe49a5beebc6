/** An import's report: counts, the column mapping (editable before committing), rejected rows and warnings. */
import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportReport, type RowProblem } from '../../api/types.js';
import { formatNumber } from '../../lib/format.js';
import { problemText } from '../../lib/import-problems.js';

const COUNTS = [
  'rows',
  'created',
  'linked',
  'queued',
  'enquiryCandidates',
  'updated',
  'unchanged',
  'rejectedCount',
] as const;

/** Counts shown only when there is something to tell (a dry run never queues enquiry candidates). */
const ONLY_WHEN_SET: ReadonlySet<string> = new Set(['enquiryCandidates']);

/** Counts as a grid of labelled figures. */
export function ReportCounts({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} data-testid="import-counts">
      {COUNTS.filter((k) => !ONLY_WHEN_SET.has(k) || report[k] > 0).map((k) => (
        <Paper withBorder p="xs" key={k}>
          <Text size="xs" c="dimmed">
            {t(`imports.counts.${k}`)}
          </Text>
          <Text fw={700} size="lg">
            {formatNumber(report[k], i18n.language)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Column → field choices; `mapping` holds the user's current choice per column. */
export function MappingEditor({
  report,
  mapping,
  onChange,
  disabled,
}: {
  report: ImportReport;
  mapping: Record<string, string>;
  onChange: (column: string, field: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const columns = [...Object.keys(report.mapping), ...report.unmappedColumns];
  const options = [
    { value: '', label: t('imports.notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('imports.mapping')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('imports.mappingHint', {
          format: report.format.toUpperCase(),
          encoding: report.encoding,
          order: report.dateOrder,
        })}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table data-testid="import-mapping" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((c) => (
              <Table.Tr key={c}>
                <Table.Th scope="row" ff="monospace" fw={500}>
                  {c}
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    aria-label={`${t('imports.field')}: ${c}`}
                    size="xs"
                    value={mapping[c] ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(c, e.currentTarget.value)}
                    data={options}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Rejected rows or warnings: row, column and what is wrong, in the user's language. */
export function RowProblems({
  title,
  rows,
  total,
  colour,
}: {
  title: string;
  rows: RowProblem[];
  total: number;
  colour: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={colour} variant="light" c="dark">
          {total}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={520} mah={320}>
        <Table striped verticalSpacing={2} data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.row}-${i}`}>
                <Table.Td>{r.row > 0 ? r.row : ''}</Table.Td>
                <Table.Td ff="monospace">{r.column ?? ''}</Table.Td>
                <Table.Td>{problemText(r, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
