/**
 * A receipt date far in the past is almost always a typing slip (01.01.1990 for 01.01.2026): it would
 * take a number of a year long closed and show the request overdue at once. Such a date is
 * registered only when the clerk confirms it; before 1991 it is refused outright (`MIN_YEAR`).
 */
import { addDays, type IsoDate } from './calendar';
import { ddmmyyyy as ua } from './journalRows';

/** Further back than this, the date needs the clerk's word: a month covers a letter that lay in the post. */
export const PAST_RECEIPT_DAYS = 31;

/**
 * Null when the date is ordinary; otherwise why it needs confirmation (Ukrainian).
 * `firstYear`: the earliest year of the register's journal, null for an empty register.
 */
export function pastReceiptProblem(received: IsoDate, today: IsoDate, firstYear: number | null): string | null {
  const year = Number(received.slice(0, 4));
  if (firstYear !== null && year < firstYear)
    return `Дата надходження ${ua(received)} — раніше за перший рік цього реєстру (${firstYear}): запит отримає номер ${year} року, і строк відповіді вже минув. Перевірте дату або підтвердьте її.`;
  if (received < addDays(today, -PAST_RECEIPT_DAYS))
    return `Дата надходження ${ua(received)} — більш як на місяць раніше за сьогодні (${ua(today)}): строк відповіді вже минув, запит одразу буде простроченим. Перевірте дату або підтвердьте її.`;
  return null;
}
