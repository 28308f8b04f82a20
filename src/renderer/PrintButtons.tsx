/**
 * The print buttons of one request — stamp sheet, stamped copy, stamp on a scan, receipt, form —
 * each with its key, working wherever the buttons are on screen (the card, the registration
 * result). The keys are listened for on the window so they work with the cursor in any field.
 */
import { useEffect, useRef } from 'react';
import type { RequesterType } from '../shared/domain';
import type { DocRequest } from './DocumentDialog';
import { keyName, kindOf, PRINT_KEYS, printKeyOf, type PrintKey } from './documentKeys';

const MAX_SCAN = 60 * 1024 * 1024;

/**
 * `voided`: the number was voided — the papers confirming a registration (stamp, receipt) are not
 * offered and their keys do nothing; the Appendix 4 form stays.
 */
export function PrintButtons({ requesterType, open, active, voided = false }: { requesterType: RequesterType; open: (d: DocRequest) => void; active: boolean; voided?: boolean }) {
  const keys = voided ? PRINT_KEYS.filter((k) => k.choice === 'form') : PRINT_KEYS;
  const fileRef = useRef<HTMLInputElement>(null);
  const openRef = useRef(open);
  openRef.current = open;

  function choose(k: PrintKey) {
    if (k.choice === 'stamp_onto') fileRef.current?.click();
    else openRef.current({ kind: kindOf(k.choice, requesterType) });
  }

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const k = printKeyOf(e);
      if (!k || e.defaultPrevented || !keys.includes(k)) return;
      e.preventDefault();
      choose(k);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- choose reads refs and requesterType only
  }, [active, requesterType, voided]);

  return (
    <>
      {keys.map((k) => (
        <button key={k.choice} type="button" aria-keyshortcuts={keyName(k)} onClick={() => choose(k)}>
          {k.label} <span className="key-hint">({keyName(k)})</span>
        </button>
      ))}
      <input
        ref={fileRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Файл скану запиту (PDF, PNG або JPEG)"
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > MAX_SCAN) return window.alert('Скан більший за 60 МБ: зменште роздільність сканування.');
          openRef.current({ kind: 'stamp_onto', scan: file });
        }}
      />
    </>
  );
}
