/**
 * What a chart is asked for, typed by the person: a range of years, a season (two dates), a
 * register. Each field says at itself what is wrong; the request exists only when all is right.
 */
import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate, parseGermanDate } from '../../../shared/domain/dates.ts';
import type { Register } from '../../../shared/domain/register.ts';
import { DateInput } from '../components/DateInput.tsx';

const yearOf = (text: string) => {
  const trimmed = text.trim();
  const year = /^\d{4}$/.test(trimmed) ? Number(trimmed) : null;
  return year !== null && year >= 1900 && year <= 2100 ? year : null;
};

function YearInput(props: {
  label: string;
  text: string;
  onChange(text: string): void;
  error: string | null;
  field: string;
}) {
  return (
    <TextInput
      label={props.label}
      value={props.text}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      inputMode="numeric"
      maxLength={4}
      w={110}
      error={props.error}
      data-field={props.field}
    />
  );
}

export function useYearRange(today: string) {
  const { t } = useTranslation();
  const thisYear = Number(today.slice(0, 4));
  const [fromText, setFromText] = useState(String(thisYear - 9));
  const [toText, setToText] = useState(String(thisYear));
  const from = yearOf(fromText);
  const to = yearOf(toText);
  const invalid = t('reports.honours.yearInvalid');
  const fromError =
    from === null ? invalid : from > thisYear ? t('statisticsPage.yearInFuture') : null;
  const toError =
    to === null
      ? invalid
      : from !== null && to < from
        ? t('statisticsPage.yearsOrder')
        : from !== null && to - from > 100
          ? t('statisticsPage.yearsTooMany')
          : null;
  const range =
    from !== null && to !== null && !fromError && !toError ? { fromYear: from, toYear: to } : null;
  const fields = (
    <Group align="start">
      <YearInput
        label={t('statisticsPage.fromYear')}
        text={fromText}
        onChange={setFromText}
        error={fromError}
        field="fromYear"
      />
      <YearInput
        label={t('statisticsPage.toYear')}
        text={toText}
        onChange={setToText}
        error={toError}
        field="toYear"
      />
    </Group>
  );
  return { range, fields };
}

/** A season: by default this calendar year, the club year of most music societies. */
export function useSeason(today: string) {
  const { t } = useTranslation();
  const year = today.slice(0, 4);
  const [fromText, setFromText] = useState(formatGermanDate(`${year}-01-01`));
  const [toText, setToText] = useState(formatGermanDate(`${year}-12-31`));
  const from = parseGermanDate(fromText);
  const to = parseGermanDate(toText);
  const invalid = t('validation.date');
  const orderError =
    from && to
      ? to < from
        ? t('statisticsPage.seasonOrder')
        : to > `${Number(from.slice(0, 4)) + 5}${from.slice(4)}`
          ? t('statisticsPage.seasonTooLong')
          : null
      : null;
  const season = from && to && !orderError ? { from, to } : null;
  const fields = (
    <Group align="start">
      <DateInput
        label={t('statisticsPage.seasonFrom')}
        value={fromText}
        onChange={setFromText}
        error={from ? null : invalid}
        data-field="seasonFrom"
        w={150}
      />
      <DateInput
        label={t('statisticsPage.seasonTo')}
        value={toText}
        onChange={setToText}
        error={to ? orderError : invalid}
        data-field="seasonTo"
        w={150}
      />
    </Group>
  );
  return { season, fields };
}

export function RegisterChoice({
  registers,
  value,
  onChange,
}: {
  registers: readonly Register[];
  value: string | null;
  onChange(id: string | null): void;
}) {
  const { t } = useTranslation();
  const all = '';
  return (
    <Select
      label={t('statisticsPage.register')}
      value={value ?? all}
      onChange={(id) => onChange(id ? id : null)}
      allowDeselect={false}
      w={220}
      data={[
        { value: all, label: t('statisticsPage.allRegisters') },
        ...registers
          .toSorted((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'))
          .map((r) => ({ value: r.id, label: r.name })),
      ]}
      data-field="registerId"
    />
  );
}
