/** The timeline: events in order, retracted ones struck through with their reason. */
import { Group, Stack, Text, Timeline as MTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import type { PersonDetail, Place } from '../../api/types.js';
import { ReasonButton } from '../../components/reason-button.js';
import { formatPartialDate } from '../../lib/format.js';
import { ConfidenceBadge } from './field-table.js';

interface Props {
  detail: PersonDetail;
  places: Place[];
  writable: boolean;
  onChanged: () => void;
}

/** The person's timeline. */
export function Timeline({ detail, places, writable, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  if (detail.timeline.length === 0) return <Text c="dimmed">{t('person.noEvents')}</Text>;
  const placeName = (id: string | null) => (id ? places.find((p) => p.id === id)?.name : undefined);
  return (
    <MTimeline bulletSize={14} lineWidth={2} data-testid="timeline">
      {detail.timeline.map((e) => {
        const gone = Boolean(e.retraction);
        const where = [placeName(e.fromPlaceId), e.placeText ?? placeName(e.placeId)]
          .filter(Boolean)
          .join(' → ');
        const source = detail.sources.find((s) => s.id === e.sourceId);
        return (
          <MTimeline.Item
            key={e.id}
            color={gone ? 'gray' : 'indigo'}
            title={
              <Group gap="xs">
                <Text
                  fw={600}
                  className={gone ? 'wa-retracted' : undefined}
                  data-retracted={gone || undefined}
                >
                  {t(`events.${e.kind}`, { defaultValue: e.kind })}
                  {e.severity && ` (${t(`severity.${e.severity}`)})`}
                </Text>
                <ConfidenceBadge confidence={e.confidence} />
              </Group>
            }
          >
            <Stack gap={2}>
              <Text size="sm" className={gone ? 'wa-retracted' : undefined}>
                {[formatPartialDate(e.date, i18n.language), where].filter(Boolean).join(' · ')}
              </Text>
              {e.details && <Text size="sm">{e.details}</Text>}
              {source && (
                <Text size="xs" c="dimmed">
                  {source.title} ({source.reliability})
                </Text>
              )}
              {e.retraction && (
                <Text size="sm" c="red.9">
                  {t('person.retracted', { reason: e.retraction.reason })}
                </Text>
              )}
              {writable && !gone && (
                <div>
                  <ReasonButton
                    label={t('person.retract')}
                    title={t('person.retractTitle')}
                    ariaLabel={`${t('person.retract')}: ${t(`events.${e.kind}`)}`}
                    onConfirm={async (reason) => {
                      await post(`/api/persons/${detail.person.id}/events/${e.id}/retract`, {
                        reason,
                        expectedVersion: detail.person.version,
                      });
                      onChanged();
                    }}
                  />
                </div>
              )}
            </Stack>
          </MTimeline.Item>
        );
      })}
    </MTimeline>
  );
}
