import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n/index.ts';

/** The UI's language, chosen in the header (and on the web application's sign-in). */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('app.language')}
      w={120}
      size="xs"
      allowDeselect={false}
      value={i18n.language}
      onChange={(v) => setLanguage((v ?? 'de') as Language)}
      data={[
        { value: 'de', label: 'Deutsch' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
