/**
 * Errors in the user's language. The server's messages are English and for developers; what the
 * user reads comes from the error code and, for field problems, from the issue's kind.
 */
import type { TFunction } from 'i18next';
import { ApiError, type ApiIssue } from '../api/client.js';

// Server messages of custom rules that have their own wording.
const KNOWN_MESSAGES: [RegExp, string][] = [
  [/internal address/i, 'validation.urlInternal'],
  [/not a URL|scheme not allowed|credentials in URL/i, 'validation.url'],
  [/does not exist/i, 'validation.dateNotExist'],
  [/YYYY-MM-DD/, 'validation.dateFormat'],
  [/transfer needs/i, 'validation.transferPlace'],
  [/severity applies/i, 'validation.severityKind'],
  [/language tag/i, 'validation.language'],
  [/month/i, 'validation.month'],
  [/day/i, 'validation.day'],
  [/year/i, 'validation.year'],
];

/** One server issue as a sentence in the user's language. */
export function issueText(issue: ApiIssue, t: TFunction): string {
  for (const [re, key] of KNOWN_MESSAGES) if (re.test(issue.message)) return t(key);
  switch (issue.code) {
    case 'too_small':
      return /expected string/i.test(issue.message) || /character/i.test(issue.message)
        ? t('validation.required')
        : t('validation.min');
    case 'too_big':
      return /character/i.test(issue.message) ? t('validation.tooLong') : t('validation.max');
    case 'invalid_type':
      return t('validation.required');
    case 'invalid_value':
      return t('validation.choice');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    case 'invalid_format':
      return /url/i.test(issue.message) ? t('validation.url') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** A whole error as one sentence in the user's language. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  return t('errors.unknown');
}

/**
 * Field errors for a form: each server issue whose path maps to one of the form's fields, in the
 * user's language. `map` turns a server path ("claim.value.year") into a form field name or null.
 */
export function fieldErrors(
  error: unknown,
  t: TFunction,
  map: (path: string) => string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const field = map(issue.path ?? '');
    if (field && !out[field]) out[field] = issueText(issue, t);
  }
  return out;
}

/** Whether an error is a stale write: someone else changed the record first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}
