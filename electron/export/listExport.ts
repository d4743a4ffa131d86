/**
 * A list the UI prints or exports (issue #23): the records the screen shows, in its order, with
 * the columns chosen, as PDF, Excel workbook or CSV. Built here, in the core, with the device's
 * rights: a sensitive column goes into the file only for a role that may read it, whatever the
 * screen asked for.
 */
import type { ExportedFile, ListExportRequest } from '../../shared/api/export.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { recordFields } from '../../shared/domain/catalogue/index.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import type { DeviceRights } from '../../shared/rights/deviceRights.ts';
import type { LocalStore } from '../store/localStore.ts';
import { toCsv } from './csv.ts';
import { exportSheet, readExportData } from './exportTables.ts';
import { exportFileName, MIME_TYPES } from './fileName.ts';
import { pdfFromSheet } from './pdfSheet.ts';
import { sheetAsText } from './sheet.ts';
import { xlsxFromSheet } from './xlsxSheet.ts';

export async function exportList(
  store: LocalStore,
  rights: DeviceRights,
  request: ListExportRequest,
): Promise<ApiResult<ExportedFile>> {
  const { entity, format, language } = request;
  if (!rights.may(entity, 'read')) return fail('forbidden', 'core.export.notAllowed');
  const known = new Set(recordFields(entity).map((f) => f.field));
  const unknown = request.fields.find((f) => !known.has(f));
  if (unknown) return fail('bad_request', 'core.export.unknownField', { field: unknown });
  const read = <E extends keyof EntityMap>(e: E) =>
    store.tables[e].listLive() as unknown as EntityMap[E][];
  const data = readExportData(read);
  // The screen's records in the screen's order; one deleted meanwhile is left out.
  const byId = new Map((data[entity] as { id: string }[]).map((r) => [r.id, r]));
  const shown = [...new Set(request.ids)].flatMap((id) => byId.get(id) ?? []);
  const sheet = exportSheet(entity, { ...data, [entity]: shown }, language, {
    fields: request.fields,
    withSensitive: rights.mayReadSensitive(entity),
  });
  const date = todayIso();
  const head = {
    clubName: (store.tables.club.get(CLUB_RECORD_ID)?.record.name as string) ?? '',
    date,
  };
  let bytes: Buffer;
  if (format === 'pdf') bytes = await pdfFromSheet(sheet, head, language);
  else if (format === 'xlsx') bytes = await xlsxFromSheet(sheet, head, language);
  else {
    const { header, rows } = sheetAsText(sheet);
    bytes = Buffer.from(toCsv(header, rows), 'utf8');
  }
  return ok({
    fileName: exportFileName(sheet.title, date, format),
    mimeType: MIME_TYPES[format],
    base64: bytes.toString('base64'),
  });
}
