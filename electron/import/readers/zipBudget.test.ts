import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../test/support/zipArchive.ts';
import { ImportFileError } from './importError.ts';
import { readSourceFile } from './readSourceFile.ts';
import { checkUnpackedSize } from './zipBudget.ts';

const MB = 1024 * 1024;

async function refusal(work: () => unknown): Promise<ImportFileError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('a workbook is unpacked under a budget before exceljs reads it', () => {
  it('lets an ordinary workbook through', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mitglieder');
    sheet.addRow(['Nachname', 'Vorname']);
    sheet.addRow(['Müller', 'Anna']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(checkUnpackedSize(bytes)).resolves.toBeUndefined();
    const file = await readSourceFile('mitglieder.xlsx', bytes, null);
    expect(file.tables[0]!.rows).toEqual([{ Nachname: 'Müller', Vorname: 'Anna' }]);
  });

  it('refuses a small file that would unpack to more than 100 MB, saying what to do', async () => {
    const bomb = zipArchive([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(101 * MB, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    const error = await refusal(() => readSourceFile('mitglieder.xlsx', bomb, null));
    expect(error.reason).toBe('unsupported');
    expect(error.message).toMatch(/entpackt größer als 100 MB/);
    expect(error.message).toMatch(/CSV/);
  });

  it('does not trust the sizes an archive declares', async () => {
    const lying = zipArchive([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * MB, 0x20), declaredSize: 10 },
    ]);
    const error = await refusal(() => checkUnpackedSize(lying, MB));
    expect(error.reason).toBe('unsupported');
  });

  it('counts every entry against one budget', async () => {
    const many = zipArchive(
      Array.from({ length: 3 }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: Buffer.alloc(0.4 * MB, 0x20),
      })),
    );
    await expect(checkUnpackedSize(many, MB)).rejects.toThrow(ImportFileError);
    await expect(checkUnpackedSize(many, 2 * MB)).resolves.toBeUndefined();
  });

  it('counts the entries exceljs would unpack, whatever count the archive declares', async () => {
    const bomb = zipArchive([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * MB, 0x20) },
    ]);
    for (const declared of [0, 1]) {
      const crafted = Buffer.from(bomb);
      const end = crafted.length - 22;
      crafted.writeUInt16LE(declared, end + 8);
      crafted.writeUInt16LE(declared, end + 10);
      const error = await refusal(() => checkUnpackedSize(crafted, MB));
      expect(error.reason).toBe('unsupported');
    }
  });

  it('calls a cut-off archive damaged', async () => {
    const whole = zipArchive([{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(1000)) }]);
    for (const cut of [whole.subarray(0, whole.length - 30), whole.subarray(0, 40)]) {
      const error = await refusal(() => checkUnpackedSize(cut));
      expect(error.reason).toBe('unreadable');
      expect(error.message).toMatch(/beschädigt/);
    }
  });
});
