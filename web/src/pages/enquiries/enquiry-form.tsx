/** Recording an enquiry: the enquirer (restricted data), consent, the sought person, the circumstances. */
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { post } from '../../api/client.js';
import { SEX } from '../../api/types.js';
import { PartialDateFields } from '../../components/partial-date-fields.js';
import { errorText, fieldErrors } from '../../lib/errors.js';
import {
  dateProblems,
  dayProblem,
  emptyDate,
  textProblem,
  toPartialDate,
  type DateFields,
} from '../../lib/validate.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The new-enquiry form; opens the enquiry once recorded. */
export function EnquiryForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      relationship: '',
      phone: '',
      email: '',
      tracing: false,
      share: false,
      givenOn: today(),
      family_name: '',
      given_name: '',
      patronymic: '',
      sex: '',
      dob: { ...emptyDate } as DateFields,
      lastSeenPlace: '',
      seen: { ...emptyDate } as DateFields,
      description: '',
    },
    validate: (v) => {
      const e: Record<string, string | null> = {
        name: textProblem(v.name, t, 300),
        relationship: textProblem(v.relationship, t, 100),
        phone: textProblem(v.phone, t, 50, false),
        email: v.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email) ? t('validation.invalid') : null,
        tracing: v.tracing ? null : t('enquiries.consentRequired'),
        givenOn: dayProblem(v.givenOn, t, true),
        family_name:
          v.family_name.trim() || v.given_name.trim()
            ? textProblem(v.family_name, t, 200, false)
            : t('validation.required'),
        lastSeenPlace: textProblem(v.lastSeenPlace, t, 300, false),
      };
      for (const [k, m] of Object.entries(dateProblems(v.dob, t, false))) e[`dob.${k}`] = m;
      for (const [k, m] of Object.entries(dateProblems(v.seen, t, false))) e[`seen.${k}`] = m;
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const opt = (x: string) => x.trim() || undefined;
    const dob = toPartialDate(v.dob);
    const seen = toPartialDate(v.seen);
    try {
      const r = await post<{ id: string }>('/api/enquiries', {
        enquirer: {
          name: v.name.trim(),
          relationship: v.relationship.trim(),
          phone: opt(v.phone),
          email: opt(v.email),
        },
        consent: { tracing: v.tracing, shareWithAuthorities: v.share, givenOn: v.givenOn },
        sought: {
          family_name: opt(v.family_name),
          given_name: opt(v.given_name),
          patronymic: opt(v.patronymic),
          ...(v.sex && { sex: v.sex }),
          ...(dob && { date_of_birth: dob }),
        },
        circumstances: {
          lastSeenPlace: opt(v.lastSeenPlace),
          ...(seen && { lastSeenDate: seen }),
          description: opt(v.description),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['enquiries'] });
      onDone();
      navigate(`/enquiries/${r.id}`);
    } catch (e) {
      const map: Record<string, string> = { 'consent.tracing': 'tracing', 'consent.givenOn': 'givenOn' };
      form.setErrors(fieldErrors(e, t, (p) => map[p] ?? p.split('.')[1] ?? null));
      setFailure(errorText(e, t));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="enquiry-form">
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Title order={3} size="h5">
          {t('enquiries.enquirer')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('enquiries.enquirerName')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={t('enquiries.relationship')} required {...form.getInputProps('relationship')} />
          <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Checkbox
          label={t('enquiries.consentTracing')}
          {...form.getInputProps('tracing', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('enquiries.consentShare')}
          {...form.getInputProps('share', { type: 'checkbox' })}
        />
        <TextInput
          label={t('enquiries.consentDate')}
          type="date"
          required
          maw={220}
          {...form.getInputProps('givenOn')}
        />
        <Title order={3} size="h5">
          {t('enquiries.sought')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('fields.family_name')} {...form.getInputProps('family_name')} />
          <TextInput label={t('fields.given_name')} {...form.getInputProps('given_name')} />
          <TextInput label={t('fields.patronymic')} {...form.getInputProps('patronymic')} />
        </SimpleGrid>
        <Group align="flex-start">
          <NativeSelect
            label={t('fields.sex')}
            data={[{ value: '', label: '' }, ...SEX.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
            {...form.getInputProps('sex')}
          />
          <PartialDateFields
            legend={t('fields.date_of_birth')}
            year={form.getInputProps('dob.year')}
            month={form.getInputProps('dob.month')}
            day={form.getInputProps('dob.day')}
            about={form.getInputProps('dob.about', { type: 'checkbox' })}
          />
        </Group>
        <Title order={3} size="h5">
          {t('enquiries.circumstances')}
        </Title>
        <Group align="flex-start">
          <TextInput label={t('enquiries.lastSeenPlace')} {...form.getInputProps('lastSeenPlace')} />
          <PartialDateFields
            legend={t('enquiries.lastSeenDate')}
            year={form.getInputProps('seen.year')}
            month={form.getInputProps('seen.month')}
            day={form.getInputProps('seen.day')}
            about={form.getInputProps('seen.about', { type: 'checkbox' })}
          />
        </Group>
        <Textarea
          label={t('enquiries.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
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
