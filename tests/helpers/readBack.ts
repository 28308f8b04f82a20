/** Reading exports back the way a person's tools would: poppler for PDFs, LibreOffice for spreadsheets. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/**
 * A PDF's text in reading order, the words a table cell broke with a hyphen joined again — to find a
 * phrase in a narrow column, which the layout text splits across lines beside other columns.
 */
export const pdfWords = (file: string): string =>
  execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/(\p{L})-\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');

export const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Converts spreadsheets to CSV (UTF-8, comma) with one LibreOffice start, and parses each. */
export function libreOfficeCsv(files: string[], outDir: string): string[][][] {
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 120_000 });
  return files.map((f) => parse(readFileSync(join(outDir, basename(f).replace(/\.xlsx$/, '.csv')), 'utf8'), { relax_column_count: true }) as string[][]);
}
