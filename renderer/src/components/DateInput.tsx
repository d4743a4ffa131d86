import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseGermanDate } from '../../../shared/domain/dates.ts';
import { dateToForm } from './formValues.ts';

/**
 * A date typed as TT.MM.JJJJ (also 1.2.24 or 01.02.2024); on leaving the field a readable date is
 * written out in full, so the secretary sees what Tutti understood.
 */
export function DateInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      placeholder={t('common.dateHint')}
      inputMode="numeric"
      autoComplete="off"
      {...props}
      onBlur={(event) => {
        const parsed = parseGermanDate(event.currentTarget.value);
        if (parsed && props.onChange) {
          const formatted = dateToForm(parsed);
          if (formatted !== event.currentTarget.value) {
            props.onChange({
              currentTarget: { value: formatted },
              target: { value: formatted },
            } as never);
          }
        }
        props.onBlur?.(event);
      }}
    />
  );
}
