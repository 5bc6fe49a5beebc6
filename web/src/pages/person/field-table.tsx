/** The person's fields: best value, confidence, sources; conflicting values listed under it. */
import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import type { FieldValue, PersonDetail } from '../../api/types.js';
import { CLAIM_FIELDS } from '../../api/types.js';
import { ReasonButton } from '../../components/reason-button.js';
import { formatDay, formatValue } from '../../lib/format.js';

const CONFIDENCE_COLOUR: Record<string, string> = {
  confirmed: 'green',
  probable: 'blue',
  unconfirmed: 'gray',
  disputed: 'red',
};

/** A confidence as a coloured badge with its name (colour is never the only cue). */
export function ConfidenceBadge({ confidence }: { confidence: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={CONFIDENCE_COLOUR[confidence] ?? 'gray'} c="dark" size="sm">
      {t(`confidence.${confidence}`, { defaultValue: confidence })}
    </Badge>
  );
}

function SourceList({ ids, detail }: { ids: string[]; detail: PersonDetail }) {
  const names = ids.map((id) => detail.sources.find((s) => s.id === id)).filter(Boolean);
  return (
    <Text size="sm">
      {names.map((s, i) => (
        <span key={s!.id}>
          {i > 0 && '; '}
          {s!.title}{' '}
          <Text span size="xs" c="dimmed">
            ({s!.reliability})
          </Text>
        </span>
      ))}
    </Text>
  );
}

function order(field: string): number {
  const i = (CLAIM_FIELDS as readonly string[]).indexOf(field);
  return i < 0 ? 999 : i;
}

/** The table of fields. */
export function FieldTable({ detail }: { detail: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(detail.view.fields).sort(([a], [b]) => order(a) - order(b));
  const show = (field: string, v: FieldValue) => formatValue(field, v.value, t, i18n.language);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="person-fields" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.field')}</Table.Th>
            <Table.Th scope="col">{t('person.value')}</Table.Th>
            <Table.Th scope="col">{t('person.confidence')}</Table.Th>
            <Table.Th scope="col">{t('person.sources')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([field, fv]) => (
            <Table.Tr key={field} data-field={field}>
              <Table.Th scope="row" fw={500}>
                {t(`fields.${field}`, { defaultValue: field })}
              </Table.Th>
              <Table.Td>
                <Text fw={600}>{show(field, fv.best)}</Text>
                {fv.conflicts.length > 0 && (
                  <Stack gap={2} mt={4} data-testid="conflicts" aria-label={t('person.conflicts')}>
                    {fv.conflicts.map((c) => (
                      <Group key={c.claimIds.join()} gap={6} wrap="wrap">
                        <Badge color="orange" variant="light" c="dark" size="xs">
                          {t('person.conflicts')}
                        </Badge>
                        <Text size="sm">{t('person.conflict', { value: show(field, c) })}</Text>
                        <ConfidenceBadge confidence={c.confidence} />
                        <SourceList ids={c.sourceIds} detail={detail} />
                      </Group>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <ConfidenceBadge confidence={fv.best.confidence} />
              </Table.Td>
              <Table.Td>
                <SourceList ids={fv.best.sourceIds} detail={detail} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every claim ever recorded, with superseded and retracted ones marked; retract from here. */
export function ClaimHistory({
  detail,
  writable,
  onChanged,
}: {
  detail: PersonDetail;
  writable: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const supersededIds = new Set(detail.claims.map((c) => c.supersedes).filter(Boolean));
  const claims = [...detail.claims].sort(
    (a, b) => order(a.field) - order(b.field) || a.recordedAt.localeCompare(b.recordedAt),
  );
  return (
    <Accordion variant="contained">
      <Accordion.Item value="all">
        <Accordion.Control>{t('person.allClaims')}</Accordion.Control>
        <Accordion.Panel>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {claims.map((c) => {
                  const source = detail.sources.find((s) => s.id === c.sourceId);
                  const gone = Boolean(c.retraction);
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>{t(`fields.${c.field}`, { defaultValue: c.field })}</Table.Td>
                      <Table.Td className={gone ? 'wa-retracted' : undefined}>
                        {formatValue(c.field, c.value, t, i18n.language)}
                        {supersededIds.has(c.id) && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('person.superseded')})
                          </Text>
                        )}
                        {c.retraction && (
                          <Text span size="xs" className="wa-retracted-note">
                            {t('person.retracted', { reason: c.retraction.reason })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ConfidenceBadge confidence={c.confidence} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{source?.title}</Text>
                        <Text size="xs" c="dimmed">
                          {t('person.recorded', { date: formatDay(c.recordedAt, i18n.language) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {writable && !gone && (
                          <ReasonButton
                            label={t('person.retract')}
                            title={t('person.retractTitle')}
                            ariaLabel={`${t('person.retract')}: ${t(`fields.${c.field}`)}`}
                            onConfirm={async (reason) => {
                              await post(`/api/persons/${detail.person.id}/claims/${c.id}/retract`, {
                                reason,
                                expectedVersion: detail.person.version,
                              });
                              onChanged();
                            }}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
