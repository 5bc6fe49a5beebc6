/** Sign-in: user name and password; the session cookie is set by the server. */
import { useEffect, useState } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post, setCsrfToken } from '../api/client.js';
import { useSetupRequired } from '../api/queries.js';
import { LanguageSelect } from '../components/language-select.js';
import { errorText } from '../lib/errors.js';

/** The sign-in page, shown whenever there is no session. */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useSetupRequired();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });
  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ csrfToken: string }>('/api/auth/login', values);
      setCsrfToken(r.csrfToken);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? t('signIn.failed') : errorText(e, t));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <LanguageSelect />
            </Group>
            {setup.data?.required && <Alert color="yellow">{t('signIn.setupRequired')}</Alert>}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('signIn.username')}
              autoComplete="username"
              autoFocus
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
