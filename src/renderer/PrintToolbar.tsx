/**
 * The card's print toolbar: the registration papers with their keys, and the letters the
 * request's history calls for (an extension, a refusal, a redirect, a cost notice), each made
 * through the same preview dialog the card owns.
 */
import type { RequestView } from '../shared/domain';
import type { DocRequest } from './DocumentDialog';
import { LETTER_BUTTON, lettersFor } from './documentKeys';
import { PrintButtons } from './PrintButtons';

export function PrintToolbar({ view, open, active }: { view: RequestView; open: (d: DocRequest) => void; active: boolean }) {
  const letters = lettersFor(view.events);
  return (
    <div className="print-toolbar" role="toolbar" aria-label="Друк документів" data-request-id={view.id}>
      <span className="print-label">Друк</span>
      <PrintButtons requesterType={view.requesterType} open={open} active={active} voided={view.status === 'void'} />
      {letters.length ? (
        <span className="print-letters" role="group" aria-label="Листи">
          <span className="print-label">Листи</span>
          {letters.map((k) => (
            <button key={k} type="button" onClick={() => open({ kind: k })}>
              {LETTER_BUTTON[k]}
            </button>
          ))}
        </span>
      ) : null}
    </div>
  );
}
