/**
 * One paper, from making to printing: (for a letter) the outgoing number, then the PDF made by the
 * register — issued for real, so a stamp or letter lands in the request's history — shown in a
 * preview with «Друкувати» and «Зберегти PDF». A modal <dialog>: focus stays inside, Esc closes
 * and goes no further (the card would otherwise take Esc as "back to the journal").
 */
import { modalKeys } from './modalKeys';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { DOCUMENT_KIND_LABEL, printerGroupOf, type DocumentKind, type StampPlacement } from '../shared/documents';
import type { AppErrorData } from '../shared/errors';
import { api } from './api';
import { useShell } from './AppContext';
import { isLetter } from './documentKeys';
import { base64ToBlob, fileName, fileToBase64, saveBlob } from './download';
import { ErrorAlert, SelectField, TextField } from './Fields';
import { StampPlacer, type StampAt } from './StampPlacer';

export interface DocRequest {
  kind: DocumentKind;
  /** The scan chosen for `stamp_onto`. */
  scan?: File;
}

interface Made {
  path: string;
  url: string;
  blob: Blob;
  /** A stamp on a scan: where it is; such a paper is a preview until printed or saved. */
  stamp?: StampPlacement;
  issued: boolean;
}

/** Messages about a missing setting name the settings part; the clerk gets a way there. */
const aboutSettings = (e: AppErrorData) => /налаштуван/i.test(e.message);

