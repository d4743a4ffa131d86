/**
 * `tutti-server`: one line per problem on stderr with what to do, exit 1 (2 for a wrong call);
 * what a command creates is printed alone on the last line of stdout. It speaks German, or
 * English with `--lang en` (anywhere on the line) or an English `LC_ALL`/`LC_MESSAGES`/`LANG`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { commandLineLanguage, type Language } from '../../shared/messages/language.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { checkEmail } from '../accounts/inviteMail.ts';
import { type AdminCommand, executeAdminCommand } from '../app/adminCommands.ts';
import { type AdminLine, linesText } from '../app/adminOutput.ts';
import { askAdminSocket, refusalOf } from '../app/adminSocket.ts';
import { startClubServer } from '../app/clubServer.ts';
import {
  DataDirectory,
  DEFAULT_HOSTNAMES,
  parsePublicWebUrl,
  publicWebUrlOf,
} from '../app/dataDirectory.ts';
import { acquireDataLock } from '../app/dataLock.ts';
import { keepServingDespiteUncaughtErrors } from '../app/lastResort.ts';
import { createServices } from '../app/services.ts';
import { createBackupServices } from '../backup/backupServices.ts';
import { AppError, describeError } from '../errors.ts';
import { createLogger } from '../log/logger.ts';
import { DEFAULT_METRICS_HOST, DEFAULT_METRICS_PORT } from '../metrics/metricsListener.ts';
import { readTokenFile, SecretFileError } from '../monitoring/secretFile.ts';
import { startSmsRelay } from '../monitoring/smsRelay.ts';
import { loadSmsRelayConfig } from '../monitoring/smsRelayConfig.ts';
import { migrateServer } from '../storage/migrateServer.ts';
import { openServerDatabase } from '../storage/openServerDatabase.ts';
import { setUpBackupMail, setUpBackups } from './backupSetup.ts';
import { newMonitorKey, renewMonitorCertificate, writeMonitorFiles } from './monitorCertificate.ts';
import { readSecret, serverPassphrase } from './secrets.ts';
import { usage } from './usage.ts';

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
  email: { type: 'string' },
  'public-web-url': { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string' },
  'metrics-token-file': { type: 'string' },
  out: { type: 'string' },
  'cert-dir': { type: 'string' },
  server: { type: 'string' },
  'days-left': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/**
 * What a call lacks: an option with the placeholder of its value (`--club ID`, `--role ROLLE`),
 * or — for a positional value — its name (`server.cli.what.*`).
 */
type Missing = `--${string}` | 'clubName' | 'deviceId';

const PLACEHOLDERS: Partial<Record<string, string>> = {
  '--club': 'id',
  '--user': 'id',
  '--name': 'name',
  '--role': 'role',
  '--hours': 'number',
  '--data': 'dir',
  '--smtp-host': 'host',
  '--from': 'address',
  '--out': 'dir',
  '--cert-dir': 'dir',
  '--config': 'file',
  '--server': 'hostPort',
};

function missingText(what: Missing): Message {
  if (!what.startsWith('--')) return msg(`server.cli.what.${what}`);
  const placeholder = PLACEHOLDERS[what];
  return placeholder
    ? msg('server.cli.what.option', {
        option: what,
        value: msg(`server.cli.placeholder.${placeholder}`),
      })
    : msg('server.cli.what.option', { option: what, value: '' });
}

/** A wrong call: exit 2. */
function wrongCall(key: string, params: Message['params'] = {}): AppError {
  return new AppError('bad_arguments', key, params);
}

function need(value: string | undefined, what: Missing): string {
  if (!value) throw wrongCall('server.cli.missing', { what: missingText(what) });
  return value;
}

/** `--days-left N`: renew once fewer than N days remain (default 30, at most 89). */
function daysLeft(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 89) throw wrongCall('server.cli.monitor.daysLeft');
  return n;
}

/** The metrics listener's bearer token, from a file (as the SMS relay reads its own). */
function metricsToken(path: string): string {
  try {
    return readTokenFile(path).reveal();
  } catch (error) {
    if (error instanceof SecretFileError)
      throw new AppError('bad_arguments', error.key, error.params);
    throw error;
  }
}

