/**
 * Zod schemas for every input that enters the register. The form, the IPC/HTTP API and the
 * CLI all parse with these, so a value refused in one place is refused everywhere.
 */
import { z } from 'zod';
import { uk } from 'zod/locales';
import { isValidIsoDate, parseInstant } from './calendar';
import { ACTIONS, CHANNELS, FORMS, REPLY_WAYS, REQUESTER_TYPES, REQUIRED_PARTS, STATUSES } from './domain';
import { AppError } from './errors';
import { fieldLabel } from './fieldLabels';
import { personError } from './zodMessages';

// Zod's own messages (wrong type, unknown option, …) in Ukrainian a person can read, for the UI and the CLI alike.
z.config({ ...uk(), customError: personError });

// Control characters other than tab and newlines break printing and CSV and are never typed by a person.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed text of bounded length, free of control characters; `multiline` allows line breaks. */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .max(max, { message: `Задовгий текст: не більше ${max} символів` })
    .refine((s) => !CONTROL.test(s), { message: 'Текст містить недопустимі керувальні символи' })
    .refine((s) => opts.multiline || !/[\r\n]/.test(s), { message: 'Текст має бути в один рядок' })
    .transform((s) => s.trim());

/**
 * Years the register deals in: from Ukraine's independence to the end of the calendar tables.
 * A year 0000, 1900 or 9999 is a typing mistake, refused as bad input before any date arithmetic.
 */
export const MIN_YEAR = 1991;
export const MAX_YEAR = 2100;
const yearInRange = (s: string) => {
  const y = Number(s.trim().slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const YEAR_MESSAGE = `Рік має бути від ${MIN_YEAR} до ${MAX_YEAR}`;

export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'Дата має бути існуючою, у форматі РРРР-ММ-ДД' })
  .refine(yearInRange, { message: YEAR_MESSAGE });

export const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== null, { message: 'Час має бути існуючим, у форматі ISO 8601 (РРРР-ММ-ДДTгг:хх+02:00)' })
  .refine(yearInRange, { message: YEAR_MESSAGE });

/** A civil date, or an instant when the time matters too. */
export const dateOrInstant = z
  .string()
  .max(40)
  .refine((s) => isValidIsoDate(s) || (s.includes('T') && parseInstant(s) !== null), {
    message: 'Дата має бути існуючою, у форматі РРРР-ММ-ДД або РРРР-ММ-ДДTгг:хх+02:00',
  });

const email = z
  .string()
  .max(254)
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'Невірна адреса електронної пошти' });

const phoneLike = (what: string) =>
  z
    .string()
    .max(60)
    .transform((s) => s.trim())
    .refine((s) => /^[0-9+()\-\s.,;доб]*$/i.test(s), { message: `Номер ${what} може містити лише цифри, пробіли та + ( ) -` });
const phone = phoneLike('телефону');

export const officialSchema = z.object({
  name: text(200).pipe(z.string().min(1, { message: "Вкажіть ПІБ посадової особи" })),
  phone: phone.pipe(z.string().min(1, { message: 'Вкажіть контактний телефон посадової особи' })),
});

/** The registration's own fields as typed, shared by registration and by corrections. */
export const registrationFields = {
  channel: z.enum(CHANNELS),
  form: z.enum(FORMS),
  requesterType: z.enum(REQUESTER_TYPES),
  requesterName: text(500),
  postalAddress: text(1000, { multiline: true }),
  email,
  phone,
  /** The requester's fax, for an answer by fax (Appendix 4 «Факсом»): never the phone. */
  fax: phoneLike('факсу'),
  /** The date written on the request (Art. 19 part 5: «дата»), which may be before its receipt; null: not written. */
  requestDate: isoDate.nullable(),
  description: text(20_000, { multiline: true }),
  urgent: z.boolean(),
  urgentReason: text(2000, { multiline: true }),
  replyBy: z.enum(REPLY_WAYS),
  signed: z.boolean(),
  filledByOfficial: officialSchema.nullable(),
};
const f = registrationFields;

