/**
 * The web application's sign-in state: the server's current `SessionView` (its CSRF token goes
 * with every POST), whether a session ended under the open app (the sign-in then shows over
 * it, keeping what is typed in its forms), and whether the club server answers at all.
 */
import { create } from 'zustand';
import type { SessionView } from '../../../shared/web/webProtocol.ts';
import { takeInviteToken } from './webMode.ts';

interface WebSessionState {
  /** Null until the server has told it. */
  view: SessionView | null;
  /** The session ended (idle, too old, ended elsewhere) while the app was open. */
  expired: boolean;
  /** A call or the event stream did not reach the club server. */
  offline: boolean;
  /** The invitation of the address (`?invite=`), until accepted or put aside. */
  inviteToken: string | null;
  show(view: SessionView): void;
  sessionEnded(): void;
  reachable(reachable: boolean): void;
  inviteDone(): void;
}

export const useWebSession = create<WebSessionState>()((set, get) => ({
  view: null,
  expired: false,
  offline: false,
  inviteToken: null,
  show(view) {
    set({ view, ...(view.stage === 'ready' ? { expired: false } : {}) });
  },
  sessionEnded() {
    const view = get().view;
    if (view?.stage === 'none' && get().expired) return;
    set({
      expired: true,
      view: view ? { ...view, stage: 'none', csrfToken: null, clubs: [] } : null,
    });
  },
  reachable(reachable) {
    if (get().offline === reachable) set({ offline: !reachable });
  },
  inviteDone() {
    set({ inviteToken: null });
  },
}));

/** Reads the invitation from the address once, at start; the address keeps no token. */
export function readInviteFromAddress(): void {
  const token = takeInviteToken();
  if (token) useWebSession.setState({ inviteToken: token });
}
