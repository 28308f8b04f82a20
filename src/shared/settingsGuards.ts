/**
 * Changes to settings that need a person's explicit word: the statutory terms (they are law, not
 * preferences) and a new index format in a year that already has numbers (the journal would mix
 * two formats). The service refuses such a change without the matching confirmation; the form
 * asks, then sends it again confirmed. Pure: both sides use the same texts.
 */
import { z } from 'zod';
import type { Settings } from './settings';

/** The terms Art. 20 (and Art. 22 part 3) of the Law set; the service caps them at the law's numbers. */
export const STATUTORY_RULES = ['normalDays', 'urgentHours', 'extendedDays', 'noticeDays', 'redirectDays'] as const satisfies readonly (keyof Settings['rules'])[];

export const settingsConfirm = z
  .object({
    /** The administrator confirmed changing a statutory term, having read the article. */
    statutoryTerms: z.boolean().optional(),
    /** The clerk accepted that this year's journal will hold numbers of two formats. */
    templateMidYear: z.boolean().optional(),
    /** The administrator's password, wanted for the statutory terms and the calendar (see adminGuard). */
    adminPassword: z.string().max(1000).optional(),
  })
  .strict();
export type SettingsConfirm = z.output<typeof settingsConfirm>;

/** The field path an error uses to say which confirmation it wants (the form recognises it). */
export const CONFIRM_PATH = { statutoryTerms: 'confirm.statutoryTerms', templateMidYear: 'confirm.templateMidYear', adminPassword: 'confirm.adminPassword' } as const;

export const STATUTORY_ARTICLE =
  'Строки розгляду запиту встановлює стаття 20 Закону України «Про доступ до публічної інформації»: відповідь — не пізніше 5 робочих днів, на терміновий запит — 48 годин, продовження — до 20 робочих днів з повідомленням у 5 робочих днів (ч. 3 ст. 22 — направлення запиту в ті самі 5 днів). Розпорядник може лише скоротити ці строки, не подовжити.';

export function statutoryChanges(before: Settings['rules'], next: Settings['rules']): (typeof STATUTORY_RULES)[number][] {
  return STATUTORY_RULES.filter((k) => before[k] !== next[k]);
}

export const statutoryMessage = (): string =>
  `${STATUTORY_ARTICLE} Змінити їх може лише адміністратор, підтвердивши зміну з посиланням на ст. 20 Закону. Нічого не збережено.`;

export const templateMidYearMessage = (year: number, count: number, before: string, after: string): string =>
  `У ${year} році вже зареєстровано ${count} ${count === 1 ? 'запит' : count < 5 ? 'запити' : 'запитів'} з номерами на зразок «${before}». Після зміни нові номери матимуть вигляд «${after}», і журнал ${year} року поєднає два формати номерів. Підтвердьте зміну або відкладіть її до нового року. Нічого не збережено.`;
