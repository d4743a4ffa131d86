/**
 * A fresh encrypted profile per test, and the import as the tests run it: read a file, import
 * it (proposed mapping unless given), look at the live records. Registers its own
 * beforeEach/afterEach, so a test file only says `const kit = importStore(TODAY)`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { saveRecordInTransaction } from '../../electron/core/recordWriter.ts';
import { runImport } from '../../electron/import/importSource.ts';
import { readSourceFile } from '../../electron/import/readers/readSourceFile.ts';
import { LocalStore } from '../../electron/store/localStore.ts';
import type { ImportReport } from '../../shared/api/import.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import type { ImportMapping } from '../../shared/import/mapping.ts';
import { proposeMapping } from '../../shared/import/proposeMapping.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import type { DeviceRights } from '../../shared/rights/deviceRights.ts';
import { makeTempDir } from './tempDir.ts';

export function importStore(today: string) {
  let temp: ReturnType<typeof makeTempDir>;
  let store: LocalStore;
  beforeEach(() => {
    temp = makeTempDir();
    store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });
  return {
    get store(): LocalStore {
      return store;
    },
    get dir(): string {
      return temp.dir;
    },
    read(path: string, password: string | null = null): Promise<SourceFile> {
      return readSourceFile(path, readFileSync(path), password);
    },
    csv(name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<SourceFile> {
      return readSourceFile(join(temp.dir, name), Buffer.from(text, encoding), null);
    },
    importInto(
      source: SourceFile,
      options: { dryRun?: boolean; mapping?: ImportMapping; rights?: DeviceRights } = {},
    ): Promise<ImportReport> {
      return runImport(
        store,
        (entity, draft) => saveRecordInTransaction(store, entity, draft),
        source,
        options.mapping ?? proposeMapping(source),
        {
          dryRun: options.dryRun ?? false,
          today,
          chunkSize: 50,
          ...(options.rights ? { rights: options.rights } : {}),
        },
      );
    },
    live<E extends keyof EntityMap>(entity: E): EntityMap[E][] {
      return store.tables[entity].listLive() as unknown as EntityMap[E][];
    },
  };
}