export const registerInput = z
  .object({
    receivedAt: instant.optional(),
    channel: f.channel,
    form: f.form.optional(),
    requesterType: f.requesterType.default('natural'),
    requesterName: f.requesterName.default(''),
    postalAddress: f.postalAddress.default(''),
    email: f.email.default(''),
    phone: f.phone.default(''),
    fax: f.fax.default(''),
    requestDate: f.requestDate.optional(),
    description: f.description.default(''),
    urgent: f.urgent.default(false),
    urgentReason: f.urgentReason.default(''),
    replyBy: f.replyBy.optional(),
    signed: f.signed.default(false),
    filledByOfficial: f.filledByOfficial.optional(),
    /** The clerk confirmed a receipt date before the register's first year or over a month back (see pastReceipt). */
    acceptPastDate: z.boolean().optional(),
    /** The parts of Art. 19 part 5 the clerk knowingly registers without (the desk's confirmation). */
    acceptMissing: z.array(z.enum(REQUIRED_PARTS)).max(REQUIRED_PARTS.length).optional(),
    /**
     * Made once per filled-in form: the same key sent twice (a double Ctrl+Enter, a retried call)
     * gives back the first registration instead of a second number.
     */
    clientKey: z.string().uuid({ message: 'Ключ форми має бути UUID' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.urgent && v.urgentReason === '')
      ctx.addIssue({ code: 'custom', path: ['urgentReason'], message: 'Для термінового запиту вкажіть обґрунтування терміновості' });
  });
export type RegisterInput = z.input<typeof registerInput>;

export const requestRef = z.object({
  /** The incoming index as printed (`З-125`), or just its number for the current year. */
  index: text(100).pipe(z.string().min(1, { message: 'Вкажіть вхідний номер' })),
  year: z.number().int().min(2000).max(2100).optional(),
});

export const actionInputs = {
  assign: z
    .object({
      executor: text(300).pipe(z.string().min(1, { message: 'Вкажіть виконавця' })),
      unit: text(300).optional(),
      /** The executor's own phone for the letters' executor mark; without it the settings' executor phone is printed. */
      phone: phone.optional(),
    })
    .strict(),
  extend: z.object({ reason: text(2000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть обґрунтування продовження строку' })) }).strict(),
  cost_notice: z
    .object({
      pages: z.number().int().min(11, { message: 'Витрати відшкодовуються лише за копії понад 10 сторінок' }).max(100_000),
      format: z.enum(['A4', 'A3']).default('A4'),
      restricted: z.boolean().default(false),
    })
    .strict(),
  payment_received: z.object({ date: isoDate }).strict(),
  // The answer's date may carry the time it was sent (РРРР-ММ-ДДTгг:хх+02:00): the 48-hour term is met to the minute.
  answer: z
    .object({ outgoingIndex: text(100).optional(), date: dateOrInstant.optional(), sentBy: z.enum(REPLY_WAYS).optional() })
    .strict(),
  refuse: z
    .object({
      ground: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: 'Підстава відмови — 1, 2, 3 або 4 (ст. 22 Закону)' }),
      explanation: text(5000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть мотивування відмови' })),
    })
    .strict(),
  redirect: z
    .object({
      holder: text(500).pipe(z.string().min(1, { message: 'Вкажіть розпорядника, якому направлено запит' })),
      holderAddress: text(1000, { multiline: true }).optional(),
    })
    .strict(),
  not_considered: z.object({ missing: text(2000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть, чого бракує в запиті' })) }).strict(),
  void: z.object({ reason: text(2000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть причину анулювання' })) }).strict(),
  note: z.object({ text: text(5000, { multiline: true }).pipe(z.string().min(1, { message: 'Текст примітки порожній' })) }).strict(),
  correct: z.preprocess(
    (v, ctx) => {
      // The number and the moment of receipt are on the visitor's copy already: they are never edited.
      const changes = (v as { changes?: unknown } | null)?.changes;
      if (changes && typeof changes === 'object')
        for (const key of ['index', 'incomingIndex', 'receivedAt'])
          if (key in changes)
            ctx.addIssue({ code: 'custom', path: ['changes', key], message: 'Вхідний номер і дату надходження змінити не можна: їх уже видано запитувачу' });
      return v;
    },
    z
      .object({
        changes: z
          .object(registrationFields)
          .partial()
          .strict()
          .refine((c) => Object.keys(c).length > 0, { message: 'Вкажіть, що саме виправити' }),
        reason: text(2000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть причину виправлення' })),
      })
      .strict(),
  ),
} as const;

/** Keeping one of the final actions that desks recorded while apart (sync conflicts). */
export const resolveInput = requestRef.extend({
  keep: z.string().uuid({ message: 'Вкажіть ідентифікатор дії, яку слід залишити' }),
  note: text(2000, { multiline: true }).optional(),
});

export const actInput = requestRef.extend({
  action: z.enum(ACTIONS, { message: `Невідома дія. Можливі: ${ACTIONS.join(', ')}` }),
  input: z.unknown().optional(),
  /** The clerk saw the term warnings (`actionWarnings`) and goes on; without it a warned action is refused. */
  confirmed: z.boolean().optional(),
});

export const listQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Місяць у форматі РРРР-ММ' })
      .optional(),
    status: z.enum([...STATUSES, 'open'] as const).optional(),
    overdue: z.boolean().optional(),
    search: text(500).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type ListQuery = z.input<typeof listQuery>;

export const dueQuery = z.object({
  receivedAt: instant,
  urgent: z.boolean().default(false),
  extended: z.boolean().default(false),
  calendar: z.enum(['martial', 'peacetime', 'auto']).default('auto'),
});

/** Parse or throw an `invalid_input` AppError whose message names each bad field in Ukrainian. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw invalidInput(r.error);
}

/** An `invalid_input` error naming every bad field, for messages and for forms alike. */
export function invalidInput(err: z.ZodError): AppError {
  const fields = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new AppError('invalid_input', formatIssues(err), fields);
}

export function formatIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 8)
    .map((i) => {
      if (i.path.length === 0) return i.message;
      return `${fieldLabel(i.path.map(String).join('.'))}: ${i.message}`;
    })
    .join('; ');
}
