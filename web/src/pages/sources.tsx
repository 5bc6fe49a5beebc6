/** Sources: the list with reliability grades, and a form to add one. */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.js';
import { useMe, useSources } from '../api/queries.js';
import { RELIABILITY, SOURCE_KINDS } from '../api/types.js';
import { ErrorAlert, Loading, Page } from '../components/page.js';
import { can } from '../lib/capabilities.js';
import { errorText, fieldErrors } from '../lib/errors.js';
import { formatDay } from '../lib/format.js';
import { dayProblem, textProblem } from '../lib/validate.js';

/** The sources page. */
export default function SourcesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const sources = useSources();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={t('sources.title')}
      actions={
        can(me.data, 'source.write') && <Button onClick={() => setAdding(true)}>{t('sources.add')}</Button>
      }
    >
      {sources.isPending ? (
        <Loading />
      ) : sources.isError ? (
        <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.data.items.length === 0 ? (
        <Text c="dimmed">{t('sources.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="sources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sources.titleField')}</Table.Th>
                <Table.Th scope="col">{t('sources.kind')}</Table.Th>
                <Table.Th scope="col">{t('sources.publisher')}</Table.Th>
                <Table.Th scope="col">{t('sources.published')}</Table.Th>
                <Table.Th scope="col">{t('sources.language')}</Table.Th>
                <Table.Th scope="col">{t('sources.reliability')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.url ? (
                      <Anchor href={s.url} target="_blank" rel="noreferrer noopener">
                        {s.title}
                      </Anchor>
                    ) : (
                      s.title
                    )}
                  </Table.Td>
                  <Table.Td>{t(`sourceKinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.publisher}</Table.Td>
                  <Table.Td>{formatDay(s.published, i18n.language)}</Table.Td>
                  <Table.Td>{s.language}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="dark">
                      {s.reliability}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('sources.add')} size="lg">
        <SourceForm onDone={() => setAdding(false)} />
      </Modal>
    </Page>
  );
}

function SourceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: 'list',
      title: '',
      publisher: '',
      published: '',
      language: '',
      reliability: 'F',
      url: '',
      notes: '',
    },
    validate: {
      title: (v) => textProblem(v, t, 300),
      publisher: (v) => textProblem(v, t, 300, false),
      published: (v) => dayProblem(v, t),
      language: (v) => (v && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(v) ? t('validation.language') : null),
      url: (v) => (v && !/^https?:\/\/\S+$/.test(v) ? t('validation.url') : null),
      notes: (v) => textProblem(v, t, 5000, false),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim() !== ''));
    try {
      await post('/api/sources', body);
      await queryClient.invalidateQueries({ queryKey: ['sources'] });
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
        <TextInput label={t('sources.titleField')} required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('sources.kind')}
            data={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <NativeSelect
            label={t('sources.reliability')}
            data={[...RELIABILITY]}
            {...form.getInputProps('reliability')}
          />
          <TextInput label={t('sources.publisher')} {...form.getInputProps('publisher')} />
          <TextInput label={t('sources.published')} type="date" {...form.getInputProps('published')} />
          <TextInput label={t('sources.language')} placeholder="uk" {...form.getInputProps('language')} />
          <TextInput label={t('sources.url')} type="url" {...form.getInputProps('url')} />
        </SimpleGrid>
        <Textarea label={t('sources.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
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
