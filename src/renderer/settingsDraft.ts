/**
 * The settings form's draft: dates as the clerk types them (ДД.ММ.РРРР), percentages with a decimal
 * comma, turned into the settings document only on save, with every field that cannot be read named.
 */
import type { Settings } from '../shared/settings';
import { templateProblem } from '../shared/incomingIndex';
import { ibanProblem } from '../shared/iban';
import { LEGAL_MAX_RATES, type RateKind } from '../shared/fees';
import { parseUaDate, uaDate } from './format';
import { decimalComma } from '../shared/decimal';

type Rules = Settings['rules'];
export const RATE_KINDS = ['a4', 'a3', 'restricted', 'scan'] as const satisfies readonly RateKind[];

export interface RateDraft {
  from: string;
  a4: string;
  a3: string;
  restricted: string;
  scan: string;
  decisionNumber: string;
  decisionDate: string;
}

export interface Draft {
  council: Settings['council'];
  index: Settings['index'];
  calendar: { mode: Settings['calendar']['mode']; martialLawFrom: string; martialLawTo: string; overrides: { date: string; working: boolean; note: string }[] };
  rules: Record<keyof Rules, string>;
  payment: Settings['payment'];
  fees: { rates: RateDraft[]; chargeAllPages: boolean };
  /** exports.folder and openData.folder: typed or chosen in the folder dialog. */
  folders: { exports: string; openData: string };
}
export type Update = (f: (x: Draft) => Draft) => void;

const percent = decimalComma;

export const toDraft = (s: Settings): Draft => ({
  council: { ...s.council },
  index: { ...s.index },
  calendar: {
    mode: s.calendar.mode,
    martialLawFrom: uaDate(s.calendar.martialLawFrom),
    martialLawTo: s.calendar.martialLawTo ? uaDate(s.calendar.martialLawTo) : '',
    overrides: s.calendar.overrides.map((o) => ({ ...o, date: uaDate(o.date) })),
  },
  rules: Object.fromEntries(Object.entries(s.rules).map(([k, v]) => [k, String(v)])) as Draft['rules'],
  payment: { ...s.payment },
  fees: {
    chargeAllPages: s.fees.chargeAllPages,
    rates: s.fees.rates.map((r) => ({
      from: uaDate(r.from),
      a4: percent(r.a4),
      a3: percent(r.a3),
      restricted: percent(r.restricted),
      scan: percent(r.scan),
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate ? uaDate(r.decisionDate) : '',
    })),
  },
  folders: { exports: s.exports.folder, openData: s.openData.folder },
});

/** The patch to send, or the fields that cannot be read as typed. */
export function toPatch(d: Draft): { patch: Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = (path: string, text: string, optional = false): string | null => {
    if (optional && !text.trim()) return null;
    const iso = parseUaDate(text);
    if (!iso) errors[path] = 'вкажіть існуючу дату у форматі ДД.ММ.РРРР';
    return iso;
  };
  const martialLawFrom = date('calendar.martialLawFrom', d.calendar.martialLawFrom);
  const martialLawTo = date('calendar.martialLawTo', d.calendar.martialLawTo, true);
  const overrides = d.calendar.overrides.map((o, i) => ({ ...o, date: date(`calendar.overrides.${i}.date`, o.date) ?? o.date }));
  const rules: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.rules)) {
    const n = Number(v.trim());
    if (!v.trim() || !Number.isInteger(n)) errors[`rules.${k}`] = 'вкажіть ціле число';
    rules[k] = n;
  }
  const template = templateProblem(d.index.template);
  if (template) errors['index.template'] = template;
  const iban = ibanProblem(d.payment.iban);
  if (iban) errors['payment.iban'] = iban;
  const rates = d.fees.rates.map((r, i) => {
    const at = (f: string) => `fees.rates.${i}.${f}`;
    const out: Record<string, unknown> = { from: date(at('from'), r.from) ?? r.from, decisionNumber: r.decisionNumber.trim() };
    // The cost notice cites the holder's decision: rates without its number and date are not rates.
    if (!r.decisionNumber.trim()) errors[at('decisionNumber')] = 'вкажіть номер рішення, яким встановлено ставки';
    out.decisionDate = date(at('decisionDate'), r.decisionDate) ?? r.decisionDate;
    for (const k of RATE_KINDS) {
      const n = Number(r[k].trim().replace(',', '.'));
      if (!r[k].trim() || !Number.isFinite(n) || n < 0) errors[at(k)] = 'вкажіть відсоток, напр. 0,2';
      else if (n > LEGAL_MAX_RATES[k]) errors[at(k)] = `не більше ${percent(LEGAL_MAX_RATES[k])} % (постанова КМУ № 740)`;
      out[k] = n;
    }
    return out;
  });
  if (Object.keys(errors).length) return { errors };
  return {
    patch: {
      council: d.council,
      index: d.index,
      calendar: { mode: d.calendar.mode, martialLawFrom, martialLawTo, overrides },
      rules,
      payment: d.payment,
      fees: { rates, chargeAllPages: d.fees.chargeAllPages },
      // Parts merge over the stored ones, so the CSV separator and the passport stay as they are.
      exports: { folder: d.folders.exports.trim() },
      openData: { folder: d.folders.openData.trim() },
    },
  };
}
