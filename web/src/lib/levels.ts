/** The matching model's level labels (English, from the model document) in the user's language. */
import type { TFunction } from 'i18next';
import { intlLocale } from './format.js';

// Level labels of the default model and their catalogue keys.
const LEVELS: Record<string, string> = {
  exact: 'exact',
  different: 'different',
  missing: 'missing',
  'one edit': 'oneEdit',
  'one edit apart': 'oneEdit',
  'same name in another language or form': 'otherForm',
  'part of the other name': 'partOf',
  'initial agrees': 'initial',
  'words similar (>= 0.75)': 'wordsSimilar',
  'words agree (>= 0.9)': 'wordsAgree',
  'within five years': 'fiveYears',
  'within a year': 'oneYear',
  'sounds alike (Daitch-Mokotoff)': 'soundsAlike',
  'same year': 'sameYear',
  'same month and year': 'sameMonth',
  'same mailbox name': 'sameMailbox',
  'one digit differs': 'oneDigit',
  'last seven digits agree': 'lastSeven',
  'given and family names swapped': 'swapped',
  'family and given names swapped': 'swapped',
  'first three agree': 'firstThree',
  'day and month transposed': 'dayMonth',
  'compatible with stated age': 'statedAge',
};

/** A level label in the user's language; one a newer model brings stays as the model wrote it. */
export function levelText(label: string, t: TFunction, locale: string): string {
  const jw = /^Jaro-Winkler >= ([\d.]+)$/.exec(label);
  if (jw)
    return t('review.levels.similar', {
      score: new Intl.NumberFormat(intlLocale(locale)).format(Number(jw[1])),
    });
  const key = LEVELS[label];
  return key ? t(`review.levels.${key}`) : label;
}
