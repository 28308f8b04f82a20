/**
 * Where the stamp goes on the scan, shown and movable before it is issued: a small picture of
 * page 1 with the stamp's frame, the place in millimetres (measured like the settings, from the
 * lower right), arrow keys (1 mm; Shift: 5 mm) or a drag to move it. The dialog re-makes the
 * preview with the chosen place and issues the paper with it.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { StampPlacement } from '../shared/documents';

export interface StampAt {
  rightMm: number;
  bottomMm: number;
}

const WIDTH_PX = 150;

const HOW: Record<StampPlacement['how'], string> = {
  set: 'на звичному місці — там чисто',
  blank: 'на вільному місці скану, найближчому до звичного',
  strip: 'на полі, доданому під сторінкою',
  chosen: 'там, куди ви його перемістили',
};

const round = (v: number) => Math.round(v * 10) / 10;
const mmText = (v: number) => String(round(v)).replace('.', ',');

/** The place kept on the page: a stamp on the added strip starts from the page's lower edge when moved. */
export function clampAt(p: StampPlacement, at: StampAt): StampAt {
  return {
    rightMm: round(Math.max(0, Math.min(p.pageWidthMm - p.widthMm, at.rightMm))),
    bottomMm: round(Math.max(0, Math.min(p.pageHeightMm - p.heightMm, at.bottomMm))),
  };
}

export function StampPlacer({ placement, onMove, onReset }: { placement: StampPlacement; onMove: (at: StampAt) => void; onReset: () => void }) {
  const p = placement;
  const scale = WIDTH_PX / p.pageWidthMm;
  const stripMm = p.bottomMm < 0 ? -p.bottomMm + 5 : 0;
  const drag = useRef<{ x: number; y: number; at: StampAt } | null>(null);
  const at: StampAt = { rightMm: p.rightMm, bottomMm: p.bottomMm };

  function move(dx: number, dy: number) {
    onMove(clampAt(p, { rightMm: at.rightMm - dx, bottomMm: at.bottomMm - dy }));
  }

  function onKey(e: KeyboardEvent) {
    const step = e.shiftKey ? 5 : 1;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    move(d[0]!, d[1]!);
  }

  function onDown(e: PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, y: e.clientY, at };
  }
  function onUp(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    const dx = (e.clientX - d.x) / scale;
    const dy = (e.clientY - d.y) / scale;
    if (Math.abs(dx) + Math.abs(dy) < 0.5) return;
    onMove(clampAt(p, { rightMm: d.at.rightMm - dx, bottomMm: d.at.bottomMm - dy }));
  }

  const describe = `Штамп ${HOW[p.how]}: ${mmText(p.rightMm)} мм від правого краю, ${p.bottomMm < 0 ? 'під сторінкою' : `${mmText(p.bottomMm)} мм від нижнього краю`}.`;
  return (
    <div className="stamp-placer" role="group" aria-label="Місце штампа на скані">
      <div className="stamp-page" style={{ width: WIDTH_PX, height: (p.pageHeightMm + stripMm) * scale }}>
        <div className="stamp-sheet" style={{ height: p.pageHeightMm * scale }} />
        <div
          className="stamp-frame"
          role="slider"
          tabIndex={0}
          aria-label="Штамп: стрілки переміщують на 1 мм, із Shift — на 5 мм"
          aria-valuetext={describe}
          aria-valuenow={p.rightMm}
          aria-valuemin={0}
          aria-valuemax={Math.round(p.pageWidthMm - p.widthMm)}
          data-testid="stamp-frame"
          style={{
            width: p.widthMm * scale,
            height: p.heightMm * scale,
            left: (p.pageWidthMm - p.rightMm - p.widthMm) * scale,
            top: (p.pageHeightMm - p.bottomMm - p.heightMm) * scale,
          }}
          onKeyDown={onKey}
          onPointerDown={onDown}
          onPointerUp={onUp}
        />
      </div>
      <div className="stamp-place-text">
        <p role="status" data-testid="stamp-place">
          {describe}
        </p>
        {!p.seen ? <p className="muted">Вільне місце на цьому скані визначити не вдалося (PDF з текстом або стиснення, яке ми не читаємо).</p> : null}
        <p className="muted">Перетягніть рамку або натисніть на ній стрілки; друкується і зберігається штамп там, де він показаний.</p>
        {p.how === 'chosen' ? (
          <button type="button" className="link" onClick={onReset}>
            Повернути знайдене місце
          </button>
        ) : null}
      </div>
    </div>
  );
}
