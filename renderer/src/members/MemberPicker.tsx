import { Select, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { type Member, memberSortName } from '../../../shared/domain/member.ts';
import { findsAll, searchWords } from '../../../shared/domain/searchFold.ts';
import { sortRowsCached } from '../components/sortRows.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { memberSearchText } from './memberSearch.ts';

const MAX_OPTIONS = 50;
const sortName = (m: Member) => memberSortName(m);

function label(m: Member): string {
  return `${memberSortName(m)}${m.city ? ` (${m.city})` : ''}`;
}

type MemberPickerProps = Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  /** Members that may not be chosen (the member itself, as its own household). */
  excludeId?: string;
  /** Only these members (e.g. no one who has left the club). */
  include?: (m: Member) => boolean;
};

/**
 * Chooses one member out of thousands: the list holds the first 50 matches of what was typed
 * (and the current choice), so opening a form never builds 10,000 options.
 */
export function MemberPicker({ excludeId, include, value, ...props }: MemberPickerProps) {
  const membersMap = useClubData((s) => s.members);
  const registersMap = useClubData((s) => s.registers);
  const [search, setSearch] = useState('');
  const data = useMemo(() => {
    const words = searchWords(search);
    const chosen = value ? membersMap.get(value) : undefined;
    const options: Member[] = chosen ? [chosen] : [];
    // Typing the chosen label back must not hide it; only search when the text differs.
    const searching = words.length > 0 && (!chosen || search !== label(chosen));
    for (const m of sortRowsCached(valuesOf(membersMap), sortName, false)) {
      if (options.length >= MAX_OPTIONS) break;
      if (m.id === excludeId || m === chosen || (include && !include(m))) continue;
      if (searching && !findsAll(memberSearchText(m, registersMap), words)) continue;
      options.push(m);
    }
    return options.map((m) => ({ value: m.id, label: label(m) }));
  }, [membersMap, registersMap, search, value, excludeId, include]);

  return (
    <Select
      searchable
      clearable
      {...props}
      value={value ?? null}
      data={data}
      searchValue={search}
      onSearchChange={setSearch}
      // The options are already what matches the search.
      filter={({ options }) => options}
    />
  );
}
