/**
 * The papers the desk produces: their kinds, Ukrainian names, the input every shell sends to make
 * one, and the settings parts that shape them (stamp geometry, payment details, printers).
 */
import { z } from 'zod';
import { ibanProblem, normalizeIban } from './iban';
import { requestRef, text } from './schemas';

export const LETTER_KINDS = ['extension', 'refusal', 'redirect', 'redirect_notice', 'cost'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DOCUMENT_KINDS = [
  'stamp_sheet',
  'stamp_onto',
  'stamped_copy',
  'stamp_calibration',
  'receipt',
  'form_natural',
  'form_legal',
  'letter_extension',
  'letter_refusal',
  'letter_redirect',
  'letter_redirect_notice',
  'letter_cost',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  stamp_sheet: 'Аркуш зі штампом реєстрації',
  stamp_onto: 'Скан запиту зі штампом реєстрації',
  stamped_copy: 'Копія запиту зі штампом реєстрації',
  stamp_calibration: 'Калібрувальний аркуш штампа',
  receipt: 'Розписка про прийняття запиту',
  form_natural: 'Форма запиту (фізична особа)',
  form_legal: 'Форма запиту (юридична особа, об’єднання громадян)',
  letter_extension: 'Повідомлення про продовження строку',
  letter_refusal: 'Відмова в задоволенні запиту',
  letter_redirect: 'Супровідний лист про направлення запиту',
  letter_redirect_notice: 'Повідомлення запитувачу про направлення запиту',
  letter_cost: 'Повідомлення про фактичні витрати',
};

/** Papers that confirm a registration to the requester: never for a voided number. */
export const CONFIRMING_KINDS: readonly DocumentKind[] = ['stamp_sheet', 'stamp_onto', 'stamped_copy', 'receipt'];

/** Kinds that need a registered request; the blank forms and the calibration sheet do not. */
export const needsRequest = (k: DocumentKind): boolean => !['form_natural', 'form_legal', 'stamp_calibration'].includes(k);

/** Issuing these is recorded in the request's history (`document_issued`); letters carry the outgoing number. */
export const RECORDED_KINDS: readonly DocumentKind[] = [
  // The receipt is handed to the visitor like the stamped copy: its issue belongs in the history too.
  'receipt',
  'stamp_sheet',
  'stamp_onto',
  'stamped_copy',
  'letter_extension',
  'letter_refusal',
  'letter_redirect',
  'letter_redirect_notice',
  'letter_cost',
];

export const documentInput = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { message: `Невідомий вид документа. Можливі: ${DOCUMENT_KINDS.join(', ')}` }),
    index: requestRef.shape.index.optional(),
    year: requestRef.shape.year,
    /** Where to write the PDF; empty: a file in the system's temporary folder (preview). */
    out: text(4000).optional(),
    /** The scan to stamp (`stamp_onto`): a PDF, PNG or JPEG file. */
    onto: text(4000).optional(),
    /** The outgoing number of a letter; the date is the day it is issued. */
    outgoingIndex: text(100).optional(),
    /** Sheets of the request copy the covering letter encloses («Додаток: копія запиту на N арк.»). */
    requestSheets: z.number({ message: 'Кількість аркушів — ціле число від 1' }).int().min(1).max(9999).optional(),
    /** `stamp_onto`: the stamp where the clerk put it in the preview, instead of the blank place found. */
    stampAt: z
      .object({
        rightMm: z.number({ message: 'Відступ штампа — число міліметрів' }).min(0).max(400),
        bottomMm: z.number({ message: 'Відступ штампа — число міліметрів' }).min(0).max(600),
      })
      .strict()
      .optional(),
    /** A preview writes the file but records nothing in the request's history. */
    preview: z.boolean().default(false),
  })
  .strict();
export type DocumentInput = z.input<typeof documentInput>;

/**
 * Where the stamp went on a scan, measured like the settings: its lower right corner from the lower
 * right corner of page 1 as shown. `set`: the set place was clear; `blank`: the clear place nearest
 * to it; `strip`: no clear place (or a page that could not be seen), so a strip was added below the
 * page (a negative `bottomMm`); `chosen`: where the clerk put it.
 */
export interface StampPlacement {
  how: 'set' | 'blank' | 'strip' | 'chosen';
  rightMm: number;
  bottomMm: number;
  widthMm: number;
  heightMm: number;
  pageWidthMm: number;
  pageHeightMm: number;
  /** False when the page's ink could not be seen (a PDF of text and shapes, a CCITT/JBIG2 picture). */
  seen: boolean;
}

export interface DocumentResult {
  kind: DocumentKind;
  path: string;
  /** `stamp_onto`: where the stamp was put. */
  stamp?: StampPlacement;
  /** Set when the issue was recorded in the request's history. */
  eventId?: string;
}

const mm = (max: number) => z.number().min(0).max(max);

/** Where the registration stamp goes: measured from the lower right corner of page 1, in millimetres. */
export const stampSettings = z.object({
  rightMm: mm(200).default(10),
  bottomMm: mm(290).default(10),
  widthMm: mm(150).min(35, { message: 'Штамп не вужчий за 35 мм' }).default(70),
  heightMm: mm(100).min(18, { message: 'Штамп не нижчий за 18 мм' }).default(30),
  /** The time of receipt matters for the 48-hour term, so urgent requests show it by default. */
  time: z.enum(['urgent', 'always', 'never']).default('urgent'),
});
export type StampSettings = z.output<typeof stampSettings>;

/** Details printed on the cost notice (Art. 21: the requisites and the order of reimbursement). */
/** An ЄДРПОУ code: 8 digits, or empty while not set. */
export const edrpouCode = z
  .string()
  .max(10)
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^\d{8}$/.test(s), { message: 'Код ЄДРПОУ — 8 цифр' })
  .default('');

export const paymentSettings = z.object({
  recipient: text(300).default(''),
  iban: z
    .string()
    .max(40)
    .transform(normalizeIban)
    // The check digits too: a mistyped IBAN on a cost notice sends the requester's money nowhere.
    .superRefine((s, ctx) => {
      const problem = ibanProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default(''),
  bank: text(300).default(''),
  edrpou: edrpouCode,
  purpose: text(300).default('Відшкодування фактичних витрат на копіювання або друк документів'),
});

/** The printer the clerk chose last for each group of papers; empty: the system default. */
export const printerSettings = z.object({
  stamp: text(200).default(''),
  receipt: text(200).default(''),
  form: text(200).default(''),
  letter: text(200).default(''),
});
export type PrinterGroup = keyof z.output<typeof printerSettings>;

export function printerGroupOf(kind: DocumentKind): PrinterGroup {
  // The stamp sheet goes to the printer whose tray holds the requester's copy; a stamped copy or scan is a whole page.
  if (kind === 'stamp_sheet' || kind === 'stamp_calibration') return 'stamp';
  if (kind === 'receipt') return 'receipt';
  if (kind.startsWith('form') || kind === 'stamped_copy' || kind === 'stamp_onto') return 'form';
  return 'letter';
}

export const printInput = z
  .object({
    /** A PDF made by `documents:make`. */
    path: text(4000).pipe(z.string().min(1, { message: 'Не вказано файл для друку' })),
    kind: z.enum(DOCUMENT_KINDS),
    /** Empty: the printer remembered for this kind, else the system default. Remembered when given. */
    printer: text(200).optional(),
  })
  .strict();

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

/** What a shell that can print offers (Electron); the web shell has none, the browser prints there. */
export interface PrintPort {
  printers(): Promise<PrinterInfo[]>;
  print(path: string, printer: string): Promise<void>;
}
