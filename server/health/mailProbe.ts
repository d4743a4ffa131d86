/**
 * Whether the configured mail server answers (a readiness warning, issue #28): the same
 * connection the backup mails open — TCP, greeting, EHLO, STARTTLS where offered — without
 * sending anything, under short deadlines.
 */
import nodemailer from 'nodemailer';

export interface MailServer {
  host: string;
  port: number;
  secure: boolean;
}

export async function mailServerAnswers(server: MailServer, timeoutMs = 10_000): Promise<boolean> {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.verify();
    return true;
  } catch {
    return false;
  } finally {
    transport.close();
  }
}
