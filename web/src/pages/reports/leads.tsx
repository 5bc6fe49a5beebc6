/**
 * The people a report names, each with what it says of them (age, rank, role, unit, side, reported
 * statuses) and its lead into the registry: the engine's candidates with their likelihood and why,
 * accepted into one of them or into a new person (unconfirmed claims and events, source = the
 * report), or dismissed with a reason.
 */
import { Fragment, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { post } from '../../api/client.js';
import { useMe } from '../../api/queries.js';
import type { LeadCandidate, ReportDetail, ReportLead, ReportPersonMention } from '../../api/types.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { Contributions } from '../../components/contributions.js';
import { ReasonButton } from '../../components/reason-button.js';
import { can } from '../../lib/capabilities.js';
import { errorText, isVersionConflict } from '../../lib/errors.js';
import { displayName, formatDay, formatProbability, formatSummaryDate } from '../../lib/format.js';
import { categoryLabel } from './report-format.js';

/** Every person mention of the report with its lead. */
export function PeopleAndLeads({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const persons = report.extraction.persons;
  if (persons.length === 0) return <Text c="dimmed">{t('reports.nonePersons')}</Text>;
  return (
    <Stack gap="md">
      {persons.map((m, i) => (
        <Mention
          key={i}
          mention={m}
          lead={report.leads.find((l) => l.mentionIndex === i) ?? null}
          reportId={report.id}
        />
      ))}
    </Stack>
  );
}

function Mention({
  mention: m,
  lead,
  reportId,
}: {
  mention: ReportPersonMention;
  lead: ReportLead | null;
  reportId: string;
}) {
  const { t, i18n } = useTranslation();
  const facts = [
    m.rank,
    m.age !== null ? t('reports.age', { count: m.age }) : null,
    m.role,
    m.unit,
    m.side,
  ].filter((x): x is string => Boolean(x));
  return (
    <Paper withBorder p="md" data-testid="mention">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h4">
              {m.name}
            </Title>
            {m.variants.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('reports.alsoWritten', { names: m.variants.join(', ') })}
              </Text>
            )}
          </div>
          {lead && <LeadStatus lead={lead} />}
        </Group>
        {facts.length > 0 && <Text size="sm">{facts.join(' · ')}</Text>}
        {m.statuses.length > 0 && (
          <List size="sm" spacing={2} data-testid="mention-statuses">
            {m.statuses.map((s, i) => (
              <List.Item key={i}>
                {categoryLabel(s.type, t)}
                {s.date && ` · ${formatDay(s.date, i18n.language)}`}
                {s.place && ` · ${s.place}`}
                {s.hedged && (
                  <Badge ml="xs" size="sm" variant="outline" color="orange.9">
                    {t('reports.hedged')}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {m.attributedTo && (
          <Text size="xs" c="dimmed">
            {t('reports.according', { source: m.attributedTo })}
          </Text>
        )}
        {lead && <LeadPanel lead={lead} reportId={reportId} />}
      </Stack>
    </Paper>
  );
}

function LeadStatus({ lead }: { lead: ReportLead }) {
  const { t } = useTranslation();
  const color = lead.status === 'open' ? 'blue.8' : lead.status === 'accepted' ? 'green.9' : 'gray';
  return (
    <Badge
      color={color}
      variant={lead.status === 'dismissed' ? 'light' : 'filled'}
      c={lead.status === 'dismissed' ? 'dark' : undefined}
      data-testid="lead-status"
    >
      {t(`reports.leadStatus.${lead.status}`)}
    </Badge>
  );
}

function LeadPanel({ lead, reportId }: { lead: ReportLead; reportId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mayAccept = can(me.data, 'report.write') && can(me.data, 'person.write');
  const refresh = async (personId?: string) => {
    await queryClient.invalidateQueries({ queryKey: ['report', reportId] });
    await queryClient.invalidateQueries({ queryKey: ['reports'] });
    if (personId) await queryClient.invalidateQueries({ queryKey: ['person', personId] });
  };
  const accept = async (personId: string | null) => {
    setError(null);
    setBusy(personId ?? 'new');
    try {
      const r = await post<{ personId: string }>(`/api/leads/${lead.id}/accept`, {
        ...(personId && { personId }),
        expectedVersion: lead.version,
      });
      await refresh(r.personId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const dismiss = async (reason: string) => {
    await post(`/api/leads/${lead.id}/dismiss`, { reason, expectedVersion: lead.version });
    await refresh();
  };
  if (lead.status === 'accepted' && lead.personId)
    return (
      <Text size="sm" data-testid="lead-accepted">
        {t('reports.acceptedInto')}{' '}
        <Anchor component={Link} href={`/persons/${lead.personId}`}>
          {t('reports.openPerson')}
        </Anchor>
      </Text>
    );
  if (lead.status !== 'open') return null;
  return (
    <Stack gap="xs" data-testid="lead">
      {error !== null &&
        (isVersionConflict(error) ? (
          <ConflictAlert onReload={() => (setError(null), void refresh())} />
        ) : (
          <Alert color="red" role="alert">
            {errorText(error, t)}
          </Alert>
        ))}
      {lead.candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.noCandidates')}
        </Text>
      ) : (
        <Candidates
          candidates={lead.candidates}
          mayAccept={mayAccept}
          busy={busy}
          onAccept={(id) => void accept(id)}
        />
      )}
      {mayAccept && (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="outline"
            color="green.9"
            loading={busy === 'new'}
            disabled={busy !== null}
            onClick={() => void accept(null)}
            data-testid="lead-accept-new"
          >
            {t('reports.acceptNew')}
          </Button>
          <ReasonButton
            label={t('reports.dismiss')}
            title={t('reports.dismissTitle', { name: lead.name })}
            onConfirm={dismiss}
          />
        </Group>
      )}
    </Stack>
  );
}

function Candidates({
  candidates,
  mayAccept,
  busy,
  onAccept,
}: {
  candidates: LeadCandidate[];
  mayAccept: boolean;
  busy: string | null;
  onAccept: (personId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [why, setWhy] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} data-testid="lead-candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.candidate')}</Table.Th>
            <Table.Th scope="col">{t('review.probability')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((c) => {
            const f = c.fields ?? {};
            const name = displayName(f) || t('person.unnamed');
            const details = [
              formatSummaryDate(f['date_of_birth'], i18n.language),
              f['rank'],
              f['unit'],
            ].filter(Boolean);
            return (
              <Fragment key={c.personId}>
                <Table.Tr>
                  <Table.Td>
                    <Anchor component={Link} href={`/persons/${c.personId}`}>
                      {name}
                    </Anchor>
                    {details.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {details.join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatProbability(c.probability, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {c.explanation && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-expanded={why === c.personId}
                          onClick={() => setWhy(why === c.personId ? null : c.personId)}
                        >
                          {t('reports.why')}
                        </Button>
                      )}
                      {mayAccept && (
                        <Button
                          size="compact-sm"
                          color="green.9"
                          loading={busy === c.personId}
                          disabled={busy !== null}
                          onClick={() => onAccept(c.personId)}
                          aria-label={t('reports.acceptIntoNamed', { name })}
                          data-testid="lead-accept"
                        >
                          {t('reports.acceptInto')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {why === c.personId && c.explanation && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Contributions explanation={c.explanation} heading={false} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
