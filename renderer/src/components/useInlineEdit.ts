/**
 * The state of a small form correcting a record in place (a loan, a maintenance entry): its
 * values, whether they differ from the record's, the question before dropping them, and the
 * report to the surrounding dialog that typed values are open.
 */
import { useState } from 'react';
import { useReportUnsaved } from './unsavedWork.tsx';
import { useDiscardGuard } from './useDiscardGuard.tsx';

export function useInlineEdit<V extends Record<string, string | null>>(
  initial: V,
  onClose: () => void,
) {
  const [values, setValues] = useState(initial);
  const set = (field: keyof V) => (value: string | null) =>
    setValues((v) => ({ ...v, [field]: value }));
  const dirty = () => (Object.keys(initial) as (keyof V)[]).some((k) => values[k] !== initial[k]);
  const { requestClose, discardQuestion } = useDiscardGuard(dirty, onClose);
  useReportUnsaved(dirty);
  return { values, set, requestClose, discardQuestion };
}
