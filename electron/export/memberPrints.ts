/**
 * Address labels and serial letters for the members a list shows (issue #23), as one PDF. A
 * member without a postal address gets neither, and is named in the answer so the secretary
 * learns who still needs one.
 */
import type { ExportedFile, MemberPrint } from '../../shared/api/export.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { CLUB_RECORD_ID, type Club } from '../../shared/domain/club.ts';
import { isCalendarDate, todayIso } from '../../shared/domain/dates.ts';
import { type Member, memberSortName } from '../../shared/domain/member.ts';
import { letterSalutation, postalAddress } from '../../shared/domain/postalAddress.ts';
import { labelFormat } from '../../shared/export/labelFormats.ts';
import {
  fillLetter,
  letterFieldList,
  unknownLetterFields,
} from '../../shared/export/letterTemplate.ts';
import { translate } from '../../shared/messages/translate.ts';
import type { DeviceRights } from '../../shared/rights/deviceRights.ts';
import type { LocalStore } from '../store/localStore.ts';
import { exportFileName } from './fileName.ts';
import { labelsPdf } from './labelsPdf.ts';
import { lettersPdf } from './lettersPdf.ts';
import { codePoints } from './pdfDocument.ts';

export async function printMembers(
  store: LocalStore,
  rights: DeviceRights,
  request: MemberPrint,
): Promise<ApiResult<ExportedFile>> {
  if (!rights.may('members', 'read')) return fail('forbidden', 'core.export.notAllowed');
  const byId = new Map(
    (store.tables.members.listLive() as unknown as Member[]).map((m) => [m.id, m]),
  );
  // Each member once, in the list's order.
  const members = [...new Set(request.ids)].flatMap((id) => byId.get(id) ?? []);
  const withAddress = members.flatMap((m) => {
    const address = postalAddress(m);
    return address ? [{ member: m, address }] : [];
  });
  const leftOut = members.filter((m) => !postalAddress(m)).map(memberSortName);
  if (withAddress.length === 0) return fail('bad_request', 'core.export.noAddress');
  const club = store.tables.club.get(CLUB_RECORD_ID)?.record as unknown as Club | undefined;
  const clubName = club?.name ?? '';
  const date = todayIso();
  const say = (key: string) => translate({ key }, request.language);
  let bytes: Buffer;
  let title: string;
  let tooLong: string[] = [];
  let missing = new Set<string>();
  if (request.kind === 'labels') {
    const format = labelFormat(request.labelFormat);
    if (!format) return fail('bad_request', 'core.export.unknownLabelFormat');
    if (request.start > format.columns * format.rows)
      return fail('bad_request', 'core.export.startOutside', undefined, {
        start: {
          key: 'core.export.startOutside',
          params: { labels: format.columns * format.rows },
        },
      });
    title = say('core.export.labels');
    const made = await labelsPdf(
      withAddress.map((a) => a.address),
      format,
      request.start,
      `${clubName} – ${title}`,
    );
    bytes = made.bytes;
    missing = made.missing;
    tooLong = made.notFitting.map((n) => memberSortName(withAddress[n]!.member));
  } else {
    // Each text's unknown fields are named at that text.
    const problems = Object.fromEntries(
      (['subject', 'body'] as const).flatMap((field) => {
        const unknown = unknownLetterFields(request[field]);
        return unknown.length > 0
          ? [
              [
                field,
                {
                  key: 'core.export.unknownLetterField',
                  params: {
                    fields: unknown.join(', '),
                    possible: letterFieldList(request.language),
                  },
                },
              ],
            ]
          : [];
      }),
    );
    if (Object.keys(problems).length > 0)
      return fail('bad_request', 'core.export.unknownLetterField', undefined, problems);
    if (!isCalendarDate(request.date))
      return fail('bad_request', 'validation.date', undefined, {
        date: { key: 'validation.date' },
      });
    title = say('core.export.letters');
    const returnLine = [
      clubName,
      club?.street,
      [club?.postalCode, club?.city].filter(Boolean).join(' '),
    ]
      .filter(Boolean)
      .join(' · ');
    const written = await lettersPdf(
      withAddress.map(({ member, address }) => {
        const salutation = letterSalutation(member, request.language);
        return {
          address,
          salutation,
          subject: fillLetter(request.subject, member, { salutation, club: clubName }),
          body: fillLetter(request.body, member, { salutation, club: clubName }),
        };
      }),
      {
        clubName,
        returnLine,
        place: request.place || club?.city || '',
        date: request.date,
      },
    );
    bytes = written.bytes;
    missing = written.missing;
  }
  return ok({
    fileName: exportFileName(title, date, 'pdf'),
    mimeType: 'application/pdf',
    base64: bytes.toString('base64'),
    leftOut,
    tooLong,
    ...(missing.size > 0 ? { undrawable: codePoints(missing) } : {}),
  });
}
