/**
 * A person's name as Ukrainian official letters write it (ДСТУ 4163:2020): the addressee in the dative
 * («Сидоренку Олегу Миколайовичу») and the signer as «Ім'я ПРІЗВИЩЕ». The declension is the `shevchenko`
 * library's (rules plus a trained classifier for adjective-like surnames such as «Білий»), not ours.
 */
import { detectGender, inDative } from 'shevchenko';

const WORD = /^[\p{L}'’ʼ-]+$/u;

/** «Прізвище Ім'я По батькові» (the register's order) split into its parts, or null when it is not one. */
function parts(full: string): { familyName: string; givenName: string; patronymicName: string } | null {
  const w = full.trim().split(/\s+/);
  if (w.length < 2 || w.length > 3 || !w.every((x) => WORD.test(x))) return null;
  return { familyName: w[0]!, givenName: w[1]!, patronymicName: w[2] ?? '' };
}

/** The natural person's name in the dative; anything that is not a plain ПІБ is left as written. */
export async function dativeName(full: string): Promise<string> {
  const p = parts(full);
  if (!p) return full.trim();
  const gender = await detectGender(p);
  if (!gender) return full.trim();
  const d = await inDative({ ...p, gender });
  return [d.familyName, d.givenName, d.patronymicName].filter(Boolean).join(' ');
}

/** «Бабій Наталія Іванівна» or «Наталія Бабій» → «Наталія БАБІЙ»; a name already in capitals is kept. */
export function signatureName(full: string): string {
  const w = full.trim().split(/\s+/);
  if (w.some((x) => x.length > 1 && x === x.toLocaleUpperCase('uk') && /\p{L}/u.test(x))) return full.trim();
  if (w.length === 3) return `${w[1]} ${w[0]!.toLocaleUpperCase('uk')}`;
  if (w.length === 2) return `${w[0]} ${w[1]!.toLocaleUpperCase('uk')}`;
  return full.trim();
}
