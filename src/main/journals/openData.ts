/**
 * The open-data set «Звіт щодо задоволення запитів на інформацію»: one record per month of
 * aggregated figures (no personal data can get in: only counts leave `statistics.ts`), as CSV
 * and JSON, with the data-set passport of CMU No. 835.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../shared/csvSafe';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/settings';
import { PUBLISHED_LINES, type Figures } from '../../shared/statistics';
import { writeAtomically } from './atomicFile';

export type MonthRecord = Record<string, number | string>;

/** One month's published record: `month` and a number per published line. */
export function monthRecord(month: string, f: Figures): MonthRecord {
  return { month, ...Object.fromEntries(PUBLISHED_LINES.map((l) => [l.code, l.value(f)])) };
}

export const OPEN_DATA_FILES = { csv: 'zapyty-na-informatsiiu.csv', json: 'zapyty-na-informatsiiu.json', passport: 'passport.json' };

export interface Passport {
  identifier: string;
  title: string;
  description: string;
  purpose: string;
  publisher: string;
  maintainer: string;
  email: string;
  language: string;
  formats: string[];
  keywords: string[];
  licence: string;
  updateFrequency: string;
  firstPublished: string;
  lastModified: string;
  resources: { name: string; format: string }[];
  structure: { field: string; title: string; type: string }[];
}

export function passport(s: Settings, firstPublished: string, lastModified: string): Passport {
  const o = s.openData;
  return {
    identifier: o.identifier,
    title: o.title,
    description: o.description,
    purpose: o.purpose,
    publisher: s.council.name,
    maintainer: o.maintainer || s.council.responsiblePerson,
    email: o.email || s.council.email,
    language: 'uk',
    formats: ['CSV', 'JSON'],
    keywords: o.keywords,
    licence: o.licence,
    updateFrequency: o.updateFrequency,
    firstPublished,
    lastModified,
    resources: [
      { name: OPEN_DATA_FILES.csv, format: 'CSV' },
      { name: OPEN_DATA_FILES.json, format: 'JSON' },
    ],
    structure: [
      { field: 'month', title: 'Місяць надходження запитів (РРРР-ММ)', type: 'string' },
      ...PUBLISHED_LINES.map((l) => ({ field: l.code, title: l.label, type: 'number' })),
    ],
  };
}

/** Writes the three files; each replaces its predecessor only once written whole. */
export async function writeOpenData(dir: string, records: MonthRecord[], pass: Passport): Promise<string[]> {
  const fields = pass.structure.map((f) => f.field);
  // Machine-readable: UTF-8 without BOM, comma, a header of field codes (their titles are in the passport).
  const csv = stringify([fields, ...records.map((r) => fields.map((f) => (typeof r[f] === 'string' ? neutraliseFormula(r[f]) : r[f])))], { record_delimiter: '\r\n' });
  const files: [string, string][] = [
    [OPEN_DATA_FILES.csv, csv],
    [OPEN_DATA_FILES.json, `${JSON.stringify(records, null, 2)}\n`],
    [OPEN_DATA_FILES.passport, `${JSON.stringify(pass, null, 2)}\n`],
  ];
  const out: string[] = [];
  for (const [name, text] of files) {
    const file = join(dir, name);
    await writeAtomically(file, (tmp) => writeFile(tmp, text, 'utf8'));
    out.push(file);
  }
  return out;
}
