/** Inputs of the journal, report, open-data, import and job calls (API and CLI parse with these). */
import { z } from 'zod';
import { monthRange } from './journalRows';
import { isoDate, text } from './schemas';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Місяць у форматі РРРР-ММ' });
const path = text(2000).pipe(z.string().min(1, { message: 'Вкажіть шлях до файлу' }));

/** A month, or a date range; either way it becomes `{from, to}`. */
export const periodInput = z
  .object({ month: month.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .transform((v, ctx) => {
    if (v.month) return monthRange(v.month);
    if (!v.from || !v.to) {
      ctx.addIssue({ code: 'custom', message: 'Вкажіть місяць (РРРР-ММ) або період: дату початку і дату кінця' });
      return z.NEVER;
    }
    if (v.from > v.to) {
      ctx.addIssue({ code: 'custom', message: 'Дата початку періоду пізніша за дату кінця' });
      return z.NEVER;
    }
    return { from: v.from, to: v.to };
  });

export const JOURNAL_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

export const journalExportInput = z
  .object({
    month: month.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(JOURNAL_FORMATS, { message: 'Формат журналу: pdf, xlsx або csv' }),
    out: path,
  })
  .strict();

export const reportQuery = z.object({ from: isoDate, to: isoDate }).strict().refine((v) => v.from <= v.to, { message: 'Дата початку періоду пізніша за дату кінця' });

export const reportExportInput = z
  .object({ from: isoDate, to: isoDate, format: z.enum(['pdf', 'xlsx'], { message: 'Формат звіту: pdf або xlsx' }), out: path })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'Дата початку періоду пізніша за дату кінця' });

/** `out` empty: the folder set in the settings. */
export const openDataPublishInput = z.object({ out: text(2000).optional() }).strict();

/** Which column of the file holds which field: header text (or column letter/number) per field. */
export const IMPORT_FIELDS = [
  'index',
  'receivedAt',
  'receivedTime',
  'requesterName',
  'requesterType',
  'contacts',
  'postalAddress',
  'email',
  'phone',
  'channel',
  'form',
  'description',
  'urgent',
  'executor',
  'deadline',
  'extension',
  'result',
  'outgoingIndex',
  'resultDate',
  'refusalGround',
  'redirectHolder',
  'note',
  'signed',
  'replyBy',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importMapping = z
  .object({
    sheet: text(100).optional(),
    /** 1-based row of the header; found by matching the column names when not given. */
    headerRow: z.number().int().min(1).max(1000).optional(),
    columns: z.partialRecord(z.enum(IMPORT_FIELDS), text(200)).default({}),
    encoding: z.enum(['auto', 'utf-8', 'windows-1251']).default('auto'),
    separator: z.enum([';', ',', '\t']).optional(),
  })
  .strict();
export type ImportMapping = z.output<typeof importMapping>;

export const importInput = z.object({ file: path, mapping: importMapping.optional() }).strict();

export const jobRef = z.object({ id: text(100) }).strict();
export const jobsQuery = z.object({ id: text(100).optional() }).strict().optional();
