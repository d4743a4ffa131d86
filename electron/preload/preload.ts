/**
 * Preload of the main window (sandboxed, context-isolated): exposes exactly one object,
 * `window.tutti`, the ClubApi over IPC. Nothing of Node or Electron reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcClubApi } from './ipcClient.ts';

contextBridge.exposeInMainWorld(
  'tutti',
  createIpcClubApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  ),
);
