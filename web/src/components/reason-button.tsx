/** A button that asks for a reason in a dialog before doing something that is recorded for good. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors.js';

interface Props {
  label: string;
  title: string;
  /** Performs the action; a rejection is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
  /** Accessible name when the visible label alone would be ambiguous in a list. */
  ariaLabel?: string;
}

/** Opens a dialog with a required reason; confirms with it. */
export function ReasonButton({ label, title, onConfirm, ariaLabel }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!reason.trim()) {
      setProblem(t('validation.required'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      setReason('');
    } catch (e) {
      setFailure(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={() => setOpen(true)}
        aria-label={ariaLabel ?? label}
      >
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title}>
        <Stack>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Textarea
            label={t('common.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={problem}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setProblem(null);
            }}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
