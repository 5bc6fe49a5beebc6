/**
 * The person page: every field with its value, sources and confidence (conflicting values shown),
 * the timeline (retracted events struck through), merge history with undo, and forms to add a
 * claim or an event. Every write sends the version the user saw; a stale one is refused, never applied.
 */
import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { usePerson, useSources, usePlaces } from '../../api/queries.js';
import type { PersonDetail } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { useMe } from '../../api/queries.js';
import { can } from '../../lib/capabilities.js';
import { formatPartialDate, formatValue } from '../../lib/format.js';
import { ClaimForm } from './claim-form.js';
import { EventForm } from './event-form.js';
import { FieldTable, ClaimHistory } from './field-table.js';
import { MergeHistory } from './merge-history.js';
import { Timeline } from './timeline.js';

/** The person page (route /persons/:id). */
export default function PersonPage() {
  const { id } = useParams<{ id: string }>();
  const person = usePerson(id);
  const { t } = useTranslation();
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <Page title={t('person.title')}>
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </Page>
    );
  return <PersonView detail={person.data} />;
}

function nameOf(detail: PersonDetail, t: (k: string) => string, locale: string): string {
  const f = detail.view.fields;
  const text = (k: string) => {
    const v = f[k]?.best.value;
    return v === undefined ? undefined : formatValue(k, v, t as never, locale);
  };
  const parts = [text('family_name'), text('given_name'), text('patronymic')].filter(Boolean);
  return parts.length ? parts.join(' ') : (text('name_original') ?? t('person.unnamed'));
}

function PersonView({ detail }: { detail: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const sources = useSources();
  const places = usePlaces();
  const writable = can(me.data, 'person.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['person', detail.person.id] });
  const status = detail.status;
  const place = status.placeText ?? places.data?.items.find((p) => p.id === status.placeId)?.name;
  const original = detail.view.fields['name_original']?.best.value;
  return (
    <Page title={nameOf(detail, t, i18n.language)}>
      {detail.person.mergedInto && (
        <Alert color="yellow">
          {t('person.mergedInto')}{' '}
          <Anchor component={Link} href={`/persons/${detail.person.mergedInto}`}>
            {t('person.openSurvivor')}
          </Anchor>
        </Alert>
      )}
      <Group gap="sm" wrap="wrap">
        {typeof original === 'string' && <Text size="lg">{original}</Text>}
        <Badge
          size="lg"
          variant="light"
          color={status.state === 'dead' ? 'dark' : 'indigo'}
          data-testid="person-state"
        >
          {t(`states.${status.state}`)}
        </Badge>
        {status.wounded && (
          <Badge color="red" variant="light">
            {t('person.wounded')}
          </Badge>
        )}
        {status.since && (
          <Text size="sm">{t('person.since', { date: formatPartialDate(status.since, i18n.language) })}</Text>
        )}
        {place && <Text size="sm">{t('person.at', { place })}</Text>}
        <Text size="xs" c="dimmed">
          {t('common.version', { version: detail.person.version })}
        </Text>
      </Group>
      <Section title={t('person.fields')}>
        <FieldTable detail={detail} />
        {detail.hiddenFields > 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('person.hidden', { count: detail.hiddenFields })}
          </Text>
        )}
        <ClaimHistory detail={detail} writable={writable} onChanged={refresh} />
      </Section>
      <Section title={t('person.timeline')}>
        <Timeline detail={detail} places={places.data?.items ?? []} writable={writable} onChanged={refresh} />
      </Section>
      <Section title={t('person.merges')}>
        <MergeHistory detail={detail} canUndo={can(me.data, 'person.merge')} onChanged={refresh} />
      </Section>
      {writable && !detail.person.mergedInto && (
        <Paper withBorder p="md">
          <Tabs defaultValue="claim" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="claim">{t('person.addClaim')}</Tabs.Tab>
              <Tabs.Tab value="event">{t('person.addEvent')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="claim" pt="md">
              <ClaimForm
                detail={detail}
                sources={sources.data?.items ?? []}
                onSaved={refresh}
                onReload={refresh}
              />
            </Tabs.Panel>
            <Tabs.Panel value="event" pt="md">
              <EventForm
                detail={detail}
                sources={sources.data?.items ?? []}
                places={places.data?.items ?? []}
                onSaved={refresh}
                onReload={refresh}
              />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
    </Page>
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
