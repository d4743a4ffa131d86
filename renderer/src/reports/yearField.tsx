/**
 * The year a report is for, typed as four digits: the year (null while it is none) and the
 * field, which says what is wrong at itself.
 */
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useYearField(today: string) {
  const { t } = useTranslation();
  const [text, setText] = useState(today.slice(0, 4));
  const typed = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
  const year = typed !== null && typed >= 1900 && typed <= 2100 ? typed : null;
  const error = year === null ? t('reports.honours.yearInvalid') : null;
  const field = (label: string) => (
    <TextInput
      label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      inputMode="numeric"
      maxLength={4}
      w={110}
      error={error}
      data-field="year"
    />
  );
  return { year, field };
}
