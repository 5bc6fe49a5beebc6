/** Enquiries: the list (newest first, by status) and the form to record a family's enquiry. */
import { useState } from 'react';
import { Anchor, Badge, Button, Modal, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useEnquiries } from '../../api/queries.js';
import { ENQUIRY_STATUSES } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { formatDay } from '../../lib/format.js';
import { EnquiryForm } from './enquiry-form.js';

/** A sought person's name from the enquiry's details. */
export function soughtName(sought: Record<string, unknown>): string {
  const part = (k: string) => (typeof sought[k] === 'string' ? (sought[k] as string) : '');
  return (
    [part('family_name'), part('given_name'), part('patronymic')].filter(Boolean).join(' ') ||
    part('name_original')
  );
}

/** The enquiries page (route /enquiries). */
export default function EnquiriesPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const list = useEnquiries(status);
  return (
    <Page
      title={t('enquiries.title')}
      actions={<Button onClick={() => setAdding(true)}>{t('enquiries.add')}</Button>}
    >
      <NativeSelect
        label={t('enquiries.status')}
        maw={260}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value)}
        data={[
          { value: '', label: t('common.all') },
          ...ENQUIRY_STATUSES.map((s) => ({ value: s, label: t(`enquiries.statuses.${s}`) })),
        ]}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('enquiries.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="enquiries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('enquiries.sought')}</Table.Th>
                <Table.Th scope="col">{t('enquiries.status')}</Table.Th>
                <Table.Th scope="col">{t('enquiries.newCandidates')}</Table.Th>
                <Table.Th scope="col">{t('enquiries.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/enquiries/${e.id}`} fw={600}>
                      {soughtName(e.sought) || e.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" c="dark">
                      {t(`enquiries.statuses.${e.status}`, { defaultValue: e.status })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.newCandidates}</Table.Td>
                  <Table.Td>{formatDay(e.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('enquiries.add')} size="xl">
        <EnquiryForm onDone={() => setAdding(false)} />
      </Modal>
    </Page>
  );
}
