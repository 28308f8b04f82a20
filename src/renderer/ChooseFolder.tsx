/**
 * «Обрати папку…»: the app writes only into folders the person granted, and the system's folder
 * dialog (files:chooseFolder) is how one is granted. The web shell cannot open it and answers why;
 * that answer is shown beside the button and nothing else changes. Every folder field uses this one.
 */
import { useState } from 'react';
import { api } from './api';

export function ChooseFolder({ disabled, onChosen, label }: { disabled?: boolean; onChosen: (folder: string) => void; label?: string }) {
  const [note, setNote] = useState<string | null>(null);

  async function choose() {
    const r = await api.call('files:chooseFolder');
    if (!r.ok) return setNote(r.error.message);
    setNote(null);
    // null: the person closed the dialog without choosing.
    if (r.value.folder) onChosen(r.value.folder);
  }

  return (
    <>
      <button type="button" onClick={() => void choose()} disabled={disabled} aria-label={label ? `Обрати папку… — ${label}` : undefined}>
        Обрати папку…
      </button>
      <p role="status" className="hint">
        {note}
      </p>
    </>
  );
}
