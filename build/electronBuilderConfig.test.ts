import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const CONFIG = require.resolve('./electron-builder.config.cjs');

function loadConfig(env: Record<string, string | undefined> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    delete require.cache[CONFIG];
    return require(CONFIG);
  } finally {
    process.env = saved;
  }
}

describe('packaging configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration(loadConfig(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('sets the Electron fuses of the security checklist', () => {
    expect(loadConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a German per-user NSIS installer with a choice of folder, and Linux and macOS packages', () => {
    const config = loadConfig();
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['de_DE'],
    });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('bakes in an https update feed and the publisher updates must be signed by', () => {
    const config = loadConfig({
      TUTTI_UPDATE_URL: 'https://updates.verband.example/tutti/',
      TUTTI_WIN_PUBLISHER: 'Musikverband e.V.',
    });
    expect(config.publish).toEqual([
      { provider: 'generic', url: 'https://updates.verband.example/tutti/' },
    ]);
    expect(config.win.signtoolOptions.publisherName).toEqual(['Musikverband e.V.']);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(() => loadConfig({ TUTTI_UPDATE_URL: 'http://updates.verband.example/' })).toThrow(
      /https/,
    );
  });
});
