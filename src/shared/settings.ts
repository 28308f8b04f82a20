/**
 * Desk settings: one validated document. Each part has defaults, so a fresh register works
 * at once and an older settings document gains new parts without a migration.
 */
import { z } from 'zod';
import { defaultCalendarSettings, isValidIsoDate } from './calendar';
import { DEFAULT_RULES } from './deadlines';
import { edrpouCode, paymentSettings, printerSettings, stampSettings } from './documents';
import { feeSettings } from './fees';
import { templateProblem } from './incomingIndex';
import { text } from './schemas';

const date = z.string().refine(isValidIsoDate, { message: 'Дата у форматі РРРР-ММ-ДД' });

export const councilSettings = z.object({
  name: text(300).default('Виконавчий комітет міської ради'),
  address: text(500).default(''),
  email: text(254).default(''),
  phone: text(60).default(''),
  fax: text(60).default(''),
  website: text(200).default(''),
  /** Where the register of documents is published (Kalush notes, item 1). */
  documentRegisterUrl: text(300).default(''),
  responsiblePerson: text(200).default(''),
  responsiblePosition: text(200).default(''),
  // Requisites of an outgoing letter (ДСТУ 4163:2020) and of the Appendix 4 form.
  /** The higher body printed above the holder in the letterhead, e.g. «Калуська міська рада». */
  higherBody: text(300).default(''),
  /** The holder's ЄДРПОУ code, printed in the letterhead. */
  edrpou: edrpouCode,
  /** A PNG or JPEG of the emblem for the letterhead; empty: none. */
  emblemPath: text(1000).default(''),
  /** The holder's name in the genitive («виконавчого комітету Калуської міської ради»), for Appendix 4 note 1. */
  nameGenitive: text(300).default(''),
  /** Whose website note 1 names, in the genitive («Калуської міської ради»); empty: `nameGenitive`. */
  websiteOwnerGenitive: text(300).default(''),
  /** The responsible person's full ПІБ, which Art. 22 part 4 asks a refusal to name. */
  responsibleFullName: text(200).default(''),
  /** Who receives requests and signs the receipt (Appendix 3): the clerk's name and position. */
  clerkName: text(200).default(''),
  clerkPosition: text(200).default(''),
  /** The executor's phone for the «відмітка про виконавця»; empty: the holder's phone. */
  executorPhone: text(60).default(''),
});

export const indexSettings = z.object({
  template: text(60)
    .default('З-{n}')
    .refine((t) => templateProblem(t) === null, { message: 'Шаблон має містити {n} і лише відомі частини: {n} {yyyy} {yy} {prefix} {desk} {case}' }),
  journal: text(40).default('запити'),
  prefix: text(20).default('З'),
  deskCode: text(20).default('01'),
  caseIndex: text(40).default(''),
});

export const calendarSettings = z.object({
  mode: z.enum(['auto', 'martial', 'peacetime']).default('auto'),
  martialLawFrom: date.default(defaultCalendarSettings().martialLawFrom),
  martialLawTo: date.nullable().default(null),
  overrides: z.array(z.object({ date, working: z.boolean(), note: text(200).default('') })).max(1000).default([]),
});

/** A term the council may shorten but never stretch past the law's number. */
const statutory = (max: number, unit: string, article: string, fallback: number) =>
  z
    .number({ message: 'Потрібне ціле число' })
    .int({ message: 'Потрібне ціле число' })
    .min(1, { message: 'Щонайменше 1' })
    .max(max, { message: `Не більше ${max} ${unit}: так встановлює ${article} Закону «Про доступ до публічної інформації»` })
    .default(fallback);

export const rulesSettings = z.object({
  normalDays: statutory(5, 'робочих днів', 'ч. 1 ст. 20', DEFAULT_RULES.normalDays),
  extendedDays: statutory(20, 'робочих днів', 'ч. 4 ст. 20', DEFAULT_RULES.extendedDays),
  urgentHours: statutory(48, 'годин', 'ч. 2 ст. 20', DEFAULT_RULES.urgentHours),
  noticeDays: statutory(5, 'робочих днів', 'ч. 4 ст. 20', DEFAULT_RULES.noticeDays),
  redirectDays: statutory(5, 'робочих днів', 'ч. 3 ст. 22', DEFAULT_RULES.redirectDays),
  afterPaymentDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.afterPaymentDays),
});

/** Journal and report exports. `;` by default: Excel in the Ukrainian locale splits CSV on it. */
export const exportSettings = z.object({
  csvSeparator: z.enum([';', ',']).default(';'),
  /** Where the UI proposes to write journals and reports; empty: «Експорт» beside the register file. */
  folder: text(1000).default(''),
});

