/**
 * The review queue: duplicate pairs inside the registry and candidates proposed for enquiries,
 * together, most likely first (or one kind); a scan adds new duplicate pairs.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { post } from '../../api/client.js';
import { useReviewQueue } from '../../api/queries.js';
import { REVIEW_KINDS, REVIEW_STATUSES } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { errorText } from '../../lib/errors.js';
import { formatDateTime, formatNumber, formatProbability } from '../../lib/format.js';

/** The review queue page (route /review). */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('open');
  const [kind, setKind] = useState('');
  const [offset, setOffset] = useState(0);
  const queue = useReviewQueue({ status, offset, kind });
  const [scan, setScan] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const runScan = async () => {
    setBusy(true);
    setScan(null);
    try {
      const r = await post<{ persons: number; queued: number }>('/api/review/scan');
      setScan(
        t('review.scanned', {
          persons: formatNumber(r.persons, i18n.language),
          queued: formatNumber(r.queued, i18n.language),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['review'] });
    } catch (e) {
      setScan(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title={t('review.title')}
      actions={
        <Button variant="default" onClick={() => void runScan()} loading={busy}>
          {t('review.scan')}
        </Button>
      }
    >
      {scan && <Alert role="status">{scan}</Alert>}
      <Group align="flex-end">
        <NativeSelect
          label={t('review.status')}
          w={220}
          value={status}
          onChange={(e) => (setStatus(e.currentTarget.value), setOffset(0))}
          data={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`review.statuses.${s}`) }))}
        />
        <NativeSelect
          label={t('review.kind')}
          w={220}
          value={kind}
          onChange={(e) => (setKind(e.currentTarget.value), setOffset(0))}
          data={[
            { value: '', label: t('common.all') },
            ...REVIEW_KINDS.map((k) => ({ value: k, label: t(`review.kinds.${k}`) })),
          ]}
        />
      </Group>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">{t('review.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover data-testid="review-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('review.probability')}</Table.Th>
                  <Table.Th scope="col">{t('review.kind')}</Table.Th>
                  <Table.Th scope="col">{t('review.pair')}</Table.Th>
                  <Table.Th scope="col">{t('review.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/review/${item.id}`} fw={600}>
                        {formatProbability(item.probability, i18n.language)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={item.kind === 'enquiry_person' ? 'teal' : 'gray'}
                        c="dark"
                      >
                        {t(`review.kinds.${item.kind}`, { defaultValue: item.kind })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code>{item.leftId.slice(-8)}</Code> · <Code>{item.rightId.slice(-8)}</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(item.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            {offset > 0 && (
              <Button variant="default" onClick={() => setOffset(0)}>
                {t('audit.first')}
              </Button>
            )}
            {queue.data.nextOffset !== null && (
              <Button variant="default" onClick={() => setOffset(queue.data.nextOffset ?? 0)}>
                {t('common.more')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Page>
  );
}
