/**
 * One review item side by side, with each field's contribution to the score, and the decision;
 * keys A, R and U do the same. A duplicate pair: accept merges the two records (reversibly). An
 * enquiry candidate (the enquiry's sought person beside the registry person): accept confirms the
 * enquiry with that person, reject takes the candidate off the enquiry.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Kbd,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { get, post, qs } from '../../api/client.js';
import { useReviewItem } from '../../api/queries.js';
import type { Explanation, ReviewDetail, ReviewItem, ReviewSide } from '../../api/types.js';
import { Contributions } from '../../components/contributions.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { errorText } from '../../lib/errors.js';
import { formatProbability, formatValue } from '../../lib/format.js';

const ORDER = [
  'family_name',
  'given_name',
  'patronymic',
  'name_original',
  'sex',
  'date_of_birth',
  'age',
  'place_of_birth',
  'rank',
  'unit',
  'father_name',
  'mother_name',
  'service_number',
];
type Decision = 'accepted' | 'rejected' | 'unsure';

/** The review item page (route /review/:id). */
export default function ReviewItemPage() {
  const { id } = useParams<{ id: string }>();
  const item = useReviewItem(id);
  const { t } = useTranslation();
  if (item.isPending) return <Loading />;
  if (item.isError)
    return (
      <Page title={t('review.title')}>
        <ErrorAlert error={item.error} />
      </Page>
    );
  return <Pair detail={item.data} key={item.data.id} />;
}

function Pair({ detail }: { detail: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [survivor, setSurvivor] = useState(detail.left.id);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = detail.status === 'open' || detail.status === 'unsure';
  const enquiry = detail.kind === 'enquiry_person' ? detail.enquiry : null;
  const explanation = detail.current?.explanation ?? (detail.stored.explanation as Explanation | null);
  const probability = detail.current?.probability ?? detail.stored.probability;
  const decide = async (decision: Decision) => {
    if (!open || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await post(`/api/review/${detail.id}/decision`, {
        decision,
        ...(reason.trim() && { reason: reason.trim() }),
        ...(decision === 'accepted' && !enquiry && { survivorId: survivor }),
      });
      await queryClient.invalidateQueries({ queryKey: ['review'] });
      if (enquiry) await queryClient.invalidateQueries({ queryKey: ['enquiry', enquiry.id] });
      const next = await get<{ items: ReviewItem[] }>(`/api/review${qs({ status: 'open', limit: 1 })}`);
      navigate(next.items[0] ? `/review/${next.items[0].id}` : '/review');
    } catch (e) {
      setFailure(errorText(e, t));
      setBusy(false);
    }
  };
  useHotkeys([
    ['a', () => void decide('accepted')],
    ['r', () => void decide('rejected')],
    ['u', () => void decide('unsure')],
  ]);
  const fields = [
    ...new Set([...Object.keys(detail.left.view.fields), ...Object.keys(detail.right.view.fields)]),
  ].sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
  const value = (side: ReviewSide, f: string) => {
    const v = side.view.fields[f]?.best.value;
    return v === undefined ? '' : formatValue(f, v, t, i18n.language);
  };
  return (
    <Page
      title={t(enquiry ? 'review.enquiryTitle' : 'review.pairTitle', {
        probability: formatProbability(probability, i18n.language),
      })}
    >
      <Group gap="xs">
        <Badge variant="light" c="dark">
          {t(`review.statuses.${detail.status}`, { defaultValue: detail.status })}
        </Badge>
        {enquiry && (
          <Badge variant="light" color="teal" c="dark" data-testid="review-enquiry-status">
            {t('review.enquiryStatus', {
              status: t(`enquiries.statuses.${enquiry.status}`, { defaultValue: enquiry.status }),
            })}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t('review.model', { version: detail.current?.modelVersion ?? detail.stored.modelVersion })}
        </Text>
        <Anchor component={Link} href="/review" size="sm">
          {t('review.back')}
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table data-testid="review-pair" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('person.field')}</Table.Th>
              {[detail.left, detail.right].map((side, i) => (
                <Table.Th scope="col" key={side.id}>
                  {enquiry && i === 0 ? (
                    <Anchor component={Link} href={`/enquiries/${enquiry.id}`}>
                      {t('review.sought')}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} href={`/persons/${side.id}`}>
                      {enquiry ? t('review.registry') : i === 0 ? t('review.left') : t('review.right')}
                    </Anchor>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => {
              const l = value(detail.left, f);
              const r = value(detail.right, f);
              return (
                <Table.Tr key={f}>
                  <Table.Th scope="row">{t(`fields.${f}`, { defaultValue: f })}</Table.Th>
                  <Table.Td fw={l === r ? 400 : 600}>{l}</Table.Td>
                  <Table.Td fw={l === r ? 400 : 600}>{r}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {explanation && <Contributions explanation={explanation} />}
      {open ? (
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t('review.decide')}
            </Title>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            {!enquiry && (
              <Radio.Group label={t('review.survivor')} value={survivor} onChange={setSurvivor}>
                <Group mt="xs">
                  <Radio value={detail.left.id} label={t('review.left')} />
                  <Radio value={detail.right.id} label={t('review.right')} />
                </Group>
              </Radio.Group>
            )}
            <Textarea
              label={`${t('form.reason')} (${t('common.optional')})`}
              autosize
              minRows={1}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <Button color="green.9" loading={busy} onClick={() => void decide('accepted')}>
                {t(enquiry ? 'review.confirm' : 'review.accept')} <Kbd ml="xs">A</Kbd>
              </Button>
              <Button color="red.9" variant="outline" disabled={busy} onClick={() => void decide('rejected')}>
                {t(enquiry ? 'review.notThisPerson' : 'review.reject')} <Kbd ml="xs">R</Kbd>
              </Button>
              <Button variant="default" disabled={busy} onClick={() => void decide('unsure')}>
                {t('review.unsure')} <Kbd ml="xs">U</Kbd>
              </Button>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t(enquiry ? 'review.keysEnquiry' : 'review.keys')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Alert>{t(enquiry ? 'review.decidedEnquiry' : 'review.decided')}</Alert>
      )}
    </Page>
  );
}
