/**
 * The invitation link by e-mail, through the mail server set up for backups (`tutti-server
 * backup mail-server`): unauthenticated SMTP to a relay or local MTA, STARTTLS when offered, as
 * backupMail.ts sends. German, like the backup mails: the server knows no club's language. A
 * failed mail is said and the link printed anyway — the operator can pass it on by hand.
 */
import nodemailer from 'nodemailer';
import { type Message, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import type { BackupConfig } from '../app/dataDirectory.ts';
import { AppError } from '../errors.ts';
import type { IssuedInvitation } from './invitations.ts';

export type MailServer = Pick<
  NonNullable<BackupConfig['mail']>,
  'host' | 'port' | 'secure' | 'from'
>;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function checkEmail(address: string): string {
  const clean = address.trim();
  if (!EMAIL.test(clean) || clean.length > 254)
    throw new AppError('bad_arguments', 'server.cli.user.invalidEmail', { address });
  return clean;
}

/** Sends the link; resolves to the line that says what happened (never throws). */
export async function mailInvitation(
  server: MailServer | undefined,
  to: string,
  invitation: IssuedInvitation,
  link: string,
  until: string,
): Promise<Message> {
  if (!server) return msg('server.cli.user.noMailServer');
  const params = { club: invitation.clubName, name: invitation.userName, link, until };
  const say = (key: string) => translate({ key, params }, 'de');
  try {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      requireTLS: false,
    });
    try {
      await transport.sendMail({
        from: server.from,
        to,
        subject: say(invitation.reset ? 'server.invite.subjectReset' : 'server.invite.subject'),
        text: `${say(invitation.reset ? 'server.invite.bodyReset' : 'server.invite.body')}\n`,
      });
    } finally {
      transport.close();
    }
    return msg('server.cli.user.mailed', { address: to });
  } catch (error) {
    return msg('server.cli.user.mailFailed', { address: to, problem: (error as Error).message });
  }
}
