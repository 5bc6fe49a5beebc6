/** The alert shown when a write was refused because the record changed meanwhile (409 VERSION_CONFLICT). */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Says that nothing was overwritten and offers to reload the latest version. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('person.conflictTitle')} data-testid="version-conflict">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('person.conflictText')}</Text>
        <Button size="xs" color="orange" c="dark" onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
