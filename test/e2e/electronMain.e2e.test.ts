/**
 * The bundled Electron main process (dist/electron/main.cjs), started under Node with a recording
 * stand-in for the 'electron' module (test/support/fakeElectron.cjs): the wiring of issue #3 as it
 * will run in the app — scheme registered before ready, single-instance lock, permissions denied,
 * safeStorage key store, IPC handlers, app:// pages with CSP, the locked-down window, the core
 * host in a utility process (here a Node child process with Electron's `process.parentPort`),
 * and a clean close of the database on quit. The real Electron run is test/electron/ (needs the binary).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileLock } from '../../electron/core/profileLock.ts';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrations/index.ts';
import { CLUB_API_METHODS } from '../../shared/api/clubApi.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT } from '../support/tuttiProcess.ts';

const MAIN = join(REPO_ROOT, 'dist', 'electron', 'main.cjs');
const PRELOAD = join(REPO_ROOT, 'dist', 'electron', 'preload.cjs');
let temp: ReturnType<typeof makeTempDir>;

function runMain(profile: string, locale = 'de-DE') {
  const result = spawnSync(
    process.execPath,
    ['-r', join(REPO_ROOT, 'test', 'support', 'fakeElectron.cjs'), MAIN, '--profile', profile],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, FAKE_ELECTRON_USERDATA: temp.dir, FAKE_ELECTRON_LOCALE: locale },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const line = result.stdout.trim().split('\n').pop() ?? '{}';
  return { code: result.status, stderr: result.stderr, report: JSON.parse(line) };
}

beforeAll(() => {
  temp = makeTempDir('tutti-electron-main-');
  if (!existsSync(MAIN))
    throw new Error('dist/electron/main.cjs missing: run `npm run build:electron`');
});
afterAll(() => temp?.cleanup());

describe('the bundled Electron main process', () => {
  it('starts locked down, serves the app page with its CSP and answers only its own page', () => {
    const profile = join(temp.dir, 'profile');
    const { code, report, stderr } = runMain(profile);
    expect(report.errors, stderr).toEqual([]);
    expect(code).toBe(0);
    expect(report.calls.slice(0, 2)).toEqual([
      'registerSchemesAsPrivileged:app',
      'requestSingleInstanceLock',
    ]);
    expect(report.calls).toEqual(
      expect.arrayContaining(['permissions:request', 'permissions:check', 'protocol.handle:app']),
    );
    expect(report.ipcChannels.sort()).toEqual(
      [...CLUB_API_METHODS].sort().map((m) => `tutti:api:${m}`),
    );
    expect(report.window.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: PRELOAD,
    });
    expect(report.loadedUrl).toBe('app://tutti/index.html');
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self' 'nonce-/,
    );
    expect(report.ipc.status).toMatchObject({
      ok: true,
      value: { schemaVersion: LATEST_SCHEMA_VERSION, pendingMutations: 0 },
    });
    expect(report.ipc.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The core runs in a utility process (issue #26), started from its own bundle.
    expect(report.calls).toContain('utilityProcess.fork:coreHost.cjs:Tutti Kern');
    // The backup folder is picked with the system's dialog, which may create a folder.
    expect(report.ipc.pickedFolder).toEqual({ ok: true, value: '/media/usb/Tutti-Sicherung' });
    expect(report.calls).toContain('showOpenDialog:openDirectory,createDirectory');
    expect(report.menu).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    // The key is wrapped by the OS store (recorded backend), and the lock was released on quit.
    expect(JSON.parse(readFileSync(join(profile, 'key.safe.json'), 'utf8'))).toMatchObject({
      backend: 'gnome_libsecret',
    });
    expect(ProfileLock.isHeld(join(profile, 'tutti.lock'))).toBe(false);
  });

  it('names its menu in English on an English system', () => {
    const { report } = runMain(join(temp.dir, 'english-profile'), 'en-GB');
    expect(report.menu).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('has a preload that needs nothing but electron (it runs sandboxed)', () => {
    const requires = [...readFileSync(PRELOAD, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );
    expect([...new Set(requires)]).toEqual(['electron']);
  });
});
