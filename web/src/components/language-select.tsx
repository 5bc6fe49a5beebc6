/** The language switch: a labelled select, reachable by keyboard like any other field. */
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.js';

/** Switches the interface language at once and remembers the choice. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      size="xs"
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(e) => void setLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      data-testid="language"
    />
  );
}
