/**
 * What the club server said in an error answer, as a message: a server since the shared texts
 * sends a key with parameters; an older one only its German sentence, shown as it is.
 */
import { type Message, messageSchema } from '../../shared/messages/message.ts';
import { hasText } from '../../shared/messages/translate.ts';

export function serverMessage(body: unknown, status: number): Message {
  const error = (body as { error?: { key?: unknown; params?: unknown; message?: unknown } } | null)
    ?.error;
  const keyed = messageSchema.safeParse({ key: error?.key, params: error?.params ?? undefined });
  // A key this version has no text for (a newer server) is said by the server's German text.
  if (keyed.success && hasText(keyed.data.key)) return keyed.data;
  if (typeof error?.message === 'string' && error.message.trim() !== '')
    return { key: 'core.connection.serverSaid', params: { text: error.message.slice(0, 500) } };
  return { key: 'core.connection.httpStatus', params: { status } };
}
