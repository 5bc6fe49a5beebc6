/** The figures of one report: count, what was counted, the window, who said it, and the sentence. */
import { Fragment } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFigure } from '../../api/types.js';
import { categoryLabel, countText, windowText } from './report-format.js';

/** One row per figure and, under it, the sentence it was read from. */
export function FiguresTable({ figures }: { figures: ReportFigure[] }) {
  const { t, i18n } = useTranslation();
  if (figures.length === 0) return <Text c="dimmed">{t('reports.noneFigures')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="report-figures" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={36}>
              #
            </Table.Th>
            <Table.Th scope="col">{t('reports.figure')}</Table.Th>
            <Table.Th scope="col">{t('reports.when')}</Table.Th>
            <Table.Th scope="col">{t('reports.saidBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((f, i) => (
            <Fragment key={i}>
              <Table.Tr data-testid="figure" style={{ borderBottom: 0 }}>
                <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
                  {i + 1}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text>
                    <Text fw={700} span>
                      {countText(f, t, i18n.language)}
                    </Text>{' '}
                    {categoryLabel(f.category, t)}
                    {f.population && (
                      <Text span fs="italic">
                        {' '}
                        {f.population}
                      </Text>
                    )}
                  </Text>
                  <Group gap={4} mt={2}>
                    {f.includedIn !== null && (
                      <Badge size="sm" variant="light" color="gray" c="dark">
                        {t('reports.partOf', { n: f.includedIn + 1 })}
                      </Badge>
                    )}
                    {f.hedged && (
                      <Badge size="sm" variant="outline" color="orange.9">
                        {t('reports.hedged')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">{windowText(f.window, t, i18n.language, f.relative)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`reports.windowKinds.${f.window.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">{f.attributedTo ?? t('common.none')}</Text>
                </Table.Td>
              </Table.Tr>
              {f.sentence && (
                <Table.Tr>
                  <Table.Td />
                  <Table.Td colSpan={3} pt={0}>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      “{f.sentence}”
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
