/**
 * The blank place for the stamp on a page whose ink is known: the set place when it is clear,
 * else the clear place of the stamp's size nearest to it (so the lower right wins over the top),
 * keeping a small clear border around the stamp so it never touches the request's text.
 */
import type { Box } from './stamp';
import type { InkGrid } from './scanInk';
import { mm } from './pdfDocument';

/** Clear paper kept around the stamp, and the edge a printer cannot print on. */
const HALO = mm(2);
const EDGE = mm(5);

/** Summed-area table of the ink: any rectangle's ink in four look-ups. */
function integral(g: InkGrid): (c0: number, r0: number, c1: number, r1: number) => number {
  const W = g.cols + 1;
  const s = new Uint32Array(W * (g.rows + 1));
  for (let r = 0; r < g.rows; r++) {
    let row = 0;
    for (let c = 0; c < g.cols; c++) {
      row += g.ink[r * g.cols + c]!;
      s[(r + 1) * W + c + 1] = s[r * W + c + 1]! + row;
    }
  }
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  // Cells [c0, c1) × [r0, r1), clipped to the page.
  return (c0, r0, c1, r1) => {
    [c0, c1] = [clamp(c0, g.cols), clamp(c1, g.cols)];
    [r0, r1] = [clamp(r0, g.rows), clamp(r1, g.rows)];
    return s[r1 * W + c1]! - s[r0 * W + c1]! - s[r1 * W + c0]! + s[r0 * W + c0]!;
  };
}

/** Ink under the box and its halo (top-left based points). */
function inkUnder(sum: ReturnType<typeof integral>, g: InkGrid, b: Box): number {
  const c0 = Math.floor((b.x - HALO) / g.cell);
  const r0 = Math.floor((b.y - HALO) / g.cell);
  const c1 = Math.ceil((b.x + b.w + HALO) / g.cell);
  const r1 = Math.ceil((b.y + b.h + HALO) / g.cell);
  return sum(c0, r0, c1, r1);
}

/**
 * A clear box of `preferred`'s size on a page `w × h` points, or null when the page has none.
 * `preferred` is where the settings put the stamp.
 */
export function blankPlace(g: InkGrid, w: number, h: number, preferred: Box): { box: Box; atPreferred: boolean } | null {
  const sum = integral(g);
  if (inkUnder(sum, g, preferred) === 0) return { box: preferred, atPreferred: true };
  const { w: bw, h: bh } = preferred;
  // Anchored by the lower right corner, as the settings measure it: every cell corner within the printable area.
  const right0 = preferred.x + bw;
  const bottom0 = preferred.y + bh;
  let best: Box | null = null;
  let bestD = Infinity;
  for (let bottom = h - EDGE; bottom - bh >= EDGE; bottom -= g.cell) {
    for (let right = w - EDGE; right - bw >= EDGE; right -= g.cell) {
      const box = { x: right - bw, y: bottom - bh, w: bw, h: bh };
      const d = Math.hypot(right - right0, bottom - bottom0);
      if (d >= bestD || inkUnder(sum, g, box) > 0) continue;
      best = box;
      bestD = d;
    }
  }
  return best ? { box: best, atPreferred: false } : null;
}
