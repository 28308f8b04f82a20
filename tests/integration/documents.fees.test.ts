/** The cost calculator of Art. 21 and CMU No. 740 (as restated by No. 4 of 2020): pure, dated settings. */
import { describe, expect, it } from 'vitest';
import { computeCost, formatUah, inForce, LEGAL_MAX_RATES, type FeeSettings } from '../../src/shared/fees';
import { defaultSettings, settingsSchema } from '../../src/shared/settings';

const fees = (): FeeSettings => defaultSettings().fees;

describe('costs of copies', () => {
  it('charges a percentage of the subsistence minimum in force on the day, for all pages by default', () => {
    // 2026: 3 328 UAH; A4 0.2 % → 6.656 UAH a page.
    expect(computeCost({ pages: 40, format: 'A4', on: '2026-11-23' }, fees())).toMatchObject({ chargedPages: 40, ratePercent: 0.2, subsistenceMinimum: 3328, amount: 266.24 });
    // 2025: 3 028 UAH.
    expect(computeCost({ pages: 40, format: 'A4', on: '2025-06-01' }, fees()).amount).toBe(242.24);
    expect(computeCost({ pages: 11, format: 'A3', on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'a3', amount: 109.82 });
    expect(computeCost({ pages: 11, format: 'A4', restricted: true, on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'restricted', amount: 146.43 });
    expect(computeCost({ pages: 11, format: 'A4', scanning: true, on: '2026-01-01' }, fees())).toMatchObject({ rateKind: 'scan', amount: 36.61 });
  });

  it('is free up to ten pages, and charges only pages beyond ten when the holder says so', () => {
    expect(computeCost({ pages: 10, format: 'A4', on: '2026-11-23' }, fees()).amount).toBe(0);
    const overTen = { ...fees(), chargeAllPages: false };
    expect(computeCost({ pages: 40, format: 'A4', on: '2026-11-23' }, overTen)).toMatchObject({ chargedPages: 30, amount: 199.68 });
  });

  it('uses the holder\'s dated rates, and none in force means free copies', () => {
    const own = { ...fees(), rates: [{ from: '2026-07-01', a4: 0.1, a3: 0.15, restricted: 0.2, scan: 0.05 }] };
    expect(computeCost({ pages: 20, format: 'A4', on: '2026-06-30' }, own).amount).toBe(0);
    expect(computeCost({ pages: 20, format: 'A4', on: '2026-07-01' }, own).amount).toBe(66.56);
    expect(inForce([{ from: '2024-01-01' }, { from: '2026-01-01' }, { from: '2023-01-01' }], '2025-12-31')).toEqual({ from: '2024-01-01' });
  });

  it('refuses rates above the legal maxima, and the minimum wage is nowhere', () => {
    const r = settingsSchema.safeParse({ fees: { rates: [{ from: '2026-01-01', a4: 0.3, a3: 0.3, restricted: 0.4, scan: 0.1 }] } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('0.2 %');
    expect(defaultSettings().fees.rates).toEqual([{ from: '2020-01-15', ...LEGAL_MAX_RATES }]);
  });

  it('prints hryvnias the Ukrainian way', () => {
    expect(formatUah(1234.5)).toBe('1 234,50');
    expect(formatUah(3328)).toBe('3 328,00');
  });
});
