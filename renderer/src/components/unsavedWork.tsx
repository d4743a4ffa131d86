/**
 * Forms inside a dialog's tabs (issuing a loan, correcting a maintenance entry) tell the dialog
 * that they hold typed values, so closing the dialog asks first for them too, not only for the
 * dialog's own form (useDiscardGuard).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef } from 'react';

type Register = (key: symbol, isDirty: (() => boolean) | null) => void;

const UnsavedWorkContext = createContext<Register | null>(null);

/** For the dialog: a provider for its tabs, and whether any of them holds typed values. */
export function useUnsavedWork(): {
  anyUnsaved: () => boolean;
  UnsavedWorkProvider: (props: { children: ReactNode }) => ReactNode;
} {
  const forms = useRef(new Map<symbol, () => boolean>());
  const register = useCallback<Register>((key, isDirty) => {
    if (isDirty) forms.current.set(key, isDirty);
    else forms.current.delete(key);
  }, []);
  const anyUnsaved = useCallback(
    () => [...forms.current.values()].some((isDirty) => isDirty()),
    [],
  );
  const UnsavedWorkProvider = useCallback(
    ({ children }: { children: ReactNode }) => (
      <UnsavedWorkContext.Provider value={register}>{children}</UnsavedWorkContext.Provider>
    ),
    [register],
  );
  return { anyUnsaved, UnsavedWorkProvider };
}

/** For a form in a tab: reports whether it holds typed values, for as long as it is shown. */
export function useReportUnsaved(isDirty: () => boolean): void {
  const register = useContext(UnsavedWorkContext);
  const latest = useRef(isDirty);
  latest.current = isDirty;
  useEffect(() => {
    if (!register) return;
    const key = Symbol('form');
    register(key, () => latest.current());
    return () => register(key, null);
  }, [register]);
}
