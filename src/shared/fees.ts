/**
 * The actual costs of copies (Art. 21 of the Law; CMU resolution No. 740 of 13.07.2011 as restated
 * by No. 4 of 15.01.2020): a percentage of the subsistence minimum for able-bodied persons per page.
 * Pure: the amounts and the holder's rates are dated settings passed in.
 */
import { z } from 'zod';
import { isValidIsoDate } from './calendar';
import type { IsoDate } from './calendar/types';
import type { CostFormat } from './domain';
import { text } from './schemas';

/** The legal maxima per page, % of the subsistence minimum (CMU No. 740 as restated by No. 4 of 2020). */
export const LEGAL_MAX_RATES = { a4: 0.2, a3: 0.3, restricted: 0.4, scan: 0.1 } as const;
export type RateKind = keyof typeof LEGAL_MAX_RATES;

/** Art. 21 part 2: copies are paid for only when there are more than this many pages. */
export const FREE_PAGES = 10;

/** The subsistence minimum for able-bodied persons, UAH, from the date each State Budget law set it. */
export const DEFAULT_SUBSISTENCE_MINIMUM = [
  { from: '2023-01-01', amount: 2684 },
  { from: '2024-01-01', amount: 3028 },
  { from: '2026-01-01', amount: 3328 },
];

const date = z.string().refine(isValidIsoDate, { message: 'Дата у форматі РРРР-ММ-ДД' });
const rate = (k: RateKind) =>
  z
    .number()
    .min(0)
    .max(LEGAL_MAX_RATES[k], { message: `Ставка не може перевищувати ${LEGAL_MAX_RATES[k]} % (постанова КМУ № 740 у редакції № 4 від 15.01.2020)` });

export const feeSettings = z.object({
  subsistenceMinimum: z
    .array(z.object({ from: date, amount: z.number().positive().max(1_000_000) }).strict())
    .max(200)
    .default(DEFAULT_SUBSISTENCE_MINIMUM),
  /**
   * The holder's own rates, each set by its decision (number and date), in force from `from`. None by
   * default: until the holder has decided, copies are free (Art. 21 part 2 lets the holder set them).
   */
  rates: z
    .array(
      z
        .object({
          from: date,
          a4: rate('a4'),
          a3: rate('a3'),
          restricted: rate('restricted'),
          scan: rate('scan'),
          /** The holder's decision that set these rates, cited in the cost notice. */
          decisionNumber: text(100).default(''),
          decisionDate: z.union([date, z.literal('')]).default(''),
        })
        .strict(),
    )
    .max(200)
    .default([]),
  /** Our convention, default per the Law's reading "over 10 pages → all pages are paid"; off: only pages beyond ten. */
  chargeAllPages: z.boolean().default(true),
});
export type FeeSettings = z.output<typeof feeSettings>;

export interface CostInput {
  pages: number;
  format: CostFormat;
  /** Restricted information has to be separated or hidden: the highest rate, any format. */
  restricted?: boolean;
  /** Scanning into digital copies instead of paper copies. */
  scanning?: boolean;
  /** The day the costs are computed for (dated minimum and rates). */
  on: IsoDate;
}

export interface CostResult {
  pages: number;
  chargedPages: number;
  rateKind: RateKind;
  /** % of the subsistence minimum per page. */
  ratePercent: number;
  /** UAH a page, rounded to kopecks: the sum is pages × this, as the requester can check it. */
  perPage: number;
  subsistenceMinimum: number;
  /** UAH, rounded to kopecks only at the end. */
  amount: number;
}

/** The entry of a dated list in force on `on`: the latest `from` not after it. */
export function inForce<T extends { from: IsoDate }>(list: readonly T[], on: IsoDate): T | null {
  let best: T | null = null;
  for (const x of list) if (x.from <= on && (best === null || x.from >= best.from)) best = x;
  return best;
}

export function rateKindOf(input: Pick<CostInput, 'format' | 'restricted' | 'scanning'>): RateKind {
  if (input.restricted) return 'restricted';
  if (input.scanning) return 'scan';
  return input.format === 'A3' ? 'a3' : 'a4';
}

export function computeCost(input: CostInput, fees: FeeSettings): CostResult {
  const rateKind = rateKindOf(input);
  const rates = inForce(fees.rates, input.on);
  const minimum = inForce(fees.subsistenceMinimum, input.on);
  const ratePercent = rates ? rates[rateKind] : 0;
  const over = input.pages > FREE_PAGES;
  const chargedPages = !over ? 0 : fees.chargeAllPages ? input.pages : input.pages - FREE_PAGES;
  // Integers all the way (kopecks × hundredths of a percent) so 0.2 % never picks up binary noise.
  const minKop = Math.round((minimum?.amount ?? 0) * 100);
  const centiPercent = Math.round(ratePercent * 100);
  const perPageKop = Math.round((minKop * centiPercent) / 10_000);
  const amountKop = chargedPages * perPageKop;
  return { pages: input.pages, chargedPages, rateKind, ratePercent, perPage: perPageKop / 100, subsistenceMinimum: minimum?.amount ?? 0, amount: amountKop / 100 };
}

/** `1234.5` → `1 234,50` (Ukrainian grouping and decimal comma). */
export function formatUah(amount: number): string {
  const [int, frac] = amount.toFixed(2).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`;
}
