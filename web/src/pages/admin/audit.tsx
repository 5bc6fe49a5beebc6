/** The audit log: entries in order with filters and paging, and verification of the hash chain. */
import { useState } from 'react';
import { Alert, Button, Code, Group, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { useAudit } from '../../api/queries.js';
import type { Verification } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { errorText } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';

/** The audit log page. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const audit = useAudit({
    ...(action && { action }),
    ...(subjectType && { subjectType }),
    ...(cursor && { cursor }),
  });
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setVerifyError(null);
    try {
      setVerification(await post<Verification>('/api/audit/verify', {}));
    } catch (e) {
      setVerifyError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title={t('audit.title')}
      actions={
        <Button onClick={() => void verify()} loading={busy} data-testid="verify-chain">
          {t('audit.verify')}
        </Button>
      }
    >
      {verification && (
        <Alert color={verification.ok ? 'green' : 'red'} role="status" data-testid="verify-result">
          {verification.ok
            ? t('audit.ok', { count: verification.entries })
            : t('audit.broken', {
                seq: verification.break?.seq ?? '?',
                reason: verification.break?.reason ?? '',
              })}
        </Alert>
      )}
      {verifyError && (
        <Alert color="red" role="alert">
          {verifyError}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          label={t('audit.filterAction')}
          value={action}
          placeholder="person.read"
          onChange={(e) => (setAction(e.currentTarget.value.trim()), setCursors([]))}
        />
        <TextInput
          label={t('audit.filterSubject')}
          value={subjectType}
          placeholder="person"
          onChange={(e) => (setSubjectType(e.currentTarget.value.trim()), setCursors([]))}
        />
      </Group>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorAlert error={audit.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="audit" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.seq')}</Table.Th>
                  <Table.Th scope="col">{t('audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Code>{e.actorId.slice(0, 8)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code>{e.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {e.subjectType}
                      {e.subjectId && <Code ml={4}>{e.subjectId.slice(0, 8)}</Code>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            {cursors.length > 0 && (
              <Button variant="default" onClick={() => setCursors([])}>
                {t('audit.first')}
              </Button>
            )}
            {audit.data.nextCursor && (
              <Button variant="default" onClick={() => setCursors([...cursors, audit.data.nextCursor!])}>
                {t('audit.newer')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Page>
  );
}
