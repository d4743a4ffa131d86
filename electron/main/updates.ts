/**
 * Updates through electron-updater. Every update is checked against the SHA-512 in the feed's
 * metadata and, on Windows, against the publisher's code signature baked in at build time
 * (electron-builder `win.publisherName`); an update that fails either is not installed.
 */
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { readUpdateFeed } from '../shell/updateFeed.ts';

export function startUpdateChecks(log: (line: string) => void): void {
  if (!app.isPackaged) return; // a development build has no signed feed to compare with
  const { autoUpdater } = electronUpdater;
  const feed = readUpdateFeed(join(app.getPath('userData'), 'update-feed.json'));
  if (feed.kind === 'invalid') log(feed.reason);
  if (feed.kind === 'custom') autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => log(`Update: ${error.message}`));
  autoUpdater.on('update-downloaded', (info) =>
    log(`Update ${info.version} geladen; wird beim Beenden installiert.`),
  );
  const check = () =>
    autoUpdater.checkForUpdates().catch((error: Error) => log(`Update: ${error.message}`));
  void check();
  setInterval(check, 6 * 60 * 60 * 1000).unref();
}