export function DocumentDialog({ requestId, doc, onClose }: { requestId: string; doc: DocRequest; onClose: () => void }) {
  const { changed } = useShell();
  const ref = useRef<HTMLDialogElement>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const letter = isLetter(doc.kind);
  const [outgoing, setOutgoing] = useState('');
  const [asked, setAsked] = useState(!letter);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [printer, setPrinter] = useState('');
  const [printers, setPrinters] = useState<{ name: string; isDefault: boolean }[]>([]);
  const title = DOCUMENT_KIND_LABEL[doc.kind];
  // The stamp on a scan is placed first (previews, nothing recorded), issued when printed or saved.
  const placing = doc.kind === 'stamp_onto';
  const [at, setAt] = useState<StampAt | null>(null);
  const onto = useRef<string | null>(null);
  const moveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Previews answer out of order on a busy machine: only the latest one is shown.
  const latest = useRef(0);

  // showModal puts the focus on the first button («Закрити»); the clerk's next step is elsewhere.
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    if (letter) document.getElementById('doc-outgoing')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);
  // Focus goes to «Друкувати» when the paper first shows, not on every re-made preview (the clerk may be moving the stamp).
  const shown = Boolean(made);
  useEffect(() => {
    if (shown) printRef.current?.focus();
  }, [shown]);

  // The printers (Electron only) and the one last chosen for this kind's group.
  useEffect(() => {
    void Promise.all([api.call('documents:printers'), api.call('settings:get')]).then(([p, s]) => {
      if (!p.ok || p.value.length === 0) return;
      setPrinters(p.value);
      const remembered = s.ok ? s.value.printers[printerGroupOf(doc.kind)] : '';
      setPrinter(remembered || p.value.find((x) => x.isDefault)?.name || p.value[0]!.name);
    });
  }, [doc.kind]);

  useEffect(() => () => (made ? URL.revokeObjectURL(made.url) : undefined), [made]);

  async function make(outgoingIndex?: string, place?: { preview: boolean; at: StampAt | null }): Promise<Made | null> {
    const seq = ++latest.current;
    setBusy(true);
    setError(null);
    if (doc.scan && !onto.current) {
      // Uploaded once: moving the stamp re-makes the preview from the same file.
      const up = await api.call('files:upload', { name: doc.scan.name, base64: await fileToBase64(doc.scan) });
      if (!up.ok) {
        setBusy(false);
        setError(up.error);
        return null;
      }
      onto.current = up.value.path;
    }
    const r = await api.call('documents:make', {
      kind: doc.kind,
      index: requestId,
      ...(onto.current ? { onto: onto.current } : {}),
      ...(outgoingIndex ? { outgoingIndex } : {}),
      ...(place?.preview ? { preview: true } : {}),
      ...(place?.at ? { stampAt: place.at } : {}),
    });
    if (seq !== latest.current && place?.preview) return null;
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    const blob = base64ToBlob(r.value.pdfBase64, 'application/pdf');
    const next: Made = { path: r.value.path, blob, url: URL.createObjectURL(blob), issued: !place?.preview, ...(r.value.stamp ? { stamp: r.value.stamp } : {}) };
    setMade(next);
    // The issue is in the request's history now: the card's timeline should show it.
    if (r.value.eventId) changed();
    return next;
  }

  /** The paper to print or save: a placed stamp is issued now, where it is shown. */
  async function issued(): Promise<Made | null> {
    if (!made || made.issued || !placing) return made;
    // A preview still waiting for the keys to stop is not needed: the paper is made where the stamp is shown.
    if (moveTimer.current) clearTimeout(moveTimer.current);
    return make(undefined, { preview: false, at });
  }

  function moveStamp(next: StampAt | null) {
    setAt(next);
    // The preview follows once the clerk stops pressing keys.
    if (moveTimer.current) clearTimeout(moveTimer.current);
    moveTimer.current = setTimeout(() => void make(undefined, { preview: true, at: next }), next ? 450 : 0);
  }
  useEffect(() => () => (moveTimer.current ? clearTimeout(moveTimer.current) : undefined), []);

  // Once per dialog, even if React runs the effect twice: a second make would issue a second stamp.
  const started = useRef(false);
  useEffect(() => {
    if (letter || started.current) return;
    started.current = true;
    void make(undefined, placing ? { preview: true, at: null } : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once, when the dialog opens
  }, []);

  function submitOutgoing(e: FormEvent) {
    e.preventDefault();
    setAsked(true);
    void make(outgoing.trim() || undefined);
  }

  async function print() {
    setNote(null);
    const paper = await issued();
    if (!paper) return;
    const r = await api.call('documents:print', { path: paper.path, kind: doc.kind, ...(printers.length ? { printer } : {}) });
    if (r.ok) return setNote(`Надіслано на друк: ${r.value.printer || 'типовий принтер'}.`);
    if (r.error.kind !== 'not_allowed') return setError(r.error);
    // The web shell has no printer of its own: the browser prints the preview instead.
    try {
      frameRef.current?.contentWindow?.focus();
      frameRef.current?.contentWindow?.print();
      setNote('Відкрито друк браузера для цього документа.');
    } catch {
      setNote('Друк напряму тут недоступний: надрукуйте документ з вікна перегляду (Ctrl+P у ньому) або збережіть PDF.');
    }
  }

  const saveName = useMemo(() => (made ? fileName(made.path).replace(/^registry-desk-/, '').replace(/-[0-9a-f]{8}\.pdf$/, '.pdf') : ''), [made]);

  // Portalled to the body: the registration result around it is a live region, and a dialog
  // read out as part of it would be noise.
  return createPortal(
    <dialog
      ref={ref}
      className={`doc-dialog ${made ? 'has-preview' : letter && !asked ? 'asking' : ''}`}
      aria-labelledby="doc-title"
      {...modalKeys(onClose)}
    >
      <div className="doc-head">
        <h2 id="doc-title">{title}</h2>
        <button type="button" className="link" onClick={onClose}>
          Закрити <span className="key-hint">(Esc)</span>
        </button>
      </div>
      {letter && !asked ? (
        <form className="doc-ask" onSubmit={submitOutgoing} noValidate>
          <TextField id="doc-outgoing" label="Вихідний номер листа" hint="необов’язково; дата — сьогоднішня" autoFocus value={outgoing} onChange={setOutgoing} />
          <div className="form-actions">
            <button type="submit" className="primary">
              Сформувати <span className="key-hint">(Enter)</span>
            </button>
          </div>
        </form>
      ) : null}
      {busy ? (
        <p role="status" className="muted">
          {doc.scan ? 'Завантаження скану і накладання штампа…' : 'Формування документа…'}
        </p>
      ) : null}
      {error ? (
        <div className="doc-error">
          <ErrorAlert title="Документ не сформовано:" lines={[error.message]} />
          {aboutSettings(error) ? (
            <a href="#/settings" onClick={onClose}>
              Відкрити налаштування
            </a>
          ) : null}
        </div>
      ) : null}
      {made ? (
        <>
          <div className="doc-tools">
            {printers.length ? (
              <SelectField id="doc-printer" label="Принтер" value={printer} options={printers.map((p) => [p.name, p.isDefault ? `${p.name} (типовий)` : p.name] as const)} onChange={setPrinter} />
            ) : null}
            <button type="button" className="primary" ref={printRef} onClick={() => void print()}>
              Друкувати
            </button>
            <button
              type="button"
              onClick={() =>
                void issued().then((paper) => {
                  if (paper) saveBlob(paper.blob, saveName);
                })
              }
            >
              Зберегти PDF
            </button>
            <span className="muted doc-path" title={made.path}>
              {made.path}
            </span>
          </div>
          {made.stamp ? (
            <StampPlacer placement={at ? { ...made.stamp, ...at, how: 'chosen' } : made.stamp} onMove={moveStamp} onReset={() => moveStamp(null)} />
          ) : null}
          {note ? (
            <p role="status" className="doc-note">
              {note}
            </p>
          ) : null}
          <iframe ref={frameRef} className="doc-preview" title={`Попередній перегляд: ${title}`} src={made.url} data-testid="doc-preview" />
        </>
      ) : null}
    </dialog>,
    document.body,
  );
}
