/**
 * Imports: upload a list, preview (a dry run: detected format, column mapping, counts, rejected
 * rows), adjust the mapping, then commit; the job is polled for progress and can be cancelled
 * (nothing it did is kept).
 */
import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, get, upload } from '../../api/client.js';
import { useSources } from '../../api/queries.js';
import { IMPORT_FORMATS, type ImportJob } from '../../api/types.js';
import { Page } from '../../components/page.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import { isWorded, problemSentence, type ImportProblem } from '../../lib/import-problems.js';
import { dayProblem, textProblem } from '../../lib/validate.js';
import { MappingEditor, ReportCounts, RowProblems } from './import-report.js';

const POLL_MS = 400;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Options {
  file: File | null;
  sourceId: string;
  source: string;
  format: string;
  sourceDate: string;
  sheet: string;
  savePreset: string;
}

/** The query of an upload: options, and the mapping as FIELD=COLUMN overrides. */
function uploadQuery(o: Options, dryRun: boolean, overrides: [string, string][]): string {
  const p = new URLSearchParams();
  if (o.sourceId) p.set('sourceId', o.sourceId);
  else p.set('source', o.source.trim());
  for (const k of ['format', 'sourceDate', 'sheet'] as const) if (o[k]) p.set(k, o[k]);
  if (!dryRun && o.savePreset.trim()) p.set('savePreset', o.savePreset.trim());
  if (dryRun) p.set('dryRun', 'true');
  p.set('fileName', o.file?.name ?? 'upload');
  for (const [field, column] of overrides) p.append('map', `${field}=${column}`);
  return p.toString();
}

/** Why an import failed: its first problem in words when the interface knows it, else the error's kind. */
function failureText(error: NonNullable<ImportJob['error']>, t: TFunction): string {
  const issues = error.issues as ImportProblem[];
  const first = issues[0];
  if (!first || !isWorded(first)) return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  const more = issues.length > 1 ? ` ${t('imports.moreProblems', { count: issues.length - 1 })}` : '';
  return `${t('imports.failed')} ${problemSentence(first, t)}${more}`;
}

/** The imports page (route /imports). */
export default function ImportsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sources = useSources();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const current = useRef<string | null>(null);
  const form = useForm<Options>({
    initialValues: {
      file: null,
      sourceId: '',
      source: '',
      format: '',
      sourceDate: '',
      sheet: '',
      savePreset: '',
    },
    validate: {
      file: (v) => (v ? null : t('validation.required')),
      source: (v, all) => (all.sourceId ? null : textProblem(v, t, 300)),
      sourceDate: (v) => dayProblem(v, t),
      savePreset: (v) => textProblem(v, t, 100, false),
    },
  });
  const report = job?.report ?? null;
  const overrides = (): [string, string][] => {
    if (!report) return [];
    const out = new Map<string, string>();
    for (const field of Object.values(report.mapping)) out.set(field, ''); // unmapped unless chosen again
    for (const [column, field] of Object.entries(mapping)) if (field) out.set(field, column);
    return [...out];
  };
  const run = async (dryRun: boolean) => {
    const v = form.values;
    setRunning(true);
    setFailure(null);
    try {
      const { jobId } = await upload<{ jobId: string }>(
        `/api/imports?${uploadQuery(v, dryRun, overrides())}`,
        v.file!,
      );
      current.current = jobId;
      let j = await get<ImportJob>(`/api/imports/${jobId}`);
      setJob(j);
      while (j.state === 'queued' || j.state === 'running') {
        await wait(POLL_MS);
        j = await get<ImportJob>(`/api/imports/${jobId}`);
        setJob(j);
      }
      if (j.report) setMapping({ ...j.report.mapping });
      if (j.state === 'failed' && j.error) setFailure(failureText(j.error, t));
      if (!dryRun && j.state === 'done') await queryClient.invalidateQueries({ queryKey: ['sources'] });
    } catch (e) {
      form.setErrors(fieldErrors(e, t, (p) => (p.startsWith('mapping') ? null : (p.split('.')[0] ?? null))));
      setFailure(errorText(e, t));
    } finally {
      current.current = null;
      setRunning(false);
    }
  };
  const cancel = async () => {
    if (current.current) await api('DELETE', `/api/imports/${current.current}`).catch(() => undefined);
  };
  const committed = report && !report.dryRun && job?.state === 'done';
  const progress = job?.progress.totalBytes ? (job.progress.bytesRead / job.progress.totalBytes) * 100 : 0;
  return (
    <Page title={t('imports.title')}>
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit(() => void run(true))} noValidate>
          <Stack>
            <FileInput
              label={t('imports.file')}
              required
              clearable
              disabled={running}
              {...form.getInputProps('file')}
              data-testid="import-file"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('imports.existingSource')}
                disabled={running}
                data={[
                  { value: '', label: t('imports.newSource') },
                  ...(sources.data?.items ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.title} (${s.reliability})`,
                  })),
                ]}
                {...form.getInputProps('sourceId')}
              />
              {!form.values.sourceId && (
                <TextInput
                  label={t('imports.sourceName')}
                  required
                  disabled={running}
                  {...form.getInputProps('source')}
                />
              )}
              <NativeSelect
                label={t('imports.format')}
                disabled={running}
                data={[
                  { value: '', label: t('imports.detect') },
                  ...IMPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() })),
                ]}
                {...form.getInputProps('format')}
              />
              <TextInput
                label={t('imports.sourceDate')}
                type="date"
                disabled={running}
                {...form.getInputProps('sourceDate')}
              />
              <TextInput label={t('imports.sheet')} disabled={running} {...form.getInputProps('sheet')} />
              <TextInput
                label={t('imports.savePreset')}
                disabled={running}
                {...form.getInputProps('savePreset')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              {running && (
                <Button variant="default" onClick={() => void cancel()}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" variant={report ? 'default' : 'filled'} loading={running}>
                {report ? t('imports.previewAgain') : t('imports.preview')}
              </Button>
              <Button
                variant={report?.dryRun && job?.state === 'done' ? 'filled' : 'default'}
                disabled={running || Boolean(committed)}
                onClick={() => form.validate().hasErrors || void run(false)}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {running && job && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm">{t('imports.progress', { rows: job.progress.rows })}</Text>
          <Progress value={progress} aria-label={t('imports.progress', { rows: job.progress.rows })} />
        </Stack>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {job?.state === 'cancelled' && <Alert color="yellow">{t('imports.cancelled')}</Alert>}
      {report && (
        <Stack>
          <Alert color={committed ? 'green' : 'blue'} role="status" data-testid="import-state">
            {committed
              ? t('imports.done', { file: report.fileName })
              : t('imports.previewed', { file: report.fileName })}
          </Alert>
          <ReportCounts report={report} />
          <MappingEditor
            report={report}
            mapping={mapping}
            disabled={running || Boolean(committed)}
            onChange={(c, f) => setMapping({ ...mapping, [c]: f })}
          />
          <RowProblems
            title={t('imports.rejected')}
            rows={report.rejected}
            total={report.rejectedCount}
            colour="red"
          />
          <RowProblems
            title={t('imports.warnings')}
            rows={report.warnings}
            total={report.warnings.length}
            colour="yellow"
          />
        </Stack>
      )}
    </Page>
  );
}
