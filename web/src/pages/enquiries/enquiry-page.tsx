/**
 * One enquiry: what is sought, who asks (restricted: shown only to roles that may read it),
 * the recorded steps, the candidates the engine proposed (confirm or reject each), and the next
 * step of the workflow, sent with the version the officer saw.
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
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { post } from '../../api/client.js';
import { useEnquiry } from '../../api/queries.js';
import { ENQUIRY_OUTCOMES, ENQUIRY_TRANSITIONS, type EnquiryDetail } from '../../api/types.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { errorText, isVersionConflict } from '../../lib/errors.js';
import { formatDateTime, formatPartialDate, formatProbability, formatValue } from '../../lib/format.js';
import type { ClaimValue } from '../../api/types.js';
import { soughtName } from './enquiries-page.js';

/** The enquiry page (route /enquiries/:id). */
export default function EnquiryPage() {
  const { id } = useParams<{ id: string }>();
  const enquiry = useEnquiry(id);
  const { t } = useTranslation();
  if (enquiry.isPending) return <Loading />;
  if (enquiry.isError)
    return (
      <Page title={t('enquiries.title')}>
        <ErrorAlert error={enquiry.error} />
      </Page>
    );
  return <EnquiryView e={enquiry.data} />;
}

function EnquiryView({ e }: { e: EnquiryDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['enquiry', e.id] });
  const [failure, setFailure] = useState<string | null>(null);
  const decide = async (candidateId: string, decision: 'accepted' | 'rejected' | 'unsure') => {
    setFailure(null);
    try {
      await post(`/api/enquiries/${e.id}/candidates/${candidateId}/decision`, { decision });
      await refresh();
    } catch (err) {
      setFailure(errorText(err, t));
    }
  };
  const sought = Object.entries(e.sought).filter(([, v]) => v !== null && v !== undefined);
  return (
    <Page title={soughtName(e.sought) || t('enquiries.title')}>
      <Group gap="xs">
        <Badge size="lg" variant="light" c="dark" data-testid="enquiry-status">
          {t(`enquiries.statuses.${e.status}`, { defaultValue: e.status })}
          {e.outcome && ` · ${t(`enquiries.outcomes.${e.outcome}`)}`}
        </Badge>
        {e.personId && (
          <Anchor component={Link} href={`/persons/${e.personId}`}>
            {t('enquiries.openPerson')}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {t('common.version', { version: e.version })}
        </Text>
      </Group>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('enquiries.sought')}
        </Title>
        <Table verticalSpacing={2}>
          <Table.Tbody>
            {sought.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" w="30%">
                  {t(`fields.${k}`, { defaultValue: k })}
                </Table.Th>
                <Table.Td>
                  {typeof v === 'number' ? String(v) : formatValue(k, v as ClaimValue, t, i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {e.circumstances &&
          (e.circumstances.lastSeenPlace || e.circumstances.lastSeenDate || e.circumstances.description) && (
            <Text size="sm" mt="xs">
              {t('enquiries.lastSeen')}:{' '}
              {[e.circumstances.lastSeenPlace, formatPartialDate(e.circumstances.lastSeenDate, i18n.language)]
                .filter(Boolean)
                .join(', ')}
              {e.circumstances.description && ` — ${e.circumstances.description}`}
            </Text>
          )}
        {e.enquirer && (
          <Text size="sm" mt="xs">
            {t('enquiries.enquirer')}: {e.enquirer.name} ({e.enquirer.relationship}){' '}
            {[e.enquirer.phone, e.enquirer.email].filter(Boolean).join(', ')}
          </Text>
        )}
      </Paper>
      <Stack gap="xs" component="section">
        <Title order={2} size="h3">
          {t('enquiries.candidates')}
        </Title>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {e.candidates.length === 0 ? (
          <Text c="dimmed">{t('enquiries.noCandidates')}</Text>
        ) : (
          <Table data-testid="enquiry-candidates">
            <Table.Tbody>
              {e.candidates.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/persons/${c.personId}`}>
                      {t('enquiries.openCandidate')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatProbability(c.probability, i18n.language)}</Table.Td>
                  <Table.Td>{t(`review.statuses.${c.status}`, { defaultValue: c.status })}</Table.Td>
                  <Table.Td>
                    {(c.status === 'open' || c.status === 'unsure') && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          color="green.9"
                          onClick={() => void decide(c.id, 'accepted')}
                        >
                          {t('enquiries.confirm')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          onClick={() => void decide(c.id, 'rejected')}
                        >
                          {t('review.reject')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => void decide(c.id, 'unsure')}
                        >
                          {t('review.unsure')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs" component="section">
        <Title order={2} size="h3">
          {t('enquiries.steps')}
        </Title>
        <List spacing={4} data-testid="enquiry-steps">
          {e.steps.map((s, i) => (
            <List.Item key={i}>
              {formatDateTime(s.at, i18n.language)}: {s.from ? `${t(`enquiries.statuses.${s.from}`)} → ` : ''}
              {t(`enquiries.statuses.${s.to}`)}
              {s.outcome && ` (${t(`enquiries.outcomes.${s.outcome}`)})`}
              {s.note && ` — ${s.note}`}
            </List.Item>
          ))}
        </List>
      </Stack>
      {(ENQUIRY_TRANSITIONS[e.status] ?? []).length > 0 && (
        <Transition key={e.version} e={e} onDone={() => void refresh()} />
      )}
    </Page>
  );
}

function Transition({ e, onDone }: { e: EnquiryDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const next = ENQUIRY_TRANSITIONS[e.status] ?? [];
  const [to, setTo] = useState(next[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    if (to === 'closed' && !outcome) return setProblem(t('validation.required'));
    setProblem(null);
    try {
      await post(`/api/enquiries/${e.id}/transition`, {
        to,
        expectedVersion: e.version,
        ...(to === 'closed' && { outcome }),
        ...(note.trim() && { note: note.trim() }),
      });
      setNote('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('enquiries.nextStep')}
        </Title>
        {error !== null &&
          (isVersionConflict(error) ? (
            <ConflictAlert onReload={() => (setError(null), onDone())} />
          ) : (
            <Alert color="red" role="alert">
              {errorText(error, t)}
            </Alert>
          ))}
        <Group align="flex-start">
          <NativeSelect
            label={t('enquiries.moveTo')}
            value={to}
            onChange={(ev) => setTo(ev.currentTarget.value)}
            data={next.map((s) => ({ value: s, label: t(`enquiries.statuses.${s}`) }))}
          />
          {to === 'closed' && (
            <NativeSelect
              label={t('enquiries.outcome')}
              required
              error={problem}
              value={outcome}
              onChange={(ev) => setOutcome(ev.currentTarget.value)}
              data={[
                { value: '', label: '' },
                ...ENQUIRY_OUTCOMES.map((o) => ({ value: o, label: t(`enquiries.outcomes.${o}`) })),
              ]}
            />
          )}
        </Group>
        <Textarea
          label={`${t('enquiries.note')} (${t('common.optional')})`}
          autosize
          minRows={1}
          value={note}
          onChange={(ev) => setNote(ev.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} data-testid="enquiry-transition">
            {t('enquiries.record')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
