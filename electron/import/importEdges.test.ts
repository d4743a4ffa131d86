/**
 * The import at its edges, as reviews found them: nothing lost to one odd value (long names,
 * long headers, many columns, re-imports after repairs), nothing leaked (no birth date in a
 * message), and an import by a role that may not write bank data.
 */
import { describe, expect, it } from 'vitest';
import type { ImportMessage } from '../../shared/api/import.ts';
import { importTextIn } from '../../shared/import/importText.ts';
import { proposeColumns, proposeMapping } from '../../shared/import/proposeMapping.ts';
import { importReportText } from '../../shared/import/reportText.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import { translate } from '../../shared/messages/translate.ts';
import { deviceRights } from '../../shared/rights/deviceRights.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { importStore } from '../../test/support/importStore.ts';

const TODAY = '2026-11-27';
const kit = importStore(TODAY);
const { csv, importInto, live } = kit;
/** What a report line says, in German. */
const said = (m: ImportMessage) => importTextIn(m, 'de', m.entity);

describe('nothing lost, nothing leaked, at the edges a review found', () => {
  it('never quotes a birth date through a key, a duplicate or a row label', async () => {
    const report = await importInto(
      await csv('m.csv', 'Vorname;Nachname;GebDat\nAnna;Meier;01.05.1980\nAnna;Meier;01.05.1980\n'),
    );
    const keyed = await importInto(
      await csv('k.csv', 'Nachname;Vorname;GebDat;IBAN\nOst;Dora;02.03.1970;DE00123\n'),
      {
        mapping: {
          ...proposeMapping(
            await csv('k.csv', 'Nachname;Vorname;GebDat;IBAN\nOst;Dora;02.03.1970;DE00123\n'),
          ),
          tables: [
            {
              source: 'k',
              entity: 'members',
              key: ['Nachname', 'Vorname', 'GebDat'],
              columns: {
                Nachname: 'lastName',
                Vorname: 'firstName',
                GebDat: 'birthDate',
                IBAN: 'iban',
              },
            },
          ],
        },
      },
    );
    const texts = [...report.messages, ...keyed.messages].map(
      (m) => `${translate(m.label)}: ${said(m)}`,
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/1980|1970|05\.1980|03\.1970/);
  });

  it('shortens a name too long for its field and keeps it whole', async () => {
    const name = `Förderverein der Freiwilligen Feuerwehr und des Musikvereins Harmonie ${'Oberkirchberg-'.repeat(3)}e. V.`;
    await importInto(await csv('m.csv', `Nachname;Ort\n${name};${'X'.repeat(112)}\n`));
    const [member] = live('members');
    expect(member!.lastName).toBe(name.slice(0, 100));
    expect(member!.city).toBeNull();
    expect(member!.notes).toContain(`Nachname: ${name}`);
    expect(member!.notes).toContain(`Ort: ${'X'.repeat(112)}`);
  });

  it('keeps the values of a 205-character header and of 101 unmapped columns', async () => {
    const question = `Ich bin einverstanden, dass Fotos veröffentlicht werden ${'(bitte ankreuzen) '.repeat(9)}`;
    const extra = Array.from({ length: 101 }, (_, i) => `Probe ${i + 1}`);
    const report = await importInto(
      await csv(
        'm.csv',
        `Vorname;Nachname;${question};${extra.join(';')}\nAnna;Meier;ja;${extra.map(() => 'x').join(';')}\n`,
      ),
    );
    expect(report.tables[0]).toMatchObject({ created: 1, skipped: 0 });
    const kept = live('members')[0]!.importedValues!;
    expect(Object.keys(kept)).toHaveLength(100);
    expect(Object.values(kept)).toContain('ja');
    expect(kept['Weitere Spalten']).toContain('Probe 101: x');
  });

  it('keeps on a re-import what an earlier import had to keep aside', async () => {
    const holder =
      `Erbengemeinschaft nach Johann Georg Meier, vertreten durch ${'Rechtsanwältin '.repeat(8)}`.trim();
    const first = `Nachname;Kontoinhaber;Info;Bemerkung\nMeier;${holder};alt;spielt Flöte\n`;
    await importInto(await csv('m.csv', first));
    const second = `Nachname;Kontoinhaber;Info;Bemerkung\nMeier;${holder};neu;spielt Piccolo\n`;
    await importInto(await csv('m.csv', second));
    const [member] = live('members');
    expect(member!.importedValues).toMatchObject({ Info: 'neu', Kontoinhaber: holder });
    expect(member!.notes).toBe('spielt Piccolo');
    // And what went into the notes stays when the source's notes change.
    await importInto(await csv('o.csv', `Nachname;Ort;Bemerkung\nOtt;${'Y'.repeat(112)};a\n`));
    await importInto(await csv('o.csv', `Nachname;Ort;Bemerkung\nOtt;${'Y'.repeat(112)};b\n`));
    const ott = live('members').find((m) => m.lastName === 'Ott')!;
    expect(ott.notes).toBe(
      `b\nAus dem Import (nicht in Felder übernommen): Ort: ${'Y'.repeat(112)}`,
    );
  });

  it('does not send fee, bank or birthplace columns to unrelated fields', () => {
    expect(
      proposeColumns('members', [
        'Bank-Nr',
        'Beitr.-befreit',
        'Mitgliedsbeitrag',
        'Membership fee',
        'AufnGeb',
        'Geburtsort',
        'Last payment',
        'Konto-Inh.',
        'Telefax',
      ]),
    ).toEqual({ 'Beitr.-befreit': 'feeExempt', 'Konto-Inh.': 'accountHolder' });
  });

  it('keeps an "Aktiv" that contradicts the status, and a borrower nobody knows', async () => {
    await importInto(await csv('m.csv', 'Nachname;Status;Aktiv\nOst;aktiv;nein\n'));
    expect(live('members')[0]!.notes).toContain('Aktiv: nein');
    await importInto(
      await csv('i.csv', 'InventarNr;Instrument;Ausgeliehen an\nT-9;Tuba;Fritz Unbekannt (Gast)\n'),
    );
    expect(live('instruments')[0]!.notes).toContain('Ausgeliehen an: Fritz Unbekannt (Gast)');
  });

  it('flags no field it had to empty, and says one thing about each', async () => {
    const report = await importInto(
      await csv(
        'm.csv',
        'Nachname;PLZ;Mandatsreferenz\nMeier;D-89073 Ulm;MANDAT-2014-000123-MEIER-ANNA-BLECH-01\n',
      ),
    );
    const [member] = live('members');
    expect(member).toMatchObject({
      postalCode: null,
      sepaMandateReference: null,
      review: [],
      reviewSensitive: [],
      importedValues: { Mandatsreferenz: 'MANDAT-2014-000123-MEIER-ANNA-BLECH-01' },
    });
    const texts = report.messages.map(said);
    expect(texts.filter((t) => t.startsWith('PLZ'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('Mandatsreferenz'))).toHaveLength(1);
    expect(texts.join(' ')).not.toMatch(/MANDAT-2014/);
  });
});

describe('an import by a role without bank data', () => {
  const vorstand = deviceRights({
    connected: true,
    access: {
      role: 'vorstand',
      grants: BUILT_IN_ROLES.vorstand.grants,
      registerIds: [],
      memberId: null,
    },
  });
  const asVorstand = (source: SourceFile) => importInto(source, { rights: vorstand });

  it('still tells two people of one name apart by their birth dates, without storing them', async () => {
    const report = await asVorstand(
      await csv(
        'm.csv',
        'Vorname;Nachname;GebDat\nHans;Müller;01.01.1950\nHans;Müller;01.01.1980\n',
      ),
    );
    expect(report.tables[0]).toMatchObject({ created: 2, skipped: 0 });
    expect(live('members').map((m) => m.birthDate)).toEqual([null, null]);
    expect(report.withheld).toEqual([{ source: 'm', column: 'GebDat', count: 2 }]);
  });

  it('keeps what no field takes on records without sensitive fields, and says so truly', async () => {
    const report = await asVorstand(
      await csv('i.csv', 'InventarNr;Instrument;Lieblingsfarbe\nT-1;Tuba;blau\n'),
    );
    expect(live('instruments')[0]!.importedValues).toEqual({ Lieblingsfarbe: 'blau' });
    expect(report.withheld).toEqual([]);
    expect(report.unmappedColumns).toEqual([{ source: 'i', column: 'Lieblingsfarbe' }]);
  });

  it('stores no kept value on a member, even when the notes are full', async () => {
    const report = await asVorstand(
      await csv(
        'm.csv',
        `Vorname;Nachname;Straße;Bemerkung;Hobby\nAnna;Voll;${'S'.repeat(250)};${'n'.repeat(65_530)};Lesen\n`,
      ),
    );
    const [anna] = live('members');
    expect(anna!.importedValues).toBeNull();
    expect(report.withheld).toEqual([{ source: 'm', column: 'Hobby', count: 1 }]);
    expect(importReportText(report)).toContain(
      'Hobby → nicht übernommen (Ihre Rolle darf es nicht ändern)',
    );
    expect(report.messages.map(said).join(' ')).not.toMatch(
      /Weitere Angaben aus dem Import“ aufbewahrt|Vollständig in der Bemerkung/,
    );
  });
});
