/**
 * What needs the administrator (besides the Art. 20 confirmation): the statutory terms, the
 * martial-law dates and the whole working-day calendar — every setting that moves a legal term.
 * Pure: the service, the form and the CLI use the same rule and words.
 */
import { z } from 'zod';
import type { Settings } from './settings';
import { statutoryChanges } from './settingsGuards';

export const ADMIN_PASSWORD_MIN = 8;

/** The CLI reads the administrator's password from here (never from the command line, where `ps` shows it). */
export const ADMIN_PASSWORD_ENV = 'REGISTRY_DESK_ADMIN_PASSWORD';

export const WRONG_ADMIN_PASSWORD = 'Невірний пароль адміністратора. Строки, встановлені законом, і календар змінює лише адміністратор. Нічого не змінено.';

export const adminPasswordMissingMessage = (): string =>
  'Пароль адміністратора ще не встановлено, тож строки, встановлені законом, і календар змінити не можна. Адміністратор встановлює його один раз: у «Налаштуваннях» (розділ «Адміністратор») або командою `registry-desk admin-password --db ФАЙЛ` (пароль — зі стандартного вводу). Нічого не змінено.';

/** The settings paths a change of which needs the administrator's password. */
export function adminChanges(before: Settings, next: Settings): string[] {
  const terms = statutoryChanges(before.rules, next.rules).map((k) => `rules.${k}`);
  const calendar = (Object.keys(next.calendar) as (keyof Settings['calendar'])[])
    .filter((k) => JSON.stringify(before.calendar[k]) !== JSON.stringify(next.calendar[k]))
    .map((k) => `calendar.${k}`);
  return [...terms, ...calendar];
}

export const adminPasswordInput = z
  .object({ password: z.string().max(1000), current: z.string().max(1000).optional() })
  .strict();
