/** Administration of users (add, role, disable) and API tokens (issue, shown once; revoke). */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../api/client.js';
import { useUsers } from '../../api/queries.js';
import { ROLES, type User } from '../../api/types.js';
import { ErrorAlert, Loading, Page } from '../../components/page.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { formatDay, formatDateTime } from '../../lib/format.js';
import { textProblem } from '../../lib/validate.js';

/** The users and tokens page. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const patch = async (u: User, body: Partial<Pick<User, 'role' | 'disabled'>>) => {
    setFailure(null);
    try {
      await api('PATCH', `/api/users/${u.id}`, body);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <Page
      title={t('users.title')}
      actions={<Button onClick={() => setAdding(true)}>{t('users.add')}</Button>}
    >
      {failure !== null && <ErrorAlert error={failure} />}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorAlert error={users.error} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td ff="monospace">{u.username}</Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('users.role')}: ${u.username}`}
                      size="xs"
                      value={u.role}
                      onChange={(e) => void patch(u, { role: e.currentTarget.value })}
                      data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>{formatDay(u.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={u.disabled ? 'gray' : 'green'} variant="light" c="dark">
                        {u.disabled ? t('users.disabled') : t('users.enabled')}
                      </Badge>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => void patch(u, { disabled: !u.disabled })}
                        aria-label={`${u.disabled ? t('users.enable') : t('users.disable')}: ${u.username}`}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Tokens users={users.data?.items ?? []} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('users.add')}>
        <UserForm onDone={() => setAdding(false)} />
      </Modal>
    </Page>
  );
}

function UserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'tracing_officer', password: '' },
    validate: {
      username: (v) =>
        textProblem(v, t, 64) ?? (/^[A-Za-z0-9._-]+$/.test(v.trim()) ? null : t('validation.username')),
      displayName: (v) => textProblem(v, t, 200),
      password: (v) => (v.length < 12 ? t('validation.password') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await post('/api/users', { ...v, username: v.username.trim(), displayName: v.displayName.trim() });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    } catch (e) {
      form.setErrors(fieldErrors(e, t, (p) => p.split('.')[0] ?? null));
      setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('users.username')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('username')}
        />
        <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
        <NativeSelect
          label={t('users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          label={t('users.password')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
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

function Tokens({ users }: { users: User[] }) {
  const { t, i18n } = useTranslation();
  const [issued, setIssued] = useState<{ id: string; token: string; expiresAt: string | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [revokeId, setRevokeId] = useState('');
  const [revoked, setRevoked] = useState(false);
  const form = useForm({
    initialValues: { userId: '', name: '', expiresInDays: 90 as number | string },
    validate: {
      userId: (v) => (v ? null : t('validation.required')),
      name: (v) => textProblem(v, t, 100),
      expiresInDays: (v) =>
        v === '' || (Number(v) >= 1 && Number(v) <= 3650) ? null : t('validation.invalid'),
    },
  });
  const issue = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      setIssued(
        await post(`/api/users/${v.userId}/tokens`, {
          name: v.name.trim(),
          ...(v.expiresInDays !== '' && { expiresInDays: Number(v.expiresInDays) }),
        }),
      );
    } catch (e) {
      form.setErrors(fieldErrors(e, t, (p) => p.split('.')[0] ?? null));
      setFailure(errorText(e, t));
    }
  });
  const revoke = async () => {
    setFailure(null);
    setRevoked(false);
    try {
      await api('DELETE', `/api/tokens/${revokeId.trim()}`);
      setRevoked(true);
      if (issued?.id === revokeId.trim()) setIssued(null);
      setRevokeId('');
    } catch (e) {
      setFailure(errorText(e, t));
    }
  };
  return (
    <Stack component="section" gap="sm">
      <Title order={2} size="h3">
        {t('users.tokens')}
      </Title>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <form onSubmit={issue} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('users.tokenFor')}
            required
            searchable
            data={users.map((u) => ({ value: u.id, label: `${u.username} (${u.displayName})` }))}
            {...form.getInputProps('userId')}
            onChange={(v) => form.setFieldValue('userId', v ?? '')}
          />
          <TextInput label={t('users.tokenName')} required {...form.getInputProps('name')} />
          <NumberInput
            label={t('users.expires')}
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps('expiresInDays')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit">{t('users.issue')}</Button>
        </Group>
      </form>
      {issued && (
        <Alert color="yellow" title={t('users.tokenShown')}>
          <Stack gap={4}>
            <Code block>{issued.token}</Code>
            <span>
              {t('users.tokenId')}: <Code>{issued.id}</Code> · {t('users.expiresAt')}:{' '}
              {issued.expiresAt ? formatDateTime(issued.expiresAt, i18n.language) : t('users.never')}
            </span>
          </Stack>
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          label={t('users.revokeById')}
          value={revokeId}
          onChange={(e) => setRevokeId(e.currentTarget.value)}
          w={380}
          ff="monospace"
        />
        <Button color="red" variant="light" disabled={!revokeId.trim()} onClick={() => void revoke()}>
          {t('users.revoke')}
        </Button>
      </Group>
      {revoked && (
        <Alert color="green" role="status">
          {t('users.revoked')}
        </Alert>
      )}
    </Stack>
  );
}
