/**
 * electron-builder configuration of the desktop program.
 *
 * Environment at build time:
 *   TUTTI_UPDATE_URL      https address of the update feed baked into the app (optional; a club
 *                         can also name its own in update-feed.json, see electron/shell/updateFeed.ts)
 *   TUTTI_WIN_PUBLISHER   the exact subject name of the Windows code-signing certificate; updates
 *                         are installed only when signed by it
 *   CSC_LINK / CSC_KEY_PASSWORD (electron-builder's own) the signing certificate
 */
const updateUrl = process.env.TUTTI_UPDATE_URL;
if (updateUrl && !updateUrl.startsWith('https://')) {
  throw new Error(`TUTTI_UPDATE_URL must be an https address, got ${updateUrl}`);
}
const publisherName = process.env.TUTTI_WIN_PUBLISHER;

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'de.tutti.vereinsverwaltung',
  productName: 'Tutti',
  copyright: 'Tutti',
  directories: { output: 'dist/installers', buildResources: 'build' },
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    // main.cjs bundles everything but electron, the native database module and the updater;
    // the rest of the production dependencies serve the UI bundle, the server or the CLI.
    '!node_modules/{@electric-sql,pg,pg-*,@peculiar,reflect-metadata,tsx,esbuild,@esbuild,react,react-dom,@mantine,@tanstack,i18next,react-i18next,zustand,zod,ibantools,uuid,get-nonce}/**',
  ],
  asar: true,
  // The native database module is rebuilt for Electron's ABI while packing and loaded unpacked.
  npmRebuild: true,
  asarUnpack: ['**/*.node'],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  publish: updateUrl ? [{ provider: 'generic', url: updateUrl }] : null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    ...(publisherName ? { signtoolOptions: { publisherName: [publisherName] } } : {}),
    verifyUpdateCodeSignature: true,
  },
  nsis: {
    // Per-user installation without administrator rights; the folder can be chosen.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    language: '1031',
    installerLanguages: ['de_DE'],
    multiLanguageInstaller: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Tutti',
    // The club's data stays when the program is removed.
    deleteAppDataOnUninstall: false,
    // electron-builder's own placeholders, not a JavaScript template.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder macro syntax
    artifactName: 'Tutti-Setup-${version}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Tutti',
    synopsis: 'Vereinsverwaltung für Musikvereine',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
};
