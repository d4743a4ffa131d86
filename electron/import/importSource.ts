/**
 * What the CLI and the wizard share: a read file, the mapping to apply (given or proposed,
 * always checked against the file), and the run itself.
 */
import { AppError } from '../../shared/api/appError.ts';
import type { ImportReport } from '../../shared/api/import.ts';
import { type ImportMapping, mappingProblems } from '../../shared/import/mapping.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import type { Message } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { type DeviceRights, deviceRights } from '../../shared/rights/deviceRights.ts';
import type { LocalStore } from '../store/localStore.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { Importer, type ImportOptions, type SaveRecord } from './importer.ts';

/** The mapping does not fit the file: `problems` says where (`message` in German, for logs). */
export class MappingMismatch extends Error {
  override readonly name = 'MappingMismatch';
  constructor(readonly problems: Message[]) {
    super(problems.map((problem) => translate(problem, 'de')).join(' '));
  }
}

/** The mapping to use: the given one if it fits the file, else the proposal. */
export function mappingFor(source: SourceFile, given: ImportMapping | null): ImportMapping {
  if (given === null) return proposeMapping(source);
  const problems = mappingProblems(given, source);
  if (problems.length > 0) throw new MappingMismatch(problems);
  return given;
}

/** An enrolled device that has not learnt its user's rights yet imports nothing. */
export class RightsUnknown extends AppError {
  constructor() {
    super('forbidden', 'import.rightsUnknown');
  }
}

/** What the person at this profile may write: from the club server's last pull. */
export function rightsOfStore(store: LocalStore): DeviceRights {
  const settings = new SyncSettings(store.meta);
  return deviceRights({ connected: settings.connection() !== null, access: settings.access() });
}

export function runImport(
  store: LocalStore,
  save: SaveRecord,
  source: SourceFile,
  mapping: ImportMapping,
  options: ImportOptions,
): Promise<ImportReport> {
  const problems = mappingProblems(mapping, source);
  if (problems.length > 0) throw new MappingMismatch(problems);
  const rights = options.rights ?? rightsOfStore(store);
  if (!rights.known) throw new RightsUnknown();
  return new Importer(store, save, source, mapping, { ...options, rights }).run();
}
