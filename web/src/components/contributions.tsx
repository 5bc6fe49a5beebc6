/** Why a match scored what it did: each compared field's agreement and its part of the weight. */
import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../api/types.js';
import { intlLocale } from '../lib/format.js';
import { levelText } from '../lib/levels.js';

/** The contributions of an explanation as a table with bars; `heading` false leaves the title out. */
export function Contributions({
  explanation,
  heading = true,
}: {
  explanation: Explanation;
  heading?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // Comparisons with nothing on one side add nothing; listing them would bury the ones that count.
  const shown = explanation.contributions.filter((c) => c.weight !== 0 || c.label !== 'missing');
  const max = Math.max(1, ...shown.map((c) => Math.abs(c.weight)));
  const n = (x: number) =>
    new Intl.NumberFormat(intlLocale(i18n.language), {
      maximumFractionDigits: 1,
      signDisplay: 'always',
    }).format(x);
  return (
    <Stack gap="xs" component="section">
      {heading && (
        <Title order={2} size="h4">
          {t('review.contributions')}
        </Title>
      )}
      <Table data-testid="contributions" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.field')}</Table.Th>
            <Table.Th scope="col">{t('review.level')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('review.weight')}
            </Table.Th>
            <Table.Td w="35%" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((c) => (
            <Table.Tr key={c.comparison}>
              <Table.Td>
                {t(`fields.${c.comparison}`, { defaultValue: c.comparison.replace(/_/g, ' ') })}
              </Table.Td>
              <Table.Td>{levelText(c.label, t, i18n.language)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {n(c.weight)}
              </Table.Td>
              <Table.Td>
                <div
                  aria-hidden
                  style={{
                    height: 10,
                    width: `${(Math.abs(c.weight) / max) * 100}%`,
                    background: c.weight >= 0 ? 'var(--mantine-color-green-8)' : 'var(--mantine-color-red-8)',
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
