/**
 * One exchange or release list: its entries with what verification found (how sure the identity
 * is, the registry person, where the registry places them, conflicts), each entry's steps in a
 * panel, verification of the whole list, export as a download, and the ways to add entries.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Drawer, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { post } from '../../api/client.js';
import { useExchangeList, useMe } from '../../api/queries.js';
import { EXPORT_FORMATS, type ExchangeEntry, type ExchangeList } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { can } from '../../lib/capabilities.js';
import { errorText } from '../../lib/errors.js';
import { formatDay, formatNumber, formatProbability } from '../../lib/format.js';
import { AddEntries } from './add-entries.js';
import { EntryPanel, Findings, RegistryStatus, entryName } from './entry-panel.js';

/** The exchange list page (route /exchange/:id). */
export default function ExchangeListPage() {
  const { id } = useParams<{ id: string }>();
  const list = useExchangeList(id);
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (list.isError)
    return (
      <Page title={t('exchange.title')}>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      </Page>
    );
  return <ListView list={list.data} />;
}

function ListView({ list }: { list: ExchangeList }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const writable = can(me.data, 'exchange.write');
  const [openId, setOpenId] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['exchange-list', list.id] });
    await queryClient.invalidateQueries({ queryKey: ['exchange-lists'] });
  };
  const verify = async () => {
    setVerifying(true);
    setMessage(null);
    try {
      const r = await post<{ verified: number; withProblems: number }>(
        `/api/exchange-lists/${list.id}/verify`,
      );
      await refresh();
      setMessage({
        text: t('exchange.verifiedResult', {
          verified: formatNumber(r.verified, i18n.language),
          problems: formatNumber(r.withProblems, i18n.language),
        }),
        failed: false,
      });
    } catch (e) {
      setMessage({ text: errorText(e, t), failed: true });
    } finally {
      setVerifying(false);
    }
  };
  const open = list.entries.find((e) => e.id === openId) ?? null;
  return (
    <Page
      title={list.name}
      actions={
        <Group gap="xs">
          {writable && list.entries.length > 0 && (
            <Button onClick={() => void verify()} loading={verifying} data-testid="exchange-verify">
              {t('exchange.verify')}
            </Button>
          )}
          {can(me.data, 'export.run') && list.entries.length > 0 && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t('exchange.export')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {EXPORT_FORMATS.map((f) => (
                  <Menu.Item
                    key={f}
                    component="a"
                    href={`/api/exchange-lists/${list.id}/export?format=${f}`}
                    download
                  >
                    {t(`exchange.formats.${f}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      }
    >
      <Group gap="sm">
        <Badge size="lg" variant="light" c="dark">
          {t(`exchange.kinds.${list.kind}`, { defaultValue: list.kind })}
        </Badge>
        {list.counterpart && (
          <Text size="sm">
            {t('exchange.counterpart')}: {list.counterpart}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('exchange.created')}: {formatDay(list.createdAt, i18n.language)}
        </Text>
      </Group>
      {list.notes && <Text size="sm">{list.notes}</Text>}
      {message && (
        <Alert color={message.failed ? 'red' : 'blue'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
      <Stack gap="xs" component="section">
        <Title order={2} size="h3">
          {t('exchange.entries')}
        </Title>
        {list.entries.length === 0 ? (
          <Text c="dimmed">{t('exchange.noEntries')}</Text>
        ) : (
          <Entries entries={list.entries} onOpen={setOpenId} />
        )}
      </Stack>
      {writable && <AddEntries list={list} onAdded={refresh} />}
      <Drawer
        opened={open !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="lg"
        title={open ? t('exchange.entryTitle', { position: open.position }) : ''}
      >
        {open && (
          <EntryPanel
            key={`${open.id}:${open.version}`}
            list={list}
            entry={open}
            writable={writable}
            onChanged={refresh}
          />
        )}
      </Drawer>
    </Page>
  );
}

function Entries({ entries, onOpen }: { entries: ExchangeEntry[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs" data-testid="exchange-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange.position')}</Table.Th>
            <Table.Th scope="col">{t('exchange.person')}</Table.Th>
            <Table.Th scope="col">{t('exchange.registry')}</Table.Th>
            <Table.Th scope="col">{t('exchange.findingsTitle')}</Table.Th>
            <Table.Th scope="col">{t('exchange.step')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-entry={e.position}>
              <Table.Td>{e.position}</Table.Td>
              <Table.Td>
                <Stack gap={0} align="flex-start">
                  {e.personId ? (
                    <Anchor component={Link} href={`/persons/${e.personId}`} fw={600}>
                      {entryName(e, t)}
                    </Anchor>
                  ) : (
                    <Text fw={600}>{entryName(e, t)}</Text>
                  )}
                  {!e.personId && (
                    <Text size="xs" c="dimmed">
                      {t('exchange.notLinked')}
                    </Text>
                  )}
                  {e.verification && (
                    <Text size="xs">
                      {t('exchange.identity')}:{' '}
                      {formatProbability(e.verification.identity.probability, i18n.language)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <RegistryStatus entry={e} dated />
              </Table.Td>
              <Table.Td>
                <Findings entry={e} />
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="flex-start">
                  <Badge variant="light" c="dark" data-testid="entry-status">
                    {t(`exchange.statuses.${e.status}`, { defaultValue: e.status })}
                  </Badge>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => onOpen(e.id)}
                    aria-label={t('exchange.openEntry', { position: e.position })}
                  >
                    {t('exchange.open')}
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
