/**
 * One entry of an exchange list: who it is (the registry person, or the entry as the list wrote it
 * with the registry persons it may be), what verification found, the steps recorded, the event a
 * completion wrote into the person's timeline, and the next step, sent with the version seen.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { post } from '../../api/client.js';
import { ENTRY_TRANSITIONS, type ExchangeEntry, type ExchangeList } from '../../api/types.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { errorText, isVersionConflict } from '../../lib/errors.js';
import {
  formatDateTime,
  formatDay,
  formatPartialDate,
  formatProbability,
  formatSummaryDate,
} from '../../lib/format.js';
import { dayProblem, textProblem } from '../../lib/validate.js';

const SUBMITTED_FIELDS = [
  'full_name',
  'family_name',
  'given_name',
  'patronymic',
  'date_of_birth',
  'service_number',
  'rank',
  'unit',
] as const;

/** The name an entry is shown by: the registry person's, else the one the list wrote. */
export function entryName(e: ExchangeEntry, t: TFunction): string {
  const s = e.submitted;
  const written = s
    ? (s.full_name ?? [s.family_name, s.given_name, s.patronymic].filter(Boolean).join(' '))
    : '';
  return e.name ?? (written || t('person.unnamed'));
}

/** Where the registry placed the person when the entry was verified (and, with `dated`, when that was). */
export function RegistryStatus({ entry, dated = false }: { entry: ExchangeEntry; dated?: boolean }) {
  const { t, i18n } = useTranslation();
  const v = entry.verification;
  if (!v)
    return (
      <Text size="sm" c="dimmed">
        {t('exchange.notVerified')}
      </Text>
    );
  if (!v.status) return null;
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        variant="light"
        color={v.status.state === 'dead' ? 'dark' : 'indigo'}
        style={{ flexShrink: 0, overflow: 'visible' }}
        styles={{ label: { whiteSpace: 'nowrap', overflow: 'visible' } }}
        data-testid="entry-state"
      >
        {t(`states.${v.status.state}`, { defaultValue: v.status.state })}
      </Badge>
      {(entry.location || v.status.since) && (
        <Text size="xs">
          {[
            entry.location,
            v.status.since && t('exchange.since', { date: formatPartialDate(v.status.since, i18n.language) }),
          ]
            .filter(Boolean)
            .join(', ')}
        </Text>
      )}
      {dated && (
        <Text size="xs" c="dimmed">
          {t('exchange.checkedAt', { date: formatDay(v.checkedAt, i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}

/** What verification found, in words (older verifications carry only the server's sentences). */
export function Findings({ entry }: { entry: ExchangeEntry }) {
  const { t } = useTranslation();
  const v = entry.verification;
  if (!v) return null;
  const texts = v.findings
    ? v.findings.map((f) =>
        t(`exchange.findings.${f.code}`, {
          defaultValue: f.code,
          field: f.field ? t(`fields.${f.field}`, { defaultValue: f.field }).toLowerCase() : '',
        }),
      )
    : v.problems;
  if (texts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('exchange.noFindings')}
      </Text>
    );
  return (
    <Group gap={4} data-testid="entry-findings">
      {texts.map((text) => (
        <Badge
          key={text}
          variant="outline"
          color="orange.9"
          radius="sm"
          tt="none"
          style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
        >
          {text}
        </Badge>
      ))}
    </Group>
  );
}

interface Props {
  list: ExchangeList;
  entry: ExchangeEntry;
  writable: boolean;
  onChanged: () => Promise<void>;
}

/** The panel of one entry. */
export function EntryPanel({ list, entry, writable, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const v = entry.verification;
  const s = entry.submitted;
  const [error, setError] = useState<unknown>(null);
  const move = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      await post(`/api/exchange-lists/${list.id}/entries/${entry.id}/transition`, {
        ...body,
        expectedVersion: entry.version,
      });
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const canVerify = writable && (ENTRY_TRANSITIONS[entry.status] ?? []).includes('verified');
  return (
    <Stack data-testid="entry-panel">
      {error !== null &&
        (isVersionConflict(error) ? (
          <ConflictAlert onReload={() => (setError(null), void onChanged())} />
        ) : (
          <Alert color="red" role="alert">
            {errorText(error, t)}
          </Alert>
        ))}
      <Group gap="xs">
        {entry.personId ? (
          <Anchor component={Link} href={`/persons/${entry.personId}`} fw={600}>
            {entryName(entry, t)}
          </Anchor>
        ) : (
          <Text fw={600}>{t('exchange.notLinked')}</Text>
        )}
        <Badge variant="light" c="dark">
          {t(`exchange.statuses.${entry.status}`, { defaultValue: entry.status })}
        </Badge>
      </Group>
      {s && (
        <Table verticalSpacing={2} data-testid="entry-submitted">
          <Table.Tbody>
            {SUBMITTED_FIELDS.filter((f) => s[f]).map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row" w="40%">
                  {f === 'full_name' ? t('exchange.fullName') : t(`fields.${f}`)}
                </Table.Th>
                <Table.Td>{s[f]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="sm">
        {v ? (
          <Stack gap="xs">
            <Text size="sm">
              {t('exchange.identity')}: <b>{formatProbability(v.identity.probability, i18n.language)}</b>
            </Text>
            <RegistryStatus entry={entry} />
            <Findings entry={entry} />
            <Text size="xs" c="dimmed">
              {t('exchange.checkedAt', { date: formatDateTime(v.checkedAt, i18n.language) })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('exchange.notVerified')}
          </Text>
        )}
      </Paper>
      {!entry.personId && entry.candidates.length > 0 && (
        <Stack gap="xs" component="section">
          <Title order={3} size="h5">
            {t('exchange.candidates')}
          </Title>
          <Table verticalSpacing={4} data-testid="entry-candidates">
            <Table.Tbody>
              {entry.candidates.map((c) => (
                <Table.Tr key={c.personId}>
                  <Table.Td>
                    <Anchor component={Link} href={`/persons/${c.personId}`}>
                      {c.name ?? t('person.unnamed')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatProbability(c.probability, i18n.language)}</Table.Td>
                  <Table.Td>
                    {canVerify && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => void move({ to: 'verified', personId: c.personId })}
                      >
                        {t('exchange.link')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {entry.event && (
        <Alert color="green" data-testid="entry-event">
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {t('exchange.recordedEvent', {
                event: t(`events.${entry.event.kind}`, { defaultValue: entry.event.kind }),
                date: formatSummaryDate(entry.event.date ?? undefined, i18n.language),
              })}
            </Text>
            {entry.personId && (
              <Anchor component={Link} href={`/persons/${entry.personId}`} size="sm">
                {t('exchange.openPerson')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      <Stack gap="xs" component="section">
        <Title order={3} size="h5">
          {t('exchange.history')}
        </Title>
        <List spacing={4} size="sm" data-testid="entry-steps">
          {entry.steps.map((st, i) => (
            <List.Item key={i}>
              {formatDateTime(st.at, i18n.language)}:{' '}
              {st.from ? `${t(`exchange.statuses.${st.from}`)} → ` : ''}
              {t(`exchange.statuses.${st.to}`)}
              {st.note && ` — ${st.note}`}
            </List.Item>
          ))}
        </List>
      </Stack>
      {writable &&
        (nextSteps(entry).length > 0 ? (
          <NextStep entry={entry} onSubmit={move} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('exchange.finished')}
          </Text>
        ))}
    </Stack>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const NEEDS_PERSON = ['verified', 'agreed', 'completed'];

/** The steps an entry may take now: one not linked to a registry person can only be refused or withdrawn. */
function nextSteps(entry: ExchangeEntry): readonly string[] {
  const all = ENTRY_TRANSITIONS[entry.status] ?? [];
  return entry.personId ? all : all.filter((s) => !NEEDS_PERSON.includes(s));
}

function NextStep({
  entry,
  onSubmit,
}: {
  entry: ExchangeEntry;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const next = nextSteps(entry);
  const [to, setTo] = useState(next[0] ?? '');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ date?: string | null; note?: string | null }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const found = {
      date: to === 'completed' ? dayProblem(date, t, true) : null,
      note: textProblem(note, t, 2000, false),
    };
    setProblems(found);
    if (found.date || found.note) return;
    setBusy(true);
    await onSubmit({
      to,
      ...(to === 'completed' && { date }),
      ...(note.trim() && { note: note.trim() }),
    });
    setBusy(false);
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('exchange.nextStep')}
        </Title>
        <Group align="flex-start" grow>
          <NativeSelect
            label={t('exchange.moveTo')}
            value={to}
            onChange={(ev) => setTo(ev.currentTarget.value)}
            data={next.map((s) => ({ value: s, label: t(`exchange.statuses.${s}`) }))}
          />
          {to === 'completed' && (
            <TextInput
              type="date"
              label={t('exchange.completedOn')}
              required
              value={date}
              error={problems.date}
              onChange={(ev) => setDate(ev.currentTarget.value)}
            />
          )}
        </Group>
        <Textarea
          label={`${t('exchange.note')} (${t('common.optional')})`}
          autosize
          minRows={1}
          value={note}
          error={problems.note}
          onChange={(ev) => setNote(ev.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy} data-testid="entry-transition">
            {t('exchange.record')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
