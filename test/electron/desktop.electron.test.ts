/**
 * The real desktop program in Electron, driven by Playwright's `_electron`. Runs wherever the
 * Electron binary exists (the Windows CI runner, a developer's machine after
 * `npm run electron:install`); skipped, with the reason printed, where it does not.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ElectronApplication, _electron as electron, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/cli/startCommand.ts';
import { TuttiApp } from '../e2e/pages/tuttiApp.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT } from '../support/tuttiProcess.ts';

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.warn(
    'Electron tests skipped: no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD / allowScripts); run `npm run electron:install` where GitHub is reachable.',
  );
}

const MAIN = join(REPO_ROOT, 'dist', 'electron', 'main.cjs');
let temp: ReturnType<typeof makeTempDir>;
let profile: string;

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: [MAIN, '--profile', profile],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.getByTestId('nav-members').waitFor();
  return { app, page };
}

describe.skipIf(!electronBinary)('Tutti in Electron', () => {
  beforeAll(() => {
    temp = makeTempDir('tutti-electron-');
    profile = join(temp.dir, 'profile');
    mkdirSync(profile);
  });
  afterAll(() => temp?.cleanup());

  it('runs the UI from app:// without Node in the page', async () => {
    const { app, page } = await launch();
    try {
      expect(page.url()).toBe('app://tutti/index.html');
      expect(
        await page.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      expect(
        await page.evaluate(() =>
          Object.keys((window as unknown as { tutti: object }).tutti).sort(),
        ),
      ).toEqual(['get', 'list', 'remove', 'restore', 'save', 'status']);
      // Sandboxed renderers have no Node: not even the preload's own `require` leaks out.
      expect(await page.evaluate(() => typeof (globalThis as { module?: unknown }).module)).toBe(
        'undefined',
      );
    } finally {
      await app.close();
    }
  });

  it('refuses navigation away and new windows', async () => {
    const { app, page } = await launch();
    try {
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://tutti/index.html');
      expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('keeps a member across a restart, encrypted with the OS-protected key', async () => {
    let { app, page } = await launch();
    const tutti = new TuttiApp(page);
    await page.getByTestId('new-member').click();
    await tutti.fill({ firstName: 'Elektra', lastName: 'Tuba' });
    await tutti.save();
    await tutti.row('Tuba, Elektra').waitFor();
    await app.close();
    ({ app, page } = await launch());
    try {
      await new TuttiApp(page).row('Tuba, Elektra').waitFor();
    } finally {
      await app.close();
    }
  });
});
