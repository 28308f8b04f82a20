/**
 * A Ukrainian IBAN (NBU resolution No. 162 of 28.12.2018, ISO 13616): «UA», two check digits, the
 * bank's 6-digit MFO and a 19-character account — 29 characters. The check digits are verified by
 * ISO 7064 MOD 97-10, so one mistyped or swapped digit is caught before it reaches a cost notice.
 */

/** The IBAN as the clerk pasted it, without spaces, in capitals. */
export const normalizeIban = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

/** ISO 7064 MOD 97-10 over the rearranged IBAN (letters as 10…35), digit by digit so no big numbers are needed. */
export function ibanChecksumOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Null when `raw` is empty (not set) or a valid Ukrainian IBAN; otherwise what is wrong, in Ukrainian. */
export function ibanProblem(raw: string): string | null {
  const s = normalizeIban(raw);
  if (s === '') return null;
  if (!/^UA\d{2}[0-9A-Z]{25}$/.test(s)) return 'IBAN має починатися з UA і мати 29 знаків (UA, 2 контрольні цифри, 6 цифр МФО банку, 19 знаків рахунку)';
  if (!/^UA\d{27}$/.test(s)) return 'IBAN українського рахунку після UA містить лише цифри';
  if (!ibanChecksumOk(s)) return 'IBAN містить помилку: контрольні цифри не збігаються (перевірте, чи не пропущено або не переставлено цифру)';
  return null;
}
