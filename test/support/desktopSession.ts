/**
 * One desktop session for an e2e test file: a fresh profile (optionally with the legacy club
 * imported first), the real `tutti start --browser`, Debian's Chromium at a laptop's 1366×768,
 * a screenshot of every failure, and everything ended afterwards. Call at the top of a file;
 * the returned object is filled in before the first test runs.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import type { LocalStore } from '../../electron/store/localStore.ts';
import { TuttiApp } from '../e2e/pages/tuttiApp.ts';
import { launchChromium, saveFailureScreenshot } from './browser.ts';
import { fixture } from './fixtures.ts';
import { makeTempDir } from './tempDir.ts';
import { type RunningTutti, runTutti, startTutti, writePassphraseFile } from './tuttiProcess.ts';

export interface DesktopSession {
  temp: ReturnType<typeof makeTempDir>;
  browser: Browser;
  tutti: RunningTutti;
  page: Page;
  app: TuttiApp;
  profile: string;
  /** Content-security-policy violations the page reported (none expected). */
  cspViolations: string[];
  /** Ends the core as closing the window would (backup on close), starts it again, reopens. */
  restart(): Promise<void>;
}

export function desktopSession(options: {
  prefix: string;
  /** The legacy Access club imported into the profile before the start. */
  withLegacyClub?: boolean;
  /** Writes records into the new profile before the start (as the app writes them). */
  prepare?: (store: LocalStore) => void;
  /** Stay on the start page after opening, instead of going to the member list. */
  startOnOverview?: boolean;
  timeoutMs?: number;
}): DesktopSession {
  const session = {} as DesktopSession;
  let passphraseFile = '';

  beforeAll(async () => {
    session.temp = makeTempDir(options.prefix);
    session.profile = join(session.temp.dir, 'profile');
    passphraseFile = writePassphraseFile(session.temp.dir);
    if (options.withLegacyClub) {
      const imported = await runTutti(
        ['import', fixture('legacy', 'verein-beispiel.mdb'), '--profile', session.profile],
        { TUTTI_PASSPHRASE_FILE: passphraseFile },
      );
      if (imported.code !== 0) throw new Error(imported.stderr);
    }
    if (options.prepare) {
      const env = { TUTTI_PASSPHRASE_FILE: passphraseFile };
      const profile = await openProfile(session.profile, passphraseKeyStore(session.profile, env));
      try {
        options.prepare(profile.store);
      } finally {
        profile.close();
      }
    }
    session.browser = await launchChromium();
    session.tutti = await startTutti(session.profile, passphraseFile);
    session.page = await session.browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'de-DE',
      acceptDownloads: true,
    });
    session.page.setDefaultTimeout(options.timeoutMs ?? 15_000);
    session.cspViolations = [];
    await session.page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        ),
      ),
    );
    session.page.on('console', (m) => {
      if (m.text().startsWith('CSP violation')) session.cspViolations.push(m.text());
    });
    session.app = new TuttiApp(session.page);
    if (options.startOnOverview) await session.app.openOverview(session.tutti.url);
    else await session.app.open(session.tutti.url);
  }, 120_000);

  session.restart = async () => {
    await session.tutti.stop();
    session.tutti = await startTutti(session.profile, passphraseFile);
    await session.app.open(session.tutti.url);
  };

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && session.page && !session.page.isClosed()) {
      await saveFailureScreenshot(session.page, context.task.name);
      console.error(session.tutti?.stderr());
    }
  });

  afterAll(async () => {
    await session.browser?.close();
    await session.tutti?.stop();
    session.temp?.cleanup();
  });

  return session;
}
