/**
 * A message for a person, as data: a key into the texts (`de.ts`, `en.ts`) and the values to
 * put into it. The core, the schemas, the server and the CLI hand these around; only the place
 * that shows one (the UI in its language, the CLI by `--lang`/`LANG`, a log in German) turns it
 * into words, so the English UI never shows a German sentence.
 */
import { z } from 'zod';

export const messageKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,99}$/);
export const messageParamsSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(2000), z.number()]),
);
/**
 * A parameter is a value, or a message of its own said in the same language ("Abholen der
 * Änderungen: {{problem}}" with the problem as a message). What travels between processes
 * over the sync protocol holds plain values only (`messageParamsSchema`).
 */
export type MessageParams = { [name: string]: string | number | Message };

export interface Message {
  key: string;
  params?: MessageParams;
}

/** A message as data from elsewhere (a server's answer): nested messages allowed, 4 deep. */
function messageSchemaOf(depth: number): z.ZodType<Message> {
  const value =
    depth > 0
      ? z.union([z.string().max(2000), z.number(), messageSchemaOf(depth - 1)])
      : z.union([z.string().max(2000), z.number()]);
  return z.object({
    key: messageKeySchema,
    params: z.record(z.string().max(40), value).optional(),
  }) as z.ZodType<Message>;
}

export const messageSchema = messageSchemaOf(4);

export function msg(key: string, params?: MessageParams): Message {
  return params && Object.keys(params).length > 0 ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return messageSchema.safeParse(value).success;
}
