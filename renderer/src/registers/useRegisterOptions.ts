import { useMemo } from 'react';
import { useClubData, valuesOf } from '../state/clubData.ts';

/** The registers as options of a select field, in the club's order. */
export function useRegisterOptions(): { value: string; label: string }[] {
  const registersMap = useClubData((s) => s.registers);
  return useMemo(
    () =>
      valuesOf(registersMap)
        .toSorted((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'))
        .map((r) => ({ value: r.id, label: r.name })),
    [registersMap],
  );
}
