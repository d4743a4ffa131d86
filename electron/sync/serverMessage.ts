/**
 * What the club server said in an error answer, as a message: a server since the shared texts
 * sends a key with parameters; an older one only its German sentence, shown as it is.
 */
import { type Message, messageSchema } from '../../shared/messages/message.ts';

export function serverMessage(body: unknown, status: number): Message {
  const error = (body as { error?: { key?: unknown; params?: unknown; message?: unknown } } | null)
    ?.error;
  const keyed = messageSchema.safeParse({ key: error?.key, params: error?.params ?? undefined });
  if (keyed.success) return keyed.data;
  if (typeof error?.message === 'string' && error.message.trim() !== '')
    return { key: 'core.connection.serverSaid', params: { text: error.message.slice(0, 500) } };
  return { key: 'core.connection.httpStatus', params: { status } };
}
