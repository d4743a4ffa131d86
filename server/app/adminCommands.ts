/**
 * The administrative commands, as data: the command line builds one (secrets already read from
 * the terminal or a file), and it is executed either in the running server (through the admin
 * socket) or directly on the data. Both paths run `executeAdminCommand`, so they cannot drift.
 * The answer is lines of messages and plain values (adminOutput.ts), said in the caller's
 * language; a command that creates something ends with the new id or code alone on the last line.
 */
import { z } from 'zod';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { msg } from '../../shared/messages/message.ts';
import type { Grant } from '../../shared/rights/grants.ts';
import { formatGrant, parseGrantText } from '../../shared/rights/grantText.ts';
import { checkEmail, mailInvitation } from '../accounts/inviteMail.ts';
import { readAudit } from '../audit/auditLog.ts';
import { AppError, describeError, messageOf, requireUuid } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { type AdminLine, linesText } from './adminOutput.ts';
import { type AdminAnswer, refusalAnswer } from './adminSocket.ts';
import { BACKUP_COMMAND_SCHEMAS, executeBackupCommand } from './backupCommands.ts';
import { executeMonitorCommand, MONITOR_COMMAND_SCHEMAS } from './monitorCommands.ts';
import type { Services } from './services.ts';

const id = z.string().max(64);
const secret = z.string().max(1024);

export const adminCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('club.create'), name: z.string().max(200) }),
  z.object({ command: z.literal('club.list') }),
  z.object({
    command: z.literal('club.admin-password'),
    clubId: id,
    password: secret,
    currentPassword: secret.optional(),
  }),
  z.object({
    command: z.literal('user.add'),
    clubId: id,
    name: z.string().max(200),
    role: z.string().max(64),
    registerIds: z.array(id).max(50),
    memberId: id.optional(),
  }),
  z.object({ command: z.literal('user.list'), clubId: id }),
  ...(['user.invite', 'user.reset-login'] as const).map((command) =>
    z.object({
      command: z.literal(command),
      clubId: id,
      userId: id,
      /** Where the web application is reached (the command line reads it from the config). */
      linkBase: z.string().max(300),
      email: z.string().max(254).optional(),
      /** The mail server of `backup mail-server`, when one is set up and `--email` given. */
      mail: z
        .object({ host: z.string(), port: z.number().int(), secure: z.boolean(), from: z.string() })
        .optional(),
    }),
  ),
  z.object({
    command: z.literal('user.update'),
    clubId: id,
    userId: id,
    role: z.string().max(64).optional(),
    registerIds: z.array(id).max(50).optional(),
    memberId: id.nullable().optional(),
  }),
  z.object({
    command: z.literal('role.add'),
    clubId: id,
    name: z.string().max(64),
    label: z.string().max(200),
    grants: z.array(z.string().max(200)).max(100),
  }),
  z.object({
    command: z.literal('role.update'),
    clubId: id,
    name: z.string().max(64),
    label: z.string().max(200),
    grants: z.array(z.string().max(200)).max(100),
  }),
  z.object({ command: z.literal('role.list'), clubId: id }),
  z.object({ command: z.literal('enroll-code'), clubId: id, userId: id }),
  z.object({ command: z.literal('enroll-code.support'), staffId: id }),
  z.object({ command: z.literal('device.list'), clubId: id.optional() }),
  z.object({ command: z.literal('device.revoke'), deviceId: id }),
  z.object({ command: z.literal('support.staff-add'), name: z.string().max(200) }),
  z.object({ command: z.literal('support.staff-list') }),
  z.object({
    command: z.literal('support.grant'),
    clubId: id,
    hours: z.number(),
    password: secret,
  }),
  z.object({ command: z.literal('support.revoke'), clubId: id }),
  z.object({ command: z.literal('audit'), clubId: id, since: z.string().optional() }),
  ...BACKUP_COMMAND_SCHEMAS,
  ...MONITOR_COMMAND_SCHEMAS,
]);
export type AdminCommand = z.output<typeof adminCommandSchema>;

/** What only the running server can do after a command (install a new revocation list). */
export interface AdminHooks {
  devicesRevoked(): Promise<void>;
}

