/**
 * One paper, from making to printing: (for a letter) the outgoing number, then the PDF made by the
 * register — issued for real, so a stamp or letter lands in the request's history — shown in a
 * preview with «Друкувати» and «Зберегти PDF». A modal <dialog>: focus stays inside, Esc closes
 * and goes no further (the card would otherwise take Esc as "back to the journal").
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { DOCUMENT_KIND_LABEL, printerGroupOf, type DocumentKind } from '../shared/documents';
import type { AppErrorData } from '../shared/errors';
import { api } from './api';
import { useShell } from './AppContext';
import { isLetter } from './documentKeys';
import { base64ToBlob, fileName, fileToBase64, saveBlob } from './download';
import { ErrorAlert, SelectField, TextField } from './Fields';

export interface DocRequest {
  kind: DocumentKind;
  /** The scan chosen for `stamp_onto`. */
  scan?: File;
}

interface Made {
  path: string;
  url: string;
  blob: Blob;
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

  // showModal puts the focus on the first button («Закрити»); the clerk's next step is elsewhere.
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    if (letter) document.getElementById('doc-outgoing')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);
  useEffect(() => {
    if (made) printRef.current?.focus();
  }, [made]);

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

  async function make(outgoingIndex?: string) {
    setBusy(true);
    setError(null);
    let onto: string | undefined;
    if (doc.scan) {
      const up = await api.call('files:upload', { name: doc.scan.name, base64: await fileToBase64(doc.scan) });
      if (!up.ok) {
        setBusy(false);
        return setError(up.error);
      }
      onto = up.value.path;
    }
    const r = await api.call('documents:make', {
      kind: doc.kind,
      index: requestId,
      ...(onto ? { onto } : {}),
      ...(outgoingIndex ? { outgoingIndex } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const blob = base64ToBlob(r.value.pdfBase64, 'application/pdf');
    setMade({ path: r.value.path, blob, url: URL.createObjectURL(blob) });
    // The issue is in the request's history now: the card's timeline should show it.
    if (r.value.eventId) changed();
  }

  // Once per dialog, even if React runs the effect twice: a second make would issue a second stamp.
  const started = useRef(false);
  useEffect(() => {
    if (letter || started.current) return;
    started.current = true;
    void make();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once, when the dialog opens
  }, []);

  function submitOutgoing(e: FormEvent) {
    e.preventDefault();
    setAsked(true);
    void make(outgoing.trim() || undefined);
  }

  async function print() {
    if (!made) return;
    setNote(null);
    const r = await api.call('documents:print', { path: made.path, kind: doc.kind, ...(printers.length ? { printer } : {}) });
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
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // Esc stops here: the card listens for Esc on the window to go back to the journal.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
        // The print keys are the card's; inside the dialog they must not open a second one.
        if (/^F\d+$/.test(e.key)) e.stopPropagation();
      }}
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
            <button type="button" onClick={() => saveBlob(made.blob, saveName)}>
              Зберегти PDF
            </button>
            <span className="muted doc-path" title={made.path}>
              {made.path}
            </span>
          </div>
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
