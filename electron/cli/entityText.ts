import { ENTITY_WORDS, entityKey } from '../../shared/domain/catalogue/index.ts';
import type { Terminal } from './terminal.ts';

/** The name of an entity or its table in the command's language; an unknown one as it is. */
export function entityText(cli: Terminal, name: string): string {
  return Object.hasOwn(ENTITY_WORDS, name) ? cli.text(entityKey(name)) : name;
}
