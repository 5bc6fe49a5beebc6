/** Exchange and release lists: every list with its entries by step, and the form to start a new one. */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { post } from '../../api/client.js';
import { useExchangeLists, useMe } from '../../api/queries.js';
import { ENTRY_STATUSES, EXCHANGE_KINDS } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { can } from '../../lib/capabilities.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { formatDay, formatNumber } from '../../lib/format.js';
import { textProblem } from '../../lib/validate.js';

/** The exchange lists page (route /exchange). */
export default function ExchangeListsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lists = useExchangeLists();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={t('exchange.title')}
      actions={
        can(me.data, 'exchange.write') && <Button onClick={() => setAdding(true)}>{t('exchange.add')}</Button>
      }
    >
      {lists.isPending ? (
        <Loading />
      ) : lists.isError ? (
        <ErrorAlert error={lists.error} onRetry={() => void lists.refetch()} />
      ) : lists.data.length === 0 ? (
        <Text c="dimmed">{t('exchange.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover data-testid="exchange-lists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange.name')}</Table.Th>
                <Table.Th scope="col">{t('exchange.kind')}</Table.Th>
                <Table.Th scope="col">{t('exchange.counterpart')}</Table.Th>
                <Table.Th scope="col">{t('exchange.entries')}</Table.Th>
                <Table.Th scope="col">{t('exchange.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/exchange/${l.id}`} fw={600}>
                      {l.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" c="dark">
                      {t(`exchange.kinds.${l.kind}`, { defaultValue: l.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{l.counterpart ?? ''}</Table.Td>
                  <Table.Td>
                    {ENTRY_STATUSES.filter((s) => l.entries[s])
                      .map(
                        (s) =>
                          `${formatNumber(l.entries[s] ?? 0, i18n.language)} ${t(`exchange.statuses.${s}`).toLowerCase()}`,
                      )
                      .join(' · ') || t('common.none')}
                  </Table.Td>
                  <Table.Td>{formatDay(l.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('exchange.add')} size="lg">
        <ListForm onDone={() => setAdding(false)} />
      </Modal>
    </Page>
  );
}

/** The new-list form; opens the list once created. */
function ListForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', kind: 'exchange', counterpart: '', notes: '' },
    validate: {
      name: (v) => textProblem(v, t, 300),
      counterpart: (v) => textProblem(v, t, 300, false),
      notes: (v) => textProblem(v, t, 5000, false),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      const created = await post<{ id: string }>('/api/exchange-lists', {
        name: v.name.trim(),
        kind: v.kind,
        ...(v.counterpart.trim() && { counterpart: v.counterpart.trim() }),
        ...(v.notes.trim() && { notes: v.notes.trim() }),
      });
      await queryClient.invalidateQueries({ queryKey: ['exchange-lists'] });
      onDone();
      navigate(`/exchange/${created.id}`);
    } catch (e) {
      const errors = fieldErrors(e, t, (path) =>
        ['name', 'kind', 'counterpart', 'notes'].includes(path) ? path : null,
      );
      form.setErrors(errors);
      if (Object.keys(errors).length === 0) setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="exchange-list-form">
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput label={t('exchange.name')} required {...form.getInputProps('name')} />
        <NativeSelect
          label={t('exchange.kind')}
          data={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`exchange.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={`${t('exchange.counterpart')} (${t('common.optional')})`}
          {...form.getInputProps('counterpart')}
        />
        <Textarea
          label={`${t('exchange.notes')} (${t('common.optional')})`}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
