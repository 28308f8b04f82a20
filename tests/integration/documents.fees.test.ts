/** The cost calculator of Art. 21 and CMU No. 740 (as restated by No. 4 of 2020): pure, dated settings. */
import { describe, expect, it } from 'vitest';
import { computeCost, formatUah, inForce, LEGAL_MAX_RATES, type FeeSettings } from '../../src/shared/fees';
import { defaultSettings, settingsSchema } from '../../src/shared/settings';

/** The Kalush-like holder that decided on the legal maxima. */
const DECIDED = { from: '2020-01-15', ...LEGAL_MAX_RATES, decisionNumber: '15', decisionDate: '2020-01-14' };
const fees = (): FeeSettings => ({ ...defaultSettings().fees, rates: [DECIDED] });

describe('costs of copies', () => {
  it('charges a percentage of the subsistence minimum in force on the day, the page price rounded to kopecks', () => {
    // 2026: 3 328 UAH; A4 0.2 % → 6.656 → 6.66 UAH a page; 40 pages → 266.40.
    expect(computeCost({ pages: 40, format: 'A4', on: '2026-11-23' }, fees())).toMatchObject({ chargedPages: 40, ratePercent: 0.2, perPage: 6.66, subsistenceMinimum: 3328, amount: 266.4 });
    // 2025: 3 028 UAH → 6.056 → 6.06 a page.
    expect(computeCost({ pages: 40, format: 'A4', on: '2025-06-01' }, fees()).amount).toBe(242.4);
    expect(computeCost({ pages: 11, format: 'A3', on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'a3', perPage: 9.98, amount: 109.78 });
    expect(computeCost({ pages: 11, format: 'A4', restricted: true, on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'restricted', perPage: 13.31, amount: 146.41 });
    // 3.328 rounds up to 3.33.
    expect(computeCost({ pages: 11, format: 'A4', scanning: true, on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'scan', perPage: 3.33, amount: 36.63 });
  });

  it('has no rates until the holder enters its own decision: copies are free by default', () => {
    expect(defaultSettings().fees.rates).toEqual([]);
    expect(computeCost({ pages: 40, format: 'A4', on: '2026-11-23' }, defaultSettings().fees).amount).toBe(0);
  });

  it('is free up to ten pages, and charges only pages beyond ten when the holder says so', () => {
    expect(computeCost({ pages: 10, format: 'A4', on: '2026-11-23' }, fees()).amount).toBe(0);
    const overTen = { ...fees(), chargeAllPages: false };
    expect(computeCost({ pages: 40, format: 'A4', on: '2026-11-23' }, overTen)).toMatchObject({ chargedPages: 30, amount: 199.8 });
  });

  it('uses the holder\'s dated rates, and none in force means free copies', () => {
    const own = { ...fees(), rates: [{ from: '2026-07-01', a4: 0.1, a3: 0.15, restricted: 0.2, scan: 0.05, decisionNumber: '412', decisionDate: '2026-06-16' }] };
    expect(computeCost({ pages: 20, format: 'A4', on: '2026-06-30' }, own).amount).toBe(0);
    expect(computeCost({ pages: 20, format: 'A4', on: '2026-07-01' }, own).amount).toBe(66.6);
    expect(inForce([{ from: '2024-01-01' }, { from: '2026-01-01' }, { from: '2023-01-01' }], '2025-12-31')).toEqual({ from: '2024-01-01' });
  });

  it('refuses rates above the legal maxima, and the minimum wage is nowhere', () => {
    const r = settingsSchema.safeParse({ fees: { rates: [{ from: '2026-01-01', a4: 0.3, a3: 0.3, restricted: 0.4, scan: 0.1 }] } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('0.2 %');
  });

  it('prints hryvnias the Ukrainian way', () => {
    expect(formatUah(1234.5)).toBe('1 234,50');
    expect(formatUah(3328)).toBe('3 328,00');
  });
});
