/** Common page pieces: a titled page, a loading state and an error alert in the user's language. */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors.js';

/** A page with a heading; sets the document title so screen readers announce where the user is. */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Stack gap="md">
      <Stack
        gap="xs"
        style={{
          flexDirection: 'row',
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
        }}
      >
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}

/** A centred spinner with an accessible label. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** An error from the API as an alert, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={errorText(error, t)}>
      {onRetry && (
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
