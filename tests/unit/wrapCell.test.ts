import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/main/journals/wrapCell';

// One unit a character: widths are easy to reason about.
const m = (s: string) => [...s].length;
const S = '\u00ad';

describe('wrapLines', () => {
  it('breaks at spaces when words fit', () => {
    expect(wrapLines('Копія рішення виконкому', 14, m)).toEqual(['Копія рішення', 'виконкому']);
  });
  it('breaks a word only at a soft hyphen, printing a hyphen, and leaves no soft hyphen in the text', () => {
    const text = `Ін${S}фор${S}ма${S}ція про ді${S}лян${S}ки`;
    const lines = wrapLines(text, 8, m);
    expect(lines).toEqual(['Інформа-', 'ція про', 'ділянки']);
    expect(lines.join('')).not.toContain(S);
  });
  it('uses the rest of a line for the first syllables of the next word', () => {
    // «про ділян-» would be 10 wide: only «ді» fits beside «про».
    expect(wrapLines(`про ді${S}лян${S}ки`, 9, m)).toEqual(['про ді-', 'лянки']);
    expect(wrapLines(`про ді${S}лян${S}ки`, 10, m)).toEqual(['про ділян-', 'ки']);
  });
  it('cuts a word without break points only when it cannot fit any line', () => {
    expect(wrapLines('maria@example.com', 8, m)).toEqual(['maria@ex', 'ample.co', 'm']);
    expect(wrapLines('a\nb c', 5, m)).toEqual(['a', 'b c']);
    expect(wrapLines('', 5, m)).toEqual(['']);
  });
});
