/** Default periods of the journal and report screens, on the register's own date (not the PC's). */

/** Early in a month the clerk closes the previous one; later, the month in progress is the likely one. */
export const CLOSING_DAYS = 10;

export function defaultJournalMonth(today: string): string {
  const [y, m, d] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  if (d > CLOSING_DAYS) return today.slice(0, 7);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const yearStart = (today: string): string => `${today.slice(0, 4)}-01-01`;

/** `/a/b/Журнал.pdf` with the extension of the chosen format. */
export const withExt = (path: string, ext: string): string => (/\.[a-z0-9]{2,4}$/i.test(path) ? path.replace(/\.[a-z0-9]{2,4}$/i, `.${ext}`) : `${path}.${ext}`);

/** Joins with the separator the folder already uses (Windows or POSIX). */
export const joinPath = (folder: string, name: string): string => {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${sep}${name}`;
};

const MONTH_NAMES = ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'];

/** `2026-11` → «листопад 2026». */
export const monthName = (m: string): string => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/**
 * The months the journal picker offers, newest first: a Ukrainian-named list the keyboard can type
 * into, where the browser's own month input would speak the system's language and order.
 */
export function recentMonths(today: string, count = 36): string[] {
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (--m === 0) (m = 12), y--;
  }
  return out;
}
