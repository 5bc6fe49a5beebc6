/**
 * Submitting a report: pasted text or HTML, or a web address the server fetches (never an internal
 * one), with what is known of the publication. Opens the report once it is read.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { post } from '../../api/client.js';
import { RELIABILITY, type SubmittedReport } from '../../api/types.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { dayProblem, textProblem } from '../../lib/validate.js';

type Kind = 'text' | 'html' | 'url';
/** The server's limit on pasted text and HTML (characters). */
const MAX_CONTENT = 5_000_000;

/** The submission form; on success the report page opens (or, for a report stored before, a link to it). */
export function ReportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: 'text' as Kind,
      content: '',
      url: '',
      title: '',
      publisher: '',
      published: '',
      language: 'en',
      reliability: 'F',
    },
    validate: (v) => {
      const e: Record<string, string | null> = {
        content: v.kind === 'url' ? null : textProblem(v.content, t, MAX_CONTENT),
        url:
          v.kind !== 'url'
            ? null
            : !v.url.trim()
              ? t('validation.required')
              : /^https?:\/\/[^\s/]+\S*$/i.test(v.url.trim())
                ? null
                : t('validation.url'),
        title: textProblem(v.title, t, 500, false),
        publisher: textProblem(v.publisher, t, 300, false),
        published: dayProblem(v.published, t),
        language:
          v.language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(v.language)
            ? t('validation.language')
            : null,
      };
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    setDuplicate(null);
    const opt = (x: string) => x.trim() || undefined;
    try {
      const r = await post<SubmittedReport>('/api/reports', {
        ...(v.kind === 'url' ? { url: v.url.trim() } : { [v.kind]: v.content }),
        title: opt(v.title),
        publisher: opt(v.publisher),
        published: opt(v.published),
        language: opt(v.language),
        reliability: v.reliability,
      });
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      if (r.duplicate) {
        setDuplicate(r.id);
        return;
      }
      onDone();
      navigate(`/reports/${r.id}`);
    } catch (e) {
      const fields = fieldErrors(e, t, (p) => fieldOf(p, v.kind));
      form.setErrors(fields);
      // A refused field is said at the field; the alert only points there.
      setFailure(Object.keys(fields).length > 0 ? t('errors.VALIDATION_FAILED') : errorText(e, t));
    }
  });
  const kind = form.values.kind;
  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {duplicate && (
          <Alert color="blue" role="status">
            <Text size="sm">{t('reports.duplicate')}</Text>
            <Anchor component={Link} href={`/reports/${duplicate}`} onClick={onDone}>
              {t('reports.openStored')}
            </Anchor>
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-kind-label">
            {t('reports.input')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-kind-label"
            data={[
              { value: 'text', label: t('reports.inputKinds.text') },
              { value: 'html', label: t('reports.inputKinds.html') },
              { value: 'url', label: t('reports.inputKinds.url') },
            ]}
            {...form.getInputProps('kind')}
          />
        </Stack>
        {kind === 'url' ? (
          <TextInput
            label={t('sources.url')}
            description={t('reports.urlHint')}
            type="url"
            required
            placeholder="https://"
            {...form.getInputProps('url')}
          />
        ) : (
          <Textarea
            label={kind === 'html' ? t('reports.htmlLabel') : t('reports.textLabel')}
            description={t('reports.contentHint')}
            required
            autosize
            minRows={8}
            maxRows={16}
            styles={{ input: { fontFamily: kind === 'html' ? 'monospace' : undefined } }}
            data-autofocus
            {...form.getInputProps('content')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={`${t('sources.titleField')} (${t('common.optional')})`}
            {...form.getInputProps('title')}
          />
          <TextInput
            label={`${t('sources.publisher')} (${t('common.optional')})`}
            {...form.getInputProps('publisher')}
          />
          <TextInput
            label={`${t('sources.published')} (${t('common.optional')})`}
            description={t('reports.publishedHint')}
            type="date"
            {...form.getInputProps('published')}
          />
          <TextInput
            label={t('sources.language')}
            description={t('reports.languageHint')}
            placeholder="en"
            {...form.getInputProps('language')}
          />
          <NativeSelect
            label={t('sources.reliability')}
            data={[...RELIABILITY]}
            {...form.getInputProps('reliability')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="report-submit">
            {t('reports.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form field a server issue path names: the content fields are one box here. */
function fieldOf(path: string, kind: Kind): string | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'text' || head === 'html') return kind === 'url' ? 'url' : 'content';
  if (head === 'url') return kind === 'url' ? 'url' : 'content';
  return ['title', 'publisher', 'published', 'language', 'reliability'].includes(head) ? head : null;
}
