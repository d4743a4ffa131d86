// Loaded with `node -r` before the bundled Electron main process (dist/electron/main.cjs): answers
// `require('electron')` with a stand-in that records what the main process does, drives one
// start-up (ready → window → a page request → an IPC call → quit) and prints a JSON report.
// The stand-in's safeStorage encrypts for real (AES-GCM), like the OS store would.
const Module = require('node:module');
const crypto = require('node:crypto');
const { fork } = require('node:child_process');
const { EventEmitter } = require('node:events');
const path = require('node:path');

const report = {
  calls: [],
  ipcChannels: [],
  window: null,
  loadedUrl: null,
  page: null,
  ipc: null,
  errors: [],
};
const listeners = {};
const secret = crypto.randomBytes(32);
let protocolHandler = null;
const ipcHandlers = new Map();
let readyResolve;
let quitted;

function on(target, name) {
  return (event, fn) => {
    const key = `${name}:${event}`;
    listeners[key] = [...(listeners[key] ?? []), fn];
    return target;
  };
}

const app = {
  isPackaged: false,
  getPath: (name) => `${process.env.FAKE_ELECTRON_USERDATA}/${name === 'userData' ? '' : name}`,
  getVersion: () => '0.0.0-test',
  // The system's language, as Electron reports it (FAKE_ELECTRON_LOCALE in a test).
  getLocale: () => process.env.FAKE_ELECTRON_LOCALE ?? 'de-DE',
  requestSingleInstanceLock: () => {
    report.calls.push('requestSingleInstanceLock');
    return true;
  },
  whenReady: () => new Promise((resolve) => (readyResolve = resolve)),
  quit: () => {
    report.calls.push('quit');
    quitted?.();
  },
  exit: (code) => {
    report.calls.push(`exit:${code}`);
    finish(code);
  },
};
app.on = on(app, 'app');

class BrowserWindow {
  constructor(options) {
    report.window = options;
    this.webContents = { on() {}, setWindowOpenHandler() {} };
  }
  maximize() {}
  once() {}
  on() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 };
  }
  async loadURL(url) {
    report.loadedUrl = url;
    setImmediate(drive);
  }
}

// Electron's utility process: here a Node child process with `process.parentPort` (see
// fakeParentPort.cjs) running the same bundled entry (dist/electron/coreHost.cjs).
const utilityProcess = {
  fork(modulePath, args, options) {
    report.calls.push(`utilityProcess.fork:${path.basename(modulePath)}:${options.serviceName}`);
    const child = fork(modulePath, args, {
      execArgv: ['-r', path.join(__dirname, 'fakeParentPort.cjs')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const emitter = new EventEmitter();
    child.on('spawn', () => emitter.emit('spawn'));
    child.on('message', (message) => emitter.emit('message', message));
    child.on('exit', (code) => emitter.emit('exit', code ?? 1));
    emitter.postMessage = (message) => child.connected && child.send(message);
    emitter.kill = () => child.kill();
    Object.defineProperty(emitter, 'pid', { get: () => child.pid });
    return emitter;
  },
};

const fake = {
  utilityProcess,
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, message) => report.errors.push(`${title}: ${message}`),
    showMessageBox: async () => ({ response: 0 }),
    showOpenDialog: async (...args) => {
      const options = args[args.length - 1];
      report.calls.push(`showOpenDialog:${options.properties.join(',')}`);
      return { canceled: false, filePaths: ['/media/usb/Tutti-Sicherung'] };
    },
  },
  ipcMain: {
    handle: (channel, fn) => {
      report.ipcChannels.push(channel);
      ipcHandlers.set(channel, fn);
    },
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  powerMonitor: { on: () => {} },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (m) => (report.menu = m.map((i) => i.label)),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) =>
      report.calls.push(`registerSchemesAsPrivileged:${schemes.map((s) => s.scheme)}`),
    handle: (scheme, handler) => {
      protocolHandler = handler;
      report.calls.push(`protocol.handle:${scheme}`);
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(data) {
      const d = crypto.createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => report.calls.push('permissions:request'),
      setPermissionCheckHandler: () => report.calls.push('permissions:check'),
    },
  },
  shell: { openExternal: async () => {} },
};

async function drive() {
  try {
    const response = await protocolHandler(new Request('app://tutti/index.html'));
    report.page = {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      body: (await response.text()).slice(0, 200),
    };
    const status = await ipcHandlers.get('tutti:api:status')({
      senderFrame: { url: 'app://tutti/index.html', parent: null },
    });
    const foreign = await ipcHandlers.get('tutti:api:status')({
      senderFrame: { url: 'https://evil.example/', parent: null },
    });
    const pickedFolder = await ipcHandlers.get('tutti:api:pickBackupFolder')({
      senderFrame: { url: 'app://tutti/index.html', parent: null },
    });
    // The main process passes the core host's answers on as JSON text; the preload parses it.
    report.ipc = Object.fromEntries(
      Object.entries({ status, foreign, pickedFolder }).map(([k, v]) => [k, JSON.parse(v)]),
    );
  } catch (error) {
    report.errors.push(String(error?.stack));
  }
  // Quitting: the main process holds the quit until the core host has closed the database.
  let prevented = false;
  const event = { preventDefault: () => (prevented = true) };
  const quit = new Promise((resolve) => (quitted = resolve));
  for (const fn of listeners['app:before-quit'] ?? []) fn(event);
  if (prevented) await quit;
  for (const fn of listeners['app:will-quit'] ?? []) fn();
  finish(0);
}

function finish(code) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(code);
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return fake;
  if (request === 'electron-updater') return { autoUpdater: {} };
  return load.call(this, request, parent, isMain);
};

setImmediate(() => readyResolve?.());
