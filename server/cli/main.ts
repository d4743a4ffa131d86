/**
 * `tutti-server`: one line per problem on stderr with what to do, exit 1 (2 for a wrong call);
 * what a command creates is printed alone on the last line of stdout.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AdminCommand, executeAdminCommand } from '../app/adminCommands.ts';
import { askAdminSocket } from '../app/adminSocket.ts';
import { startClubServer } from '../app/clubServer.ts';
import { DataDirectory, DEFAULT_HOSTNAMES } from '../app/dataDirectory.ts';
import { acquireDataLock } from '../app/dataLock.ts';
import { keepServingDespiteUncaughtErrors } from '../app/lastResort.ts';
import { createServices } from '../app/services.ts';
import { createBackupServices } from '../backup/backupServices.ts';
import { ServiceError } from '../errors.ts';
import { createLogger } from '../log/logger.ts';
import { migrateServer } from '../storage/migrateServer.ts';
import { openServerDatabase } from '../storage/openServerDatabase.ts';
import { setUpBackupMail, setUpBackups } from './backupSetup.ts';
import { readSecret, serverPassphrase } from './secrets.ts';
import { USAGE } from './usage.ts';

const OPTIONS = {
  data: { type: 'string' },
  hostname: { type: 'string', multiple: true },
  'passphrase-file': { type: 'string' },
  'database-url': { type: 'string' },
  'web-port': { type: 'string' },
  'device-port': { type: 'string' },
  host: { type: 'string' },
  club: { type: 'string' },
  user: { type: 'string' },
  support: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  register: { type: 'string', multiple: true },
  grant: { type: 'string', multiple: true },
  label: { type: 'string' },
  member: { type: 'string' },
  'no-member': { type: 'boolean' },
  hours: { type: 'string' },
  since: { type: 'string' },
  device: { type: 'string' },
  'password-file': { type: 'string' },
  'current-password-file': { type: 'string' },
  target: { type: 'string', multiple: true },
  recipient: { type: 'string', multiple: true },
  to: { type: 'string', multiple: true },
  file: { type: 'string' },
  off: { type: 'boolean' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  from: { type: 'string' },
  tls: { type: 'boolean' },
  'max-mb': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

class UsageError extends Error {}

function need(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`Es fehlt ${option}. Hilfe: tutti-server --help`);
  return value;
}

function port(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${option} erwartet eine Portnummer (0–65535).`);
  return n;
}

async function buildCommand(words: string[], v: Values): Promise<AdminCommand> {
  const [first, second, third] = words;
  const key = second && first !== 'enroll-code' && first !== 'audit' ? `${first} ${second}` : first;
  switch (key) {
    case 'club create':
      return { command: 'club.create', name: need(third ?? v.name, 'der Vereinsname') };
    case 'club list':
      return { command: 'club.list' };
    case 'club admin-password': {
      const clubId = need(v.club, '--club ID');
      const current = v['current-password-file']
        ? await readSecret(
            v['current-password-file'],
            'Bisheriges Administrator-Passwort',
            '--current-password-file',
          )
        : undefined;
      const password = await readSecret(
        v['password-file'],
        'Neues Administrator-Passwort',
        '--password-file',
        {
          confirm: true,
        },
      );
      return {
        command: 'club.admin-password',
        clubId,
        password,
        ...(current !== undefined ? { currentPassword: current } : {}),
      };
    }
    case 'user add':
      return {
        command: 'user.add',
        clubId: need(v.club, '--club ID'),
        name: need(v.name, '--name NAME'),
        role: need(v.role, '--role ROLLE'),
        registerIds: v.register ?? [],
        ...(v.member ? { memberId: v.member } : {}),
      };
    case 'user list':
      return { command: 'user.list', clubId: need(v.club, '--club ID') };
    case 'user update': {
      if (
        v.role === undefined &&
        v.register === undefined &&
        v.member === undefined &&
        !v['no-member']
      )
        throw new ServiceError(
          'bad_request',
          'Bitte angeben, was sich ändert: --role ROLLE, --register ID … oder --member ID / --no-member.',
        );
      return {
        command: 'user.update',
        clubId: need(v.club, '--club ID'),
        userId: need(v.user, '--user ID'),
        ...(v.role !== undefined ? { role: v.role } : {}),
        ...(v.register !== undefined ? { registerIds: v.register } : {}),
        ...(v.member !== undefined
          ? { memberId: v.member }
          : v['no-member']
            ? { memberId: null }
            : {}),
      };
    }
    case 'role add':
      return {
        command: 'role.add',
        clubId: need(v.club, '--club ID'),
        name: need(third ?? v.name, '--name NAME'),
        label: v.label ?? '',
        grants: v.grant ?? [],
      };
    case 'role update':
      return {
        command: 'role.update',
        clubId: need(v.club, '--club ID'),
        name: need(third ?? v.name, '--name NAME'),
        label: v.label ?? '',
        grants: v.grant ?? [],
      };
    case 'role list':
      return { command: 'role.list', clubId: need(v.club, '--club ID') };
    case 'enroll-code':
      if (v.support) return { command: 'enroll-code.support', staffId: v.support };
      return {
        command: 'enroll-code',
        clubId: need(v.club, '--club ID'),
        userId: need(v.user, '--user ID'),
      };
    case 'device list':
      return { command: 'device.list', ...(v.club ? { clubId: v.club } : {}) };
    case 'device revoke':
      return { command: 'device.revoke', deviceId: need(third ?? v.device, 'die Geräte-ID') };
    case 'support staff-add':
      return { command: 'support.staff-add', name: need(third ?? v.name, '--name NAME') };
    case 'support staff-list':
      return { command: 'support.staff-list' };
    case 'support grant': {
      const clubId = need(v.club, '--club ID');
      const hours = Number(need(v.hours, '--hours N'));
      const password = await readSecret(
        v['password-file'],
        'Administrator-Passwort des Vereins',
        '--password-file',
      );
      return { command: 'support.grant', clubId, hours, password };
    }
    case 'support revoke':
      // Revoking needs no password (see SupportAccess.revoke); one given is not read.
      if (v['password-file'])
        process.stderr.write('Hinweis: Zum Widerrufen wird kein Passwort gebraucht.\n');
      return { command: 'support.revoke', clubId: need(v.club, '--club ID') };
    case 'backup run':
      return { command: 'backup.run', ...(v.club ? { clubId: v.club } : {}) };
    case 'backup list':
      return { command: 'backup.list', clubId: need(v.club, '--club ID') };
    case 'backup verify':
    case 'backup restore':
      return {
        command: key === 'backup verify' ? 'backup.verify' : 'backup.restore',
        clubId: need(v.club, '--club ID'),
        ...(v.file ? { file: resolve(v.file) } : {}),
        passphrase: await serverPassphrase(v['passphrase-file']),
      };
    case 'backup mail':
      if (v.off) return { command: 'backup.mail-off', clubId: need(v.club, '--club ID') };
      return {
        command: 'backup.mail',
        clubId: need(v.club, '--club ID'),
        addresses: v.to ?? [],
        recipients: v.recipient ?? [],
      };
    case 'audit':
      return {
        command: 'audit',
        clubId: need(v.club, '--club ID'),
        ...(v.since ? { since: v.since } : {}),
      };
    default:
      throw new UsageError(`Unbekannter Befehl „${words.join(' ')}“. Hilfe: tutti-server --help`);
  }
}

/** Runs a command in the running server, or — when none runs — directly on the data. */
async function runAdminCommand(
  dir: DataDirectory,
  command: AdminCommand,
  databaseUrl?: string,
): Promise<string[]> {
  dir.config(); // a clear message when DIR is not a server directory
  const answer = await askAdminSocket(dir.socketPath, command);
  if (answer) {
    if (!answer.ok)
      throw new ServiceError('bad_request', answer.message ?? 'Der Server hat abgelehnt.');
    return answer.lines;
  }
  if (!databaseUrl && dir.config().database === 'postgres')
    throw new ServiceError(
      'unavailable',
      'Der Server läuft mit PostgreSQL: bitte TUTTI_DATABASE_URL setzen (oder --database-url angeben) oder den Server starten.',
    );
  const lock = acquireDataLock(dir.lockPath, 'command');
  try {
    const db = await openServerDatabase(databaseUrl ?? dir.databaseDir);
    try {
      await migrateServer(db);
      const services = createServices(
        db,
        dir.publicCa(),
        undefined,
        createBackupServices(db, dir, createLogger('warn')),
      );
      // Without a running server there is no listener to update: it builds the list at start.
      return await executeAdminCommand(services, command, { devicesRevoked: async () => {} });
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

async function start(
  dir: DataDirectory,
  v: Values,
  print: (line: string) => void,
): Promise<number> {
  const log = createLogger();
  const stopGuarding = keepServingDespiteUncaughtErrors(log);
  const server = await startClubServer({
    dir,
    passphrase: await serverPassphrase(v['passphrase-file']),
    databaseUrl: v['database-url'] ?? process.env.TUTTI_DATABASE_URL,
    host: v.host ?? '0.0.0.0',
    webPort: port(v['web-port'], '--web-port'),
    devicePort: port(v['device-port'], '--device-port'),
    log,
  }).catch((error: unknown) => {
    stopGuarding();
    throw error;
  });
  // The handlers first: whoever reads the addresses may send SIGTERM at once, and a signal
  // arriving before a listener exists ends the process unclean (found as a flaky test under load).
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  for (const line of server.addresses()) print(line);
  await stopped;
  await server.close();
  stopGuarding();
  return 0;
}

export async function main(
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  printError: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  try {
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      const option = /'([^']+)'/.exec(String((error as Error).message))?.[1];
      throw new UsageError(
        `Unbekannte oder unvollständige Option ${option ?? ''}. Hilfe: tutti-server --help`,
      );
    }
    const { values: v, positionals: words } = parsed;
    if (v.help || words.length === 0) {
      print(USAGE);
      return words.length === 0 && !v.help ? 2 : 0;
    }
    const dir = new DataDirectory(need(v.data, '--data VERZEICHNIS'));
    if (words[0] === 'init') {
      const hostnames = v.hostname?.length ? v.hostname : DEFAULT_HOSTNAMES;
      const { fingerprint } = await dir.init(
        hostnames,
        await serverPassphrase(v['passphrase-file'], true),
      );
      const db = await openServerDatabase(dir.databaseDir);
      await migrateServer(db);
      await db.close();
      print(`Server-Verzeichnis ${dir.root} angelegt für ${hostnames.join(', ')}.`);
      print(`Fingerabdruck der CA (SHA-256): ${fingerprint}`);
      return 0;
    }
    if (words[0] === 'start') return await start(dir, v, print);
    if (words[0] === 'backup' && (words[1] === 'setup' || words[1] === 'mail-server')) {
      for (const line of words[1] === 'setup'
        ? await setUpBackups(dir, v.target ?? [], v.recipient ?? [], () =>
            serverPassphrase(v['passphrase-file']),
          )
        : setUpBackupMail(dir, {
            host: need(v['smtp-host'], '--smtp-host HOST'),
            port: v['smtp-port'],
            from: need(v.from, '--from ADRESSE'),
            tls: v.tls === true,
            maxMegabytes: v['max-mb'],
          }))
        print(line);
      return 0;
    }
    const command = await buildCommand(words, v);
    for (const line of await runAdminCommand(
      dir,
      command,
      v['database-url'] ?? process.env.TUTTI_DATABASE_URL,
    ))
      print(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message);
      return 2;
    }
    if (error instanceof ServiceError) {
      printError(error.message);
      return 1;
    }
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    if (code === 'EADDRINUSE') {
      printError(
        `Port ${port} ist schon belegt. Bitte mit --web-port bzw. --device-port einen freien wählen.`,
      );
      return 1;
    }
    if (code === 'EACCES' && port !== undefined) {
      printError(
        `Port ${port} darf dieser Benutzer nicht öffnen (unter 1024 nur mit Rechten). Bitte einen Port ab 1024 wählen.`,
      );
      return 1;
    }
    printError(`Unerwarteter Fehler: ${(error as Error).message}`);
    return 1;
  }
}
