/**
 * Electron main process: kept thin. It owns the windows, the menu and safeStorage; the desktop
 * core — database, sync, import, backups — runs in a utility process, the core host (issue
 * #26), so that no long work of the core ever holds up a window. Everything with logic lives in
 * plain-Node modules that the tests exercise (electron/shell, electron/coreHost, electron/keys);
 * this file wires them to Electron's objects.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { AppError } from '../../shared/api/appError.ts';
import { commandLineLanguage } from '../../shared/messages/language.ts';
import { msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { AppAssets } from '../../shared/node/ui/appAssets.ts';
import { COMMON_HEADERS } from '../../shared/node/ui/securityHeaders.ts';
import { unlockProfileKey } from '../core/profile.ts';
import { CoreHost } from '../coreHost/coreHost.ts';
import { SafeStorageKeyStore } from '../keys/safeStorageKeyStore.ts';
import { APP_HOST, APP_SCHEME, APP_START_URL } from '../shell/appOrigin.ts';
import { forwardClubEvents } from '../shell/eventForwarding.ts';
import { registerClubApiHandlers } from '../shell/ipcHandlers.ts';
import { menuTemplate } from '../shell/menuTemplate.ts';
import {
  denyAllPermissions,
  lockDownWebContents,
  mainWindowOptions,
} from '../shell/windowSecurity.ts';
import { restoreWindowState, saveWindowState } from '../shell/windowState.ts';
import { startUpdateChecks } from './updates.ts';
import { forkUtilityHost } from './utilityHost.ts';

// Must happen before 'ready': app:// behaves like https (secure context, fetch, no file access).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const log = (line: string) => console.error(`[tutti] ${line}`);
const devTools = !app.isPackaged;
const profileArg = process.argv.indexOf('--profile');
const profileDir =
  profileArg > 0 && process.argv[profileArg + 1]
    ? resolve(process.argv[profileArg + 1]!)
    : join(app.getPath('userData'), 'profile');
const rendererDir = join(__dirname, '..', 'renderer');
const windowStateFile = join(app.getPath('userData'), 'window-state.json');

let mainWindow: BrowserWindow | null = null;
let core: CoreHost | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second start brings the running Tutti to the front instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, fail);
  app.on('window-all-closed', () => app.quit());
}

/**
 * The main process's own words (menu, dialogs): German unless the system speaks English. The
 * window's UI has its own choice (kept in the page); the main process cannot read it.
 */
function say(key: string): string {
  return translate({ key }, commandLineLanguage([], { LANG: app.getLocale() }));
}

async function askUnprotectedStorage(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: say('shell.unprotected.title'),
    message: say('shell.unprotected.message'),
    detail: say('shell.unprotected.detail'),
    buttons: [say('shell.unprotected.cancel'), say('shell.unprotected.store')],
    defaultId: 0,
    cancelId: 0,
  });
  return response === 1;
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  const keyStore = new SafeStorageKeyStore({
    keyFilePath: join(profileDir, 'key.safe.json'),
    safeStorage,
    platform: process.platform,
    randomKey: () => randomBytes(32),
    confirmUnprotectedStorage: askUnprotectedStorage,
  });
  // safeStorage unwraps the key here; the core host opens the profile with it.
  const key = await unlockProfileKey(profileDir, keyStore);
  try {
    core = await CoreHost.start({
      spawn: () => forkUtilityHost(join(__dirname, 'coreHost.cjs'), log),
      profileDir,
      key,
      background: true,
      log,
      pickFolder: async (current) => {
        const options: Electron.OpenDialogOptions = {
          title: say('shell.backupFolder'),
          properties: ['openDirectory', 'createDirectory'],
          ...(current ? { defaultPath: current } : {}),
        };
        const picked = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return picked.canceled ? null : (picked.filePaths[0] ?? null);
      },
    });
  } finally {
    key.fill(0);
  }
  const api = core;
  registerClubApiHandlers(ipcMain, api, log);
  // Events go to whichever window is open; none is sent to a closed one.
  forwardClubEvents(api, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  });
  // A laptop waking up syncs at once rather than at the next timer tick.
  powerMonitor.on('resume', () => void api.invoke('syncNow', []));
  // The quit waits for the core host: a sync round under way, the backup on close, the
  // database closed after their last write.
  let finished = false;
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void api.stop().finally(() => {
      finished = true;
      app.quit();
    });
  });

  const assets = await AppAssets.load(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response(say('shell.notFound'), { status: 404 });
    const asset = await assets.respond(url.pathname);
    const body = typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body);
    return new Response(body, {
      status: asset.status,
      headers: { ...COMMON_HEADERS, ...asset.headers },
    });
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        language: commandLineLanguage([], { LANG: app.getLocale() }),
        isMac: process.platform === 'darwin',
        devTools,
        openExternal: (url) => void shell.openExternal(url),
        showAbout: () =>
          void dialog.showMessageBox({
            title: say('shell.menu.about'),
            message: `Tutti ${app.getVersion()}`,
            detail: say('shell.about.detail'),
          }),
      }) as Electron.MenuItemConstructorOptions[],
    ),
  );
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, (url) => void shell.openExternal(url), log),
  );
  createWindow();
  startUpdateChecks(log);
}

function createWindow(): void {
  const { bounds, maximized } = restoreWindowState(
    windowStateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(
    mainWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), bounds, devTools }),
  );
  mainWindow = window;
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    saveWindowState(windowStateFile, { x, y, width, height, maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_START_URL);
}

/** The app speaks German first; the UI's language setting is not known before it starts. */
const DIALOG_LANGUAGE = 'de';

function fail(error: unknown): void {
  const message = translate(
    error instanceof AppError ? error.text : msg('errors.app.unexpected'),
    DIALOG_LANGUAGE,
  );
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  dialog.showErrorBox(translate(msg('errors.app.cannotStart'), DIALOG_LANGUAGE), message);
  void (core?.stop() ?? Promise.resolve()).finally(() => app.exit(1));
}
