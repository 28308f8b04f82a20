/**
 * Desk settings: one validated document. Each part has defaults, so a fresh register works
 * at once and an older settings document gains new parts without a migration.
 */
import { z } from 'zod';
import { defaultCalendarSettings, isValidIsoDate } from './calendar';
import { DEFAULT_RULES } from './deadlines';
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

export const rulesSettings = z.object({
  normalDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.normalDays),
  extendedDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.extendedDays),
  urgentHours: z.number().int().min(1).max(240).default(DEFAULT_RULES.urgentHours),
  noticeDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.noticeDays),
  redirectDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.redirectDays),
  afterPaymentDays: z.number().int().min(1).max(60).default(DEFAULT_RULES.afterPaymentDays),
});

export const settingsSchema = z
  .object({
    council: councilSettings.strict().prefault({}),
    index: indexSettings.strict().prefault({}),
    calendar: calendarSettings.strict().prefault({}),
    rules: rulesSettings.strict().prefault({}),
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
