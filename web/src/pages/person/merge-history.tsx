/** Merges this person took part in, with undo for those still in force. */
import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { post } from '../../api/client.js';
import type { PersonDetail } from '../../api/types.js';
import { ReasonButton } from '../../components/reason-button.js';
import { formatDay } from '../../lib/format.js';

/** The merge history. */
export function MergeHistory({
  detail,
  canUndo,
  onChanged,
}: {
  detail: PersonDetail;
  canUndo: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (detail.merges.length === 0) return <Text c="dimmed">{t('person.noMerges')}</Text>;
  const short = (id: string) => (
    <Anchor component={Link} href={`/persons/${id}`} ff="monospace">
      {id.slice(0, 8)}
    </Anchor>
  );
  return (
    <List spacing="xs" data-testid="merges">
      {detail.merges.map((m) => (
        <List.Item key={m.id}>
          <Text size="sm" className={m.undoneAt ? 'wa-retracted' : undefined}>
            {short(m.mergedId)} → {short(m.survivorId)} · {formatDay(m.recordedAt, i18n.language)} ·{' '}
            {m.reason}
          </Text>
          {m.undoneAt && (
            <Text size="sm">
              {t('person.undone', { date: formatDay(m.undoneAt, i18n.language), reason: m.undoReason ?? '' })}
            </Text>
          )}
          {canUndo && !m.undoneAt && (
            <ReasonButton
              label={t('person.undo')}
              title={t('person.undoTitle')}
              onConfirm={async (reason) => {
                await post(`/api/merges/${m.id}/undo`, { reason });
                onChanged();
              }}
            />
          )}
        </List.Item>
      ))}
    </List>
  );
}