function port(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw wrongCall('server.cli.portRange', { option, min: 0 });
  return n;
}

/** Takes `--lang en`/`--lang=en` out of the arguments, wherever it stands. */
export function withoutLanguage(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--lang') i += 1;
    else if (!argv[i]!.startsWith('--lang=')) rest.push(argv[i]!);
  }
  return rest;
}

async function buildCommand(
  words: string[],
  v: Values,
  language: Language,
  dir: DataDirectory,
): Promise<AdminCommand> {
  const [first, second, third] = words;
  const key = second && first !== 'enroll-code' && first !== 'audit' ? `${first} ${second}` : first;
  switch (key) {
    case 'club create':
      return { command: 'club.create', name: need(third ?? v.name, 'clubName') };
    case 'club list':
      return { command: 'club.list' };
    case 'club admin-password': {
      const clubId = need(v.club, '--club');
      const current = v['current-password-file']
        ? await readSecret(
            v['current-password-file'],
            'currentAdminPassword',
            '--current-password-file',
            { language },
          )
        : undefined;
      const password = await readSecret(v['password-file'], 'newAdminPassword', '--password-file', {
        confirm: true,
        language,
      });
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
        clubId: need(v.club, '--club'),
        name: need(v.name, '--name'),
        role: need(v.role, '--role'),
        registerIds: v.register ?? [],
        ...(v.member ? { memberId: v.member } : {}),
      };
    case 'user list':
      return { command: 'user.list', clubId: need(v.club, '--club') };
    case 'user invite':
    case 'user reset-login': {
      const clubId = need(v.club, '--club');
      const userId = need(v.user, '--user');
      const email = v.email === undefined ? undefined : checkEmail(v.email);
      // Link and mail server from the configuration: the same whether the server runs or not.
      const config = dir.config();
      const mail = email ? config.backup?.mail : undefined;
      return {
        command: key === 'user invite' ? 'user.invite' : 'user.reset-login',
        clubId,
        userId,
        linkBase: publicWebUrlOf(config),
        ...(email ? { email } : {}),
        ...(mail
          ? { mail: { host: mail.host, port: mail.port, secure: mail.secure, from: mail.from } }
          : {}),
      };
    }
    case 'user update': {
      if (
        v.role === undefined &&
        v.register === undefined &&
        v.member === undefined &&
        !v['no-member']
      )
        throw new AppError('bad_request', 'server.cli.user.nothingToChange');
      return {
        command: 'user.update',
        clubId: need(v.club, '--club'),
        userId: need(v.user, '--user'),
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
        clubId: need(v.club, '--club'),
        name: need(third ?? v.name, '--name'),
        label: v.label ?? '',
        grants: v.grant ?? [],
      };
    case 'role update':
      return {
        command: 'role.update',
        clubId: need(v.club, '--club'),
        name: need(third ?? v.name, '--name'),
        label: v.label ?? '',
        grants: v.grant ?? [],
      };
    case 'role list':
      return { command: 'role.list', clubId: need(v.club, '--club') };
    case 'enroll-code':
      if (v.support) return { command: 'enroll-code.support', staffId: v.support };
      return {
        command: 'enroll-code',
        clubId: need(v.club, '--club'),
        userId: need(v.user, '--user'),
      };
    case 'device list':
      return { command: 'device.list', ...(v.club ? { clubId: v.club } : {}) };
    case 'device revoke':
      return { command: 'device.revoke', deviceId: need(third ?? v.device, 'deviceId') };
    case 'support staff-add':
      return { command: 'support.staff-add', name: need(third ?? v.name, '--name') };
    case 'support staff-list':
      return { command: 'support.staff-list' };
    case 'support grant': {
      const clubId = need(v.club, '--club');
      const hours = Number(need(v.hours, '--hours'));
      const password = await readSecret(v['password-file'], 'adminPassword', '--password-file', {
        language,
      });
      return { command: 'support.grant', clubId, hours, password };
    }
    case 'support revoke':
      // Revoking needs no password (see SupportAccess.revoke); one given is not read.
      if (v['password-file'])
        process.stderr.write(
          `${translate({ key: 'server.cli.support.revokeNeedsNoPassword' }, language)}\n`,
        );
      return { command: 'support.revoke', clubId: need(v.club, '--club') };
    case 'backup run':
      return { command: 'backup.run', ...(v.club ? { clubId: v.club } : {}) };
    case 'backup list':
      return { command: 'backup.list', clubId: need(v.club, '--club') };
    case 'backup verify':
    case 'backup restore':
      return {
        command: key === 'backup verify' ? 'backup.verify' : 'backup.restore',
        clubId: need(v.club, '--club'),
        ...(v.file ? { file: resolve(v.file) } : {}),
        passphrase: await serverPassphrase(v['passphrase-file'], false, language),
      };
    case 'backup mail':
      if (v.off) return { command: 'backup.mail-off', clubId: need(v.club, '--club') };
      return {
        command: 'backup.mail',
        clubId: need(v.club, '--club'),
        addresses: v.to ?? [],
        recipients: v.recipient ?? [],
      };
    case 'monitor list':
      return { command: 'monitor.list' };
    case 'monitor revoke':
      return { command: 'monitor.revoke', name: need(third ?? v.name, '--name') };
    case 'audit':
      return {
        command: 'audit',
        clubId: need(v.club, '--club'),
        ...(v.since ? { since: v.since } : {}),
      };
    default:
      throw wrongCall('server.cli.unknownCommand', { command: words.join(' ') });
  }
}

/** Runs a command in the running server, or — when none runs — directly on the data. */
async function runAdminCommand(
  dir: DataDirectory,
  command: AdminCommand,
  databaseUrl?: string,
): Promise<AdminLine[]> {
  dir.config(); // a clear message when DIR is not a server directory
  const answer = await askAdminSocket(dir.socketPath, command);
  if (answer) {
    if (!answer.ok) throw refusalOf(answer);
    // A server of before the shared texts answers German lines only.
    return answer.output ?? answer.lines;
  }
  if (!databaseUrl && dir.config().database === 'postgres')
    throw new AppError('unavailable', 'server.cli.postgresNeedsUrl');
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
  language: Language,
): Promise<number> {
  const log = createLogger();
  const stopGuarding = keepServingDespiteUncaughtErrors(log);
  const server = await startClubServer({
    dir,
    passphrase: await serverPassphrase(v['passphrase-file'], false, language),
    databaseUrl: v['database-url'] ?? process.env.TUTTI_DATABASE_URL,
    host: v.host ?? '0.0.0.0',
    webPort: port(v['web-port'], '--web-port'),
    devicePort: port(v['device-port'], '--device-port'),
    metrics: {
      host: v['metrics-host'] ?? DEFAULT_METRICS_HOST,
      port: port(v['metrics-port'], '--metrics-port') ?? DEFAULT_METRICS_PORT,
      ...(v['metrics-token-file'] ? { token: metricsToken(v['metrics-token-file']) } : {}),
    },
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

/** `sms-relay --config F`: Alertmanager's webhook → the SMS gateway, until SIGTERM. */
async function runSmsRelay(configPath: string, print: (line: string) => void): Promise<number> {
  const config = loadSmsRelayConfig(configPath);
  const relay = await startSmsRelay(config, createLogger());
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  print(`sms-relay: http://${config.listen.host}:${relay.port}/alerts`);
  await stopped;
  await relay.close();
  return 0;
}

export async function main(
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  printError: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const language = commandLineLanguage(argv, env);
  const say = (message: Message) => translate(message, language);
  try {
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({
        args: withoutLanguage(argv),
        options: OPTIONS,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      const option = /'([^']+)'/.exec(String((error as Error).message))?.[1];
      throw wrongCall('server.cli.unknownOption', { option: option ?? '' });
    }
    const { values: v, positionals: words } = parsed;
    if (v.help || words.length === 0) {
      print(usage(language));
      return words.length === 0 && !v.help ? 2 : 0;
    }
    // Commands that run without a data directory: on a monitoring host, or as a relay.
    if (words[0] === 'monitor' && words[1] === 'renew') {
      const result = await renewMonitorCertificate({
        certDir: need(v['cert-dir'], '--cert-dir'),
        server: need(v.server, '--server'),
        daysLeft: daysLeft(v['days-left']),
      });
      const until = formatGermanDate(result.notAfter.toISOString().slice(0, 10));
      print(
        say(
          msg(result.renewed ? 'server.cli.monitor.renewed' : 'server.cli.monitor.notDue', {
            until,
          }),
        ),
      );
      return 0;
    }
    if (words[0] === 'sms-relay') return await runSmsRelay(need(v.config, '--config'), print);
    const dir = new DataDirectory(need(v.data, '--data'));
    // Checked before anything is created or started: a wrong URL is a wrong call.
    const publicWebUrl =
      v['public-web-url'] === undefined ? undefined : parsePublicWebUrl(v['public-web-url']);
    if (words[0] === 'init') {
      const hostnames = v.hostname?.length ? v.hostname : DEFAULT_HOSTNAMES;
      const { fingerprint } = await dir.init(
        hostnames,
        await serverPassphrase(v['passphrase-file'], true, language),
      );
      if (publicWebUrl) dir.setPublicWebUrl(publicWebUrl);
      const db = await openServerDatabase(dir.databaseDir);
      await migrateServer(db);
      await db.close();
      print(
        say(msg('server.cli.init.created', { dir: dir.root, hostnames: hostnames.join(', ') })),
      );
      print(say(msg('server.cli.init.fingerprint', { fingerprint })));
      return 0;
    }
    if (words[0] === 'start') {
      // Given at start, it overrides the stored one and is kept for the commands' links.
      if (publicWebUrl) dir.setPublicWebUrl(publicWebUrl);
      return await start(dir, v, print, language);
    }
    if (words[0] === 'backup' && (words[1] === 'setup' || words[1] === 'mail-server')) {
      for (const line of words[1] === 'setup'
        ? await setUpBackups(dir, v.target ?? [], v.recipient ?? [], () =>
            serverPassphrase(v['passphrase-file'], false, language),
          )
        : setUpBackupMail(dir, {
            host: need(v['smtp-host'], '--smtp-host'),
            port: v['smtp-port'],
            from: need(v.from, '--from'),
            tls: v.tls === true,
            maxMegabytes: v['max-mb'],
          }))
        print(say(line));
      return 0;
    }
    if (words[0] === 'monitor' && words[1] === 'issue') {
      const name = need(words[2] ?? v.name, '--name');
      const out = resolve(need(v.out, '--out'));
      const key = await newMonitorKey(name);
      const lines = await runAdminCommand(
        dir,
        { command: 'monitor.issue', name, csr: key.csrPem },
        v['database-url'] ?? env.TUTTI_DATABASE_URL,
      );
      const certificatePem = `${String(lines.at(-1))}\n`;
      writeMonitorFiles(out, {
        privateKeyPem: key.privateKeyPem,
        certificatePem,
        caCertificatePem: dir.caCertificatePem(),
      });
      for (const line of linesText(lines.slice(0, -1), language)) print(line);
      print(out);
      return 0;
    }
    const command = await buildCommand(words, v, language, dir);
    const lines = await runAdminCommand(dir, command, v['database-url'] ?? env.TUTTI_DATABASE_URL);
    for (const line of linesText(lines, language)) print(line);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      printError(describeError(error, language));
      return error.code === 'bad_arguments' ? 2 : 1;
    }
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    if (code === 'EADDRINUSE') {
      printError(say(msg('server.cli.portInUse', { port: String(port) })));
      return 1;
    }
    if (code === 'EACCES' && port !== undefined) {
      printError(say(msg('server.cli.portNotAllowed', { port: String(port) })));
      return 1;
    }
    printError(say(msg('server.cli.unexpected', { detail: (error as Error).message })));
    return 1;
  }
}