/** The open-data set «Звіт щодо задоволення запитів на інформацію» and its passport (CMU No. 835). */
export const openDataSettings = z.object({
  /** The folder the council publishes from; `opendata` writes there when no other folder is given. */
  folder: text(1000).default(''),
  identifier: text(100).default('zapyty-na-informatsiiu'),
  title: text(254).default('Звіт щодо задоволення запитів на інформацію'),
  description: text(4000, { multiline: true }).default(
    'Щомісячні узагальнені показники розгляду запитів на публічну інформацію: кількість запитів за способом надходження, категорією запитувача, результатом розгляду, продовженням строку та дотриманням строків. Персональні дані не містяться.',
  ),
  purpose: text(1000).default('Забезпечення прозорості розгляду запитів на публічну інформацію'),
  maintainer: text(200).default(''),
  email: text(254).default(''),
  keywords: z.array(text(60)).max(30).default(['запити на інформацію', 'публічна інформація', 'доступ до інформації', 'звіт']),
  licence: text(200).default('Creative Commons Attribution 4.0 (CC BY 4.0)'),
  updateFrequency: text(100).default('щомісяця'),
  /** First publication; empty: taken from the first `opendata` export. */
  publishedAt: z.union([date, z.literal('')]).default(''),
});

export const settingsSchema = z
  .object({
    council: councilSettings.strict().prefault({}),
    index: indexSettings.strict().prefault({}),
    calendar: calendarSettings.strict().prefault({}),
    rules: rulesSettings.strict().prefault({}),
    // Documents (stamp, cost notice, printing): their schemas live beside the code that uses them.
    stamp: stampSettings.strict().prefault({}),
    fees: feeSettings.strict().prefault({}),
    payment: paymentSettings.strict().prefault({}),
    printers: printerSettings.strict().prefault({}),
    exports: exportSettings.strict().prefault({}),
    openData: openDataSettings.strict().prefault({}),
  })
  .strict();
export type Settings = z.output<typeof settingsSchema>;

/** A partial update: each given part is merged over the stored one, then the whole is validated. */
export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };

export function mergeSettings(current: Settings, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    const base = (current as Record<string, unknown>)[k];
    out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof base === 'object' ? { ...base, ...v } : v;
  }
  return out;
}

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** A part of the stored settings that could not be kept, and why (shown in Settings, printed by the CLI). */
export interface DroppedSetting {
  /** Dotted path, e.g. `rules.normalDays`; empty for the whole document. */
  path: string;
  message: string;
}

const SECTIONS = {
  council: councilSettings,
  index: indexSettings,
  calendar: calendarSettings,
  rules: rulesSettings,
  stamp: stampSettings,
  fees: feeSettings,
  payment: paymentSettings,
  printers: printerSettings,
  exports: exportSettings,
  openData: openDataSettings,
} satisfies Record<keyof Settings, z.ZodObject>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a stored settings document part by part: every valid field is kept, every invalid or
 * unknown one falls back to its default and is reported. A desk never silently loses its council
 * name because an older version wrote one field this version no longer accepts.
 */
export function parseSettingsLeniently(raw: unknown): { settings: Settings; dropped: DroppedSetting[] } {
  const dropped: DroppedSetting[] = [];
  if (!isPlainObject(raw)) {
    if (raw !== undefined) dropped.push({ path: '', message: 'Збережені налаштування не є об’єктом JSON; застосовано типові' });
    return { settings: defaultSettings(), dropped };
  }
  const kept: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(raw)) {
    const section = (SECTIONS as Record<string, z.ZodObject>)[name];
    if (!section) {
      dropped.push({ path: name, message: 'Невідомий розділ налаштувань' });
      continue;
    }
    if (!isPlainObject(value)) {
      dropped.push({ path: name, message: 'Розділ має бути об’єктом; застосовано типові значення' });
      continue;
    }
    const part: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(value)) {
      const schema = section.shape[field] as z.ZodType | undefined;
      if (!schema) {
        dropped.push({ path: `${name}.${field}`, message: 'Невідоме поле' });
        continue;
      }
      const r = schema.safeParse(v);
      if (r.success) part[field] = v;
      else dropped.push({ path: `${name}.${field}`, message: r.error.issues[0]?.message ?? 'Некоректне значення' });
    }
    kept[name] = part;
  }
  const whole = settingsSchema.safeParse(kept);
  if (whole.success) return { settings: whole.data, dropped };
  // A rule across fields of one section: that section falls back as a whole.
  for (const issue of whole.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name in kept) {
      dropped.push({ path: issue.path.join('.'), message: issue.message });
      delete kept[name];
    }
  }
  return { settings: settingsSchema.parse(kept), dropped };
}

/** Sets one dotted path (`council.responsiblePerson`) in a patch; the path must name a known field. */
export function settingsPathType(path: string): 'string' | 'number' | 'boolean' | 'json' | null {
  const [name, field, ...rest] = path.split('.');
  const section = name ? (SECTIONS as Record<string, z.ZodObject>)[name] : undefined;
  if (!section || !field || rest.length || !(field in section.shape)) return null;
  const sample = (defaultSettings() as unknown as Record<string, Record<string, unknown>>)[name!]![field];
  if (typeof sample === 'string') return 'string';
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return 'json';
}
