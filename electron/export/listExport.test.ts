/**
 * The lists the UI prints (issue #23), as the core builds them: the records in the screen's
 * order, the chosen columns, and never a sensitive column for a role without it, whatever the
 * screen asked for.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListExportRequest } from '../../shared/api/export.ts';
import { deviceRights } from '../../shared/rights/deviceRights.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { saveRecord } from '../core/recordWriter.ts';
import { LocalStore } from '../store/localStore.ts';
import { exportList } from './listExport.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let ids: string[];
beforeEach(() => {
  temp = makeTempDir('tutti-list-export-');
  store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  ids = ['Anna', 'Bernd', 'Clara'].map((firstName, i) => {
    const saved = saveRecord(store, 'members', {
      firstName,
      lastName: 'Meier',
      status: 'aktiv',
      birthDate: `198${i}-01-01`,
      iban: 'DE89370400440532013000',
    } as never);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value.id;
  });
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const everything = deviceRights({ connected: false, access: null });
const role = (name: keyof typeof BUILT_IN_ROLES) =>
  deviceRights({
    connected: true,
    access: { role: name, grants: BUILT_IN_ROLES[name].grants, registerIds: [], memberId: null },
  });

const request = (more: Partial<ListExportRequest> = {}): ListExportRequest => ({
  entity: 'members',
  ids,
  fields: ['firstName', 'birthDate', 'iban'],
  format: 'xlsx',
  language: 'de',
  ...more,
});

async function rowsOf(base64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  const sheet = workbook.worksheets[0]!;
  return sheet.getRows(1, sheet.rowCount)!.map((r) => (r.values as unknown[]).slice(1));
}

describe('a list exported from the UI', () => {
  it('has the records in the order the screen gave, and the columns chosen', async () => {
    const result = await exportList(store, everything, request({ ids: [ids[2]!, ids[0]!] }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.fileName).toMatch(/^Mitglieder \d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await rowsOf(result.value.base64);
    expect(rows[0]).toEqual(['Vorname', 'Geburtsdatum', 'IBAN']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Clara', 'Anna']);
  });

  it('leaves the sensitive columns out for a role without them, whatever was asked', async () => {
    const result = await exportList(store, role('vorstand'), request());
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const rows = await rowsOf(result.value.base64);
    expect(rows[0]).toEqual(['Vorname']);
  });

  it('refuses a list the role may not read, and a column that does not exist', async () => {
    const refused = await exportList(
      store,
      role('instrumentenwart'),
      request({ entity: 'honours', fields: ['kind'] }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    const unknown = await exportList(store, everything, request({ fields: ['passwort'] }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('bad_request');
  });
});