const dateTime = (date: Date) =>
  `${formatGermanDate(date.toISOString().slice(0, 10))} ${date.toISOString().slice(11, 19)} UTC`;

export async function executeAdminCommand(
  services: Services,
  command: AdminCommand,
  hooks: AdminHooks,
): Promise<AdminLine[]> {
  switch (command.command) {
    case 'club.create': {
      const club = await services.clubs.createClub(command.name);
      return [msg('server.cli.club.created', { name: club.name, clubId: club.id }), club.id];
    }
    case 'club.list':
      return (await services.clubs.listClubs()).map((c) => `${c.id}\t${c.name}`);
    case 'club.admin-password': {
      const club = await services.clubs.requireClub(command.clubId);
      await services.passwords.set(club.id, command.password, command.currentPassword);
      return [msg('server.cli.club.passwordSet', { name: club.name })];
    }
    case 'user.add': {
      const user = await services.clubs.addUser(command.clubId, {
        name: command.name,
        role: command.role,
        registerIds: command.registerIds,
        memberId: command.memberId ?? null,
      });
      return [msg('server.cli.user.added', { name: user.name, role: user.role }), user.id];
    }
    case 'user.update': {
      const user = await services.clubs.updateUser(command.clubId, command.userId, {
        ...(command.role !== undefined ? { role: command.role } : {}),
        ...(command.registerIds !== undefined ? { registerIds: command.registerIds } : {}),
        ...(command.memberId !== undefined ? { memberId: command.memberId } : {}),
      });
      await services.sessions.endForClubUser(command.clubId, command.userId);
      return [
        msg('server.cli.user.updated', {
          name: user.name,
          role: user.role,
          registers: user.registerIds.join(', ') || '–',
        }),
        user.id,
      ];
    }
    case 'user.invite':
    case 'user.reset-login': {
      const email = command.email === undefined ? undefined : checkEmail(command.email);
      const club = await services.clubs.requireClub(command.clubId);
      const userId = requireUuid(command.userId, 'user');
      const issued =
        command.command === 'user.invite'
          ? await services.invitations.invite(club.id, userId)
          : await services.invitations.resetLogin(club.id, userId);
      const until = dateTime(issued.expiresAt);
      const link = `${command.linkBase}/?invite=${issued.token}`;
      const lines: AdminLine[] = [
        msg(issued.reset ? 'server.cli.user.resetDone' : 'server.cli.user.invited', {
          name: issued.userName,
          until,
        }),
      ];
      if (email) lines.push(await mailInvitation(command.mail, email, issued, link, until));
      // The link alone on the last line, for scripts.
      lines.push(link);
      return lines;
    }
    case 'user.list':
      return (await services.clubs.listUsers(command.clubId)).map(
        (u) => `${u.id}\t${u.name}\t${u.role}\t${u.registerIds.join(',')}\t${u.memberId ?? ''}`,
      );
    case 'role.add':
    case 'role.update': {
      const club = await services.clubs.requireClub(command.clubId);
      const grants: Grant[] = [];
      for (const text of command.grants) {
        const parsed = parseGrantText(text);
        if (!parsed.ok) {
          const text = messageOf(parsed.message);
          throw new AppError('validation', text.key, text.params);
        }
        grants.push(...parsed.grants);
      }
      if (command.command === 'role.update') {
        const role = await services.roles.update(club.id, command.name, command.label, grants);
        return [
          msg('server.cli.role.updated', { label: role.label, count: grants.length }),
          role.name,
        ];
      }
      const role = await services.roles.add(club.id, command.name, command.label, grants);
      return [msg('server.cli.role.added', { label: role.label, count: grants.length }), role.name];
    }
    case 'role.list': {
      const club = await services.clubs.requireClub(command.clubId);
      return (await services.roles.list(club.id)).map(
        (r) => `${r.name}\t${r.label}\t${r.grants.map(formatGrant).join(' ')}`,
      );
    }
    case 'enroll-code': {
      const club = await services.clubs.requireClub(command.clubId);
      const userId = requireUuid(command.userId, 'user');
      const { code, expiresAt } = await services.devices.createCode(club.id, userId);
      return [msg('server.cli.enrolmentCode.device', { until: dateTime(expiresAt) }), code];
    }
    case 'enroll-code.support': {
      const { code, expiresAt } = await services.devices.createSupportCode(
        requireUuid(command.staffId, 'staff'),
      );
      return [msg('server.cli.enrolmentCode.support', { until: dateTime(expiresAt) }), code];
    }
    case 'device.list': {
      const clubId = command.clubId
        ? (await services.clubs.requireClub(command.clubId)).id
        : undefined;
      return (await services.devices.list(clubId)).map((d) => [
        d.id,
        d.name ?? msg('server.cli.device.noName'),
        d.clubId ?? '-',
        d.owner,
        msg('server.cli.device.validUntil', { date: dateTime(d.notAfter) }),
        d.revokedAt
          ? msg('server.cli.device.revokedSince', { date: dateTime(d.revokedAt) })
          : msg('server.cli.device.active'),
      ]);
    }
    case 'device.revoke': {
      const device = await services.devices.revoke(command.deviceId);
      await hooks.devicesRevoked();
      return [msg('server.cli.device.revoked', { deviceId: device.id })];
    }
    case 'support.staff-add': {
      const staff = await services.support.addStaff(command.name);
      return [
        msg('server.cli.support.staffAdded', { name: staff.name, staffId: staff.id }),
        staff.id,
      ];
    }
    case 'support.staff-list':
      return (await services.support.listStaff()).map((s) => `${s.id}\t${s.name}`);
    case 'support.grant': {
      const club = await services.clubs.requireClub(command.clubId);
      const grant = await services.support.grant(club.id, command.hours, command.password);
      return [
        msg('server.cli.support.granted', { name: club.name, until: dateTime(grant.expiresAt) }),
        grant.id,
      ];
    }
    case 'support.revoke': {
      const club = await services.clubs.requireClub(command.clubId);
      const count = await services.support.revoke(club.id);
      return [
        msg(count > 0 ? 'server.cli.support.revoked' : 'server.cli.support.noneToRevoke', {
          name: club.name,
        }),
      ];
    }
    case 'backup.run':
    case 'backup.list':
    case 'backup.verify':
    case 'backup.restore':
    case 'backup.mail':
    case 'backup.mail-off':
      return executeBackupCommand(services, command);
    case 'monitor.issue':
    case 'monitor.list':
    case 'monitor.revoke':
      return executeMonitorCommand(services, command, hooks);
    case 'audit': {
      const club = await services.clubs.requireClub(command.clubId);
      if (command.since && !/^\d{4}-\d{2}-\d{2}$/.test(command.since))
        throw new AppError('validation', 'server.cli.audit.since', { given: command.since });
      const since = command.since ? new Date(`${command.since}T00:00:00Z`) : undefined;
      const rows = await services.db.withClub(club.id, (sql) => readAudit(sql, since));
      return rows.map((r) =>
        [
          dateTime(r.at),
          r.actor,
          r.deviceId ?? '-',
          r.action,
          r.entity ? `${r.entity}/${r.recordId ?? '*'}` : '-',
          r.fields.join(',') || '-',
          r.address ?? '-',
        ].join('\t'),
      );
    }
  }
}

/** The socket's side: validates what arrives and always answers, whatever goes wrong. */
export async function answerAdminRequest(
  services: Services,
  request: unknown,
  hooks: AdminHooks,
  log: Logger,
): Promise<AdminAnswer> {
  const refuse = (error: AppError) => refusalAnswer(error, describeError(error, 'de'));
  const parsed = adminCommandSchema.safeParse(request);
  if (!parsed.success) return refuse(new AppError('bad_request', 'server.admin.unknownCommand'));
  try {
    const output = await executeAdminCommand(services, parsed.data, hooks);
    return { ok: true, lines: linesText(output, 'de'), output };
  } catch (error) {
    if (error instanceof AppError) return refuse(error);
    log.error({ err: error, command: parsed.data.command }, 'admin command failed');
    return refuse(new AppError('internal', 'server.admin.internal'));
  }
}
