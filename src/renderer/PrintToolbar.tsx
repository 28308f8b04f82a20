/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────┐
 * │ RESERVED: print buttons go here — registration stamp (Appendix 3 item 8), the        │
 * │ visitor's receipt, letters (extension, refusal, redirect, cost notice).             │
 * │ Printing is built by another engineer; the slot is in the card now so the buttons    │
 * │ land where the clerk already looks, and the layout does not move when they arrive.  │
 * └──────────────────────────────────────────────────────────────────────────────────────┘
 * It gets the whole request so each button can decide whether its document applies.
 */
import type { RequestView } from '../shared/domain';

export function PrintToolbar({ view }: { view: RequestView }) {
  return (
    <div className="print-toolbar" role="toolbar" aria-label="Друк документів" data-request-id={view.id}>
      <span className="print-label">Друк</span>
      <span className="muted">Штамп, розписка та листи з’являться тут.</span>
    </div>
  );
}
