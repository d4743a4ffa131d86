/**
 * What the import says to a person, as data (said in the reader's language where shown, see
 * importText.ts): a message, the record's field it is about — its label fills the message's
 * `{{field}}` — and texts that fill other placeholders of the same name (the rule a value
 * broke, a status).
 */
import type { Message } from '../messages/message.ts';

export interface ImportText {
  message: Message;
  field?: string;
  parts?: Record<string, ImportText>;
}
