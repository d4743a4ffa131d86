/**
 * What the person at this device may do, for the screens: asked from the core at start and
 * after every sync round (the club server sends the user's rights with each pull, so a changed
 * role shows at the next round). The UI hides or locks what the role may not change; the club
 * server enforces it regardless.
 */
import { create } from 'zustand';
import {
  type AccessView,
  type DeviceRights,
  deviceRights,
} from '../../../shared/rights/deviceRights.ts';
import { clubApi } from '../api/transport.ts';

interface AccessState {
  view: AccessView;
  rights: DeviceRights;
  refresh(): Promise<void>;
}

const UNCONNECTED: AccessView = { connected: false, access: null };

export const useAccess = create<AccessState>()((set) => ({
  view: UNCONNECTED,
  rights: deviceRights(UNCONNECTED),
  async refresh() {
    const result = await clubApi.access();
    if (result.ok) set({ view: result.value, rights: deviceRights(result.value) });
  },
}));

export function useRights(): DeviceRights {
  return useAccess((s) => s.rights);
}
