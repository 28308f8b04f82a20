import { describe, expect, it } from 'vitest';
import { decimalComma, percentText } from '../../src/shared/decimal';

describe('numbers in Ukrainian text', () => {
  it('writes a decimal comma and a per-cent sign after an unbreakable space', () => {
    expect(decimalComma(0.2)).toBe('0,2');
    expect(decimalComma(12)).toBe('12');
    expect(percentText(2, 9)).toBe('22,2\u00a0%');
    expect(percentText(1, 3)).toBe('33,3\u00a0%');
    expect(percentText(3, 3)).toBe('100\u00a0%');
    expect(percentText(0, 0)).toBe('0\u00a0%');
  });
});
