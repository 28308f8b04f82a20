/**
 * The incoming index: the sequence number within the journal's calendar year, with optional
 * parts from a template — `З-{n}` → `З-125`, `{n}/{case}` → `125/01-15`.
 */
export const INDEX_TOKENS = ['n', 'yyyy', 'yy', 'prefix', 'desk', 'case'] as const;

export interface IndexParts {
  n: number;
  year: number;
  prefix: string;
  desk: string;
  caseIndex: string;
}

const TOKEN = /\{([a-z]+)\}/g;

/** Null when the template is usable, otherwise why not (Ukrainian). */
export function templateProblem(template: string): string | null {
  if (!template.includes('{n}')) return 'Шаблон вхідного номера має містити {n} — порядковий номер';
  for (const m of template.matchAll(TOKEN)) {
    if (!(INDEX_TOKENS as readonly string[]).includes(m[1]!)) return `Невідома частина шаблону: {${m[1]}}. Можливі: ${INDEX_TOKENS.map((t) => `{${t}}`).join(' ')}`;
  }
  if (template.length > 60) return 'Шаблон вхідного номера задовгий';
  return null;
}

export function formatIndex(template: string, p: IndexParts): string {
  return template.replace(TOKEN, (_, t: string) => {
    switch (t) {
      case 'n':
        return String(p.n);
      case 'yyyy':
        return String(p.year);
      case 'yy':
        return String(p.year % 100).padStart(2, '0');
      case 'prefix':
        return p.prefix;
      case 'desk':
        return p.desk;
      case 'case':
        return p.caseIndex;
      default:
        return `{${t}}`;
    }
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number `n` that `template` would have to be given to print `index` in that year, or null
 * when it can never print it. Used to refuse a template whose future numbers meet given ones.
 */
export function indexNumberIn(template: string, p: Omit<IndexParts, 'n'>, index: string): number | null {
  let re = '';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    re += escapeRe(template.slice(last, m.index));
    re += m[1] === 'n' ? '([1-9]\\d*)' : escapeRe(formatIndex(`{${m[1]}}`, { ...p, n: 0 }));
    last = m.index! + m[0].length;
  }
  re += escapeRe(template.slice(last));
  const found = new RegExp(`^${re}$`).exec(index);
  if (!found) return null;
  // With {n} more than once the same number is printed in each place.
  const ns = found.slice(1).map(Number);
  return ns.every((x) => x === ns[0]) ? ns[0]! : null;
}
