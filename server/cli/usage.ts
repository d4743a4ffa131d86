/** `tutti-server --help`, in the command line's language (the text: `server.cli.usage`). */
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';

export function usage(language: Language): string {
  return translate({ key: 'server.cli.usage' }, language);
}
