/**
 * The scans kept with a request, on its card: each can be opened (a viewer inside the app, since
 * the desktop shell opens no new windows), printed from that viewer, and removed with a reason.
 * Removal is an event in the history that travels to every desk; the bytes stay in the register.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { AttachmentInfo } from '../shared/attachments';
import type { RequestView } from '../shared/domain';
import { api } from './api';
import { base64ToBlob } from './download';
import { ErrorAlert, TextField } from './Fields';
import { escapeCancels, modalKeys } from './modalKeys';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} КБ`;

export function CardAttachments({ v, onChanged }: { v: RequestView; onChanged: (done: string) => void }) {
  const [viewing, setViewing] = useState<{ a: AttachmentInfo; print: boolean } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  if (v.attachments.length === 0) return null;
  return (
    <section className="panel attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title" className="subhead">
        Скани
      </h2>
      <ul className="plain">
        {v.attachments.map((a) => (
          <li key={a.id} data-testid="attachment">
            <span>
              {a.name} ({kb(a.size)})
            </span>
            <button type="button" onClick={() => setViewing({ a, print: false })} aria-label={`Відкрити скан ${a.name}`}>
              Відкрити
            </button>
            <button type="button" onClick={() => setViewing({ a, print: true })} aria-label={`Друкувати скан ${a.name}`}>
              Друкувати
            </button>
            <button type="button" className="danger-outline" aria-expanded={removing === a.id} onClick={() => setRemoving(removing === a.id ? null : a.id)} aria-label={`Вилучити скан ${a.name}`}>
              Вилучити…
            </button>
            {removing === a.id ? (
              <RemoveScan
                v={v}
                a={a}
                onCancel={() => setRemoving(null)}
                onDone={() => {
                  setRemoving(null);
                  onChanged(`Скан «${a.name}» вилучено; причину збережено в історії.`);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {viewing ? <ScanViewer a={viewing.a} printOnOpen={viewing.print} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}

function RemoveScan({ v, a, onCancel, onDone }: { v: RequestView; a: AttachmentInfo; onCancel: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setError('Вкажіть причину, з якої скан вилучено');
    setBusy(true);
    const r = await api.call('attachments:remove', { index: v.id, attachmentId: a.id, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onDone();
  }
  return (
    <form
      className="removing"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => escapeCancels(e, onCancel)}
    >
      <TextField id={`remove-${a.id}`} label="Причина вилучення скану" autoFocus value={reason} error={error ?? undefined} onChange={setReason} />
      <div className="row">
        <button type="submit" className="danger" disabled={busy}>
          Вилучити скан
        </button>
        <button type="button" onClick={onCancel}>
          Скасувати <span className="key-hint">(Esc)</span>
        </button>
      </div>
    </form>
  );
}

/** A modal viewer for one scan (PDF or image); «Друкувати» prints what it shows. */
function ScanViewer({ a, printOnOpen, onClose }: { a: AttachmentInfo; printOnOpen: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    let made: string | null = null;
    void api.call('attachments:get', { id: a.id }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      made = URL.createObjectURL(base64ToBlob(r.value.base64, r.value.mime));
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [a.id]);
  function print() {
    try {
      frameRef.current?.contentWindow?.focus();
      frameRef.current?.contentWindow?.print();
      setNote('Відкрито друк для цього скану.');
    } catch {
      setNote('Друк звідси недоступний: натисніть Ctrl+P у вікні перегляду.');
    }
  }
  return createPortal(
    <dialog
      ref={ref}
      className="doc-dialog has-preview"
      aria-labelledby="scan-title"
      data-testid="scan-viewer"
      {...modalKeys(onClose)}
    >
      <div className="doc-head">
        <h2 id="scan-title">Скан: {a.name}</h2>
        <button type="button" className="link" onClick={onClose}>
          Закрити <span className="key-hint">(Esc)</span>
        </button>
      </div>
      {error ? <ErrorAlert title="Скан не відкрито:" lines={[error]} /> : null}
      {url ? (
        <>
          <div className="doc-tools">
            <button type="button" className="primary" autoFocus onClick={print}>
              Друкувати
            </button>
          </div>
          {note ? (
            <p role="status" className="doc-note">
              {note}
            </p>
          ) : null}
          <iframe
            ref={frameRef}
            className="doc-preview"
            title={`Скан: ${a.name}`}
            src={url}
            data-testid="scan-frame"
            data-mime={a.mime}
            onLoad={() => {
              if (printOnOpen) print();
            }}
          />
        </>
      ) : error ? null : (
        <p role="status" className="muted">
          Завантаження скану…
        </p>
      )}
    </dialog>,
    document.body,
  );
}
