/** Numbers as Ukrainian text writes them: a decimal comma, never a point (issue 10: on screen and in CSV text). */
export const decimalComma = (n: number): string => String(n).replace('.', ',');

/** A share in per cent to one decimal, «22,2 %» — the space before the sign as ДСТУ writes it, unbreakable. */
export const percentText = (part: number, whole: number): string => `${decimalComma(whole ? Math.round((part / whole) * 1000) / 10 : 0)}\u00a0%`;
