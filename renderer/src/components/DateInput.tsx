import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseGermanDate } from '../../../shared/domain/dates.ts';
import { dateToForm } from './formValues.ts';

type DateInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  /** Gets the text; @mantine/form's getInputProps accepts a plain value as well. */
  onChange(value: string): void;
};

/**
 * A date typed as TT.MM.JJJJ (also 1.2.24 or 01.02.2024); on leaving the field a readable date is
 * written out in full, so the secretary sees what Tutti understood.
 */
export function DateInput({ value = '', onChange, onBlur, ...rest }: DateInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      placeholder={t('common.dateHint')}
      inputMode="numeric"
      autoComplete="off"
      {...rest}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        const parsed = parseGermanDate(event.currentTarget.value);
        if (parsed) {
          const formatted = dateToForm(parsed);
          if (formatted !== event.currentTarget.value) onChange(formatted);
        }
        onBlur?.(event);
      }}
    />
  );
}
