/**
 * Debian's Chromium driven by playwright-core (never `playwright install`: no browser downloads
 * on these machines). The flags keep Chromium from calling out to a network it does not have.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TUTTI_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run test/setup-ci.sh (apt-get install chromium) or set TUTTI_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Keeps what the screen showed when a test failed, under test-results/ (not committed). */
export async function saveFailureScreenshot(page: Page, testName: string): Promise<void> {
  const dir = join(import.meta.dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${testName.replace(/[^a-zA-Z0-9äöüÄÖÜß-]+/g, '_').slice(0, 80)}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  console.error(`Screenshot of the failure: ${file}`);
}
