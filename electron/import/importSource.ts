/**
 * What the CLI and the wizard share: a read file, the mapping to apply (given or proposed,
 * always checked against the file), and the run itself.
 */
import type { ImportReport } from '../../shared/api/import.ts';
import { type ImportMapping, mappingProblems } from '../../shared/import/mapping.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import type { LocalStore } from '../store/localStore.ts';
import { Importer, type ImportOptions, type SaveRecord } from './importer.ts';

export class MappingMismatch extends Error {
  override readonly name = 'MappingMismatch';
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/** The mapping to use: the given one if it fits the file, else the proposal. */
export function mappingFor(source: SourceFile, given: ImportMapping | null): ImportMapping {
  if (given === null) return proposeMapping(source);
  const problems = mappingProblems(given, source);
  if (problems.length > 0) throw new MappingMismatch(problems);
  return given;
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
  return new Importer(store, save, source, mapping, options).run();
}
