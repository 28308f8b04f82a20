/**
 * Which rows of a long table to put in the DOM: those in the scroll container's view plus a margin.
 * Rows have one fixed height (the stylesheet clips their cells), measured from a rendered row so a
 * larger font or zoom still lines up; the rows outside the window are stood in for by two spacers.
 */
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Rows rendered beyond each edge of the view: keyboard steps and quick flicks land on real rows. */
const OVERSCAN = 12;
/** The stylesheet's row height (4rem at 16px) until a row has been measured. */
const GUESS_ROW_PX = 64;
/** Ask for the next page this many rows before the loaded ones run out. */
const NEAR_END_ROWS = 60;

export interface VirtualWindow {
  first: number;
  /** One past the last rendered row. */
  end: number;
  rowPx: number;
  /** Scrolls just enough that row `i` is fully in view (keyboard navigation). */
  reveal: (i: number) => void;
}

export function useVirtualWindow(scroller: RefObject<HTMLElement | null>, count: number, onNearEnd?: () => void): VirtualWindow {
  const [view, setView] = useState({ top: 0, height: 800 });
  const [rowPx, setRowPx] = useState(GUESS_ROW_PX);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    // One state update per frame however many scroll events arrive.
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView({ top: el.scrollTop, height: el.clientHeight });
      });
    };
    onScroll();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller]);

  // Measure a real row once one is rendered.
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>('tbody tr.req-row');
    const h = row?.getBoundingClientRect().height;
    if (h && Math.abs(h - rowPx) > 0.5) setRowPx(h);
  });

  const first = Math.max(0, Math.floor(view.top / rowPx) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowPx) + OVERSCAN);

  useEffect(() => {
    if (onNearEnd && end >= count - NEAR_END_ROWS) onNearEnd();
  }, [end, count, onNearEnd]);

  const reveal = useCallback(
    (i: number) => {
      const el = scroller.current;
      if (!el) return;
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const top = i * rowPx;
      const bottom = top + rowPx + head;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [scroller, rowPx],
  );
  return { first, end, rowPx, reveal };
}
