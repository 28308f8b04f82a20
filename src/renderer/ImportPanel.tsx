/**
 * Importing an old journal (XLSX or CSV): choose the file, see a dry run — the columns found, the
 * rows that would be imported, every refused row with its reason — correct the column mapping by
 * Excel's letters if needed, then import. The check and the import run as jobs in a worker; the
 * import can be cancelled to its last row, and a screen left mid-import finds it again on return.
 */
import { useEffect, useRef, useState } from 'react';
import { columnLetter, IMPORT_FIELD_LABELS } from '../shared/importFields';
import type { ImportField, ImportMapping as Mapping } from '../shared/journalInputs';
import { api } from './api';
import { useShell } from './AppContext';
import { fileToBase64 } from './download';
import { ErrorAlert } from './Fields';
import { uaDateTime } from './format';
import { ImportMapping } from './ImportMapping';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** The part of the import report the screen shows (see services/import.ts). */
interface ImportReport {
  dryRun: boolean;
  format: string;
  encoding: string | null;
  sheet: string | null;
  headerLine: number;
  columns: Partial<Record<ImportField, number>>;
  samples: { column: number; letter: string; header: string; values: string[] }[];
  rows: number;
  emptyRows: number;
  imported: number;
  open: number;
  refused: number;
  problems: { line: number; index: string; reason: string }[];
  warnings: { line: number; index: string; message: string }[];
  counters: { year: number; last: number }[];
  preview: { line: number; index: string; receivedAt: string; requesterName: string; result: string | null; unknown: string[] }[];
}

const MAX_FILE = 60 * 1024 * 1024;

const RESULT_LABELS: Record<string, string> = {
  answered: 'відповідь надано',
  refused: 'відмовлено',
  redirected: 'направлено за належністю',
  not_considered: 'залишено без розгляду',
  voided: 'анульовано',
};

const ENCODING_LABELS: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1251': 'Windows-1251 (кирилиця)' };

export function ImportPanel() {
  const { changed } = useShell();
  const [file, setFile] = useState<{ name: string; path: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  /** The clerk's own choices (field → column letter or «-»), on top of what was recognised. */
  const [chosen, setChosen] = useState<Partial<Record<ImportField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  /** The header row when it was not recognised: the clerk names it, then chooses the columns. */
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [headerHint, setHeaderHint] = useState<string | null>(null);
  const dry = useJob();
  const run = useJob();
  const report = dry.job?.state === 'done' ? (dry.job.result as ImportReport) : null;

  // Headers nobody recognises («Номер», «Коли»…): instead of a dead end, take row 1 as the header
  // and show its columns, so the clerk can say by letters which is which.
  useEffect(() => {
    const j = dry.job;
    if (!file || headerRow !== undefined || j?.state !== 'failed' || !/рядок заголовків/.test(j.error?.message ?? '')) return;
    setHeaderHint('Заголовки колонок не розпізнано. Перевірте рядок заголовків і вкажіть нижче, у якій колонці вхідний номер і дата надходження.');
    setHeaderRow(1);
    void dry.start(api.call('import:preview', { file: file.path, mapping: { headerRow: 1, columns: {}, encoding: 'auto' } }));
  }, [dry, file, headerRow]);

  // An import still running when the clerk comes back to this screen is shown again, with «Скасувати».
  useEffect(() => {
    void api.call('jobs:status', {}).then((r) => {
      const running = r.ok ? r.value.find((j) => j.kind === 'import:run' && j.state === 'running') : undefined;
      if (running) run.adopt(running);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const mappingFor = (columns: Partial<Record<ImportField, string>>, headerRow?: number): Mapping | undefined =>
    Object.keys(columns).length ? ({ columns, encoding: 'auto', ...(headerRow ? { headerRow } : {}) } as Mapping) : undefined;

  async function choose(f: File | undefined) {
    if (!f) return;
    setProblem(null);
    if (f.size > MAX_FILE) return setProblem('Файл більший за 60 МБ.');
    setUploading(true);
    const up = await api.call('files:upload', { name: f.name, base64: await fileToBase64(f) });
    setUploading(false);
    if (!up.ok) return setProblem(up.error.message);
    setFile({ name: f.name, path: up.value.path });
    setChosen({});
    setHeaderRow(undefined);
    setHeaderHint(null);
    run.reset();
    void dry.start(api.call('import:preview', { file: up.value.path }));
  }

  /** The header stays where it was found (or named): a new choice of column must not move it. */
  const header = () => headerRow ?? (report?.headerLine || undefined);

  function check(columns: Partial<Record<ImportField, string>>, row: number | undefined) {
    if (!file) return;
    run.reset();
    const m = mappingFor(columns, row) ?? (row ? ({ headerRow: row, columns: {}, encoding: 'auto' } as Mapping) : undefined);
    void dry.start(api.call('import:preview', { file: file.path, ...(m ? { mapping: m } : {}) }));
  }

  function remap(field: ImportField, letter: string) {
    const next = { ...chosen, [field]: letter };
    setChosen(next);
    check(next, header());
  }

  function changeHeaderRow(n: number) {
    if (!Number.isInteger(n) || n < 1 || n > 1000) return;
    setHeaderRow(n);
    check(chosen, n);
  }

  function importNow() {
    if (!file) return;
    const m = mappingFor(chosen, header());
    void run.start(api.call('import:run', { file: file.path, ...(m ? { mapping: m } : {}) })).then(changed);
  }

  return (
    <section className="panel" aria-labelledby="im-title">
      <h2 id="im-title">Імпорт журналу з XLSX або CSV</h2>
      <div className="row wrap">
        <div className="field">
          <label htmlFor="im-file">Файл журналу</label>
          {/* The browser's own file control speaks the system's language («Choose File»): our button speaks Ukrainian. */}
          <input
            ref={fileRef}
            id="im-file"
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            disabled={run.running}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <div className="row">
            <button type="button" disabled={run.running} aria-describedby="im-file-name" onClick={() => fileRef.current?.click()}>
              Обрати файл…
            </button>
            <span id="im-file-name" className={file ? undefined : 'muted'}>
              {file ? file.name : 'файл не обрано'}
            </span>
          </div>
        </div>
      </div>
      {uploading ? <p role="status" className="muted">Передавання файлу…</p> : null}
      {problem ? <ErrorAlert lines={[problem]} /> : null}
      <JobProgress handle={dry} label="Перевірка файлу" done={() => null} />
      {headerHint ? <p className="hint" role="status">{headerHint}</p> : null}
      {report ? (
        <div className="field narrow">
          <label htmlFor="im-header">Рядок заголовків</label>
          <input id="im-header" type="number" min={1} max={1000} value={header() ?? 1} disabled={dry.running || run.running} onChange={(e) => changeHeaderRow(Number(e.target.value))} />
        </div>
      ) : null}
      {report ? <ImportMapping samples={report.samples} columns={report.columns} disabled={dry.running || run.running} onChange={remap} /> : null}
      {report ? <ImportPreview report={report} name={file?.name ?? ''} /> : null}
      {report && report.imported > 0 && !run.job ? (
        <div className="form-actions">
          <button type="button" className="primary" disabled={dry.running} onClick={importNow}>
            Імпортувати {report.imported}
          </button>
        </div>
      ) : null}
      <JobProgress
        handle={run}
        label="Імпорт"
        done={(j) => {
          const r = j.result as ImportReport;
          return (
            <p className="done-box">
              Імпортовано записів: {r.imported} (з них на розгляді: {r.open}); відхилено: {r.refused}. {r.counters.map((c) => `Наступний номер ${c.year} року: ${c.last + 1}.`).join(' ')}
            </p>
          );
        }}
      />
    </section>
  );
}

function ImportPreview({ report: r, name }: { report: ImportReport; name: string }) {
  const found = (Object.entries(r.columns) as [ImportField, number][]).sort((a, b) => a[1] - b[1]);
  return (
    <div className="import-preview">
      <p>
        <strong>{name}</strong>: {r.format.toUpperCase()}
        {r.encoding ? `, кодування ${ENCODING_LABELS[r.encoding] ?? r.encoding}` : ''}
        {r.sheet ? `, аркуш «${r.sheet}»` : ''}, заголовок у рядку {r.headerLine}. Рядків з даними: {r.rows}, порожніх: {r.emptyRows}.
      </p>
      <p>
        Буде імпортовано: <strong data-testid="import-count">{r.imported}</strong>
        {r.open ? (
          <>
            {' '}(з них на розгляді: <strong data-testid="import-open">{r.open}</strong>)
          </>
        ) : null}
        ; не можна імпортувати: <strong>{r.refused}</strong>.
      </p>
      <details>
        <summary>Знайдені колонки ({found.length})</summary>
        <ul className="plain">
          {found.map(([field, col]) => (
            <li key={field}>
              {IMPORT_FIELD_LABELS[field]} — колонка {columnLetter(col)}
            </li>
          ))}
        </ul>
      </details>
      {r.preview.length ? (
        <div className="table-wrap">
          <table className="stats import-table">
            <caption>Перші рядки до імпорту</caption>
            <thead>
              <tr>
                <th scope="col">Рядок</th>
                <th scope="col">Вх. №</th>
                <th scope="col">Надійшов</th>
                <th scope="col">Запитувач</th>
                <th scope="col">Результат</th>
                <th scope="col">Не зазначено в журналі</th>
              </tr>
            </thead>
            <tbody>
              {r.preview.map((p) => (
                <tr key={p.line}>
                  <td>{p.line}</td>
                  <td>{p.index}</td>
                  <td>{p.unknown.includes('час надходження') ? `${uaDateTime(p.receivedAt).slice(0, 10)}, час не вказано` : uaDateTime(p.receivedAt)}</td>
                  <td>{p.requesterName}</td>
                  <td>{p.result ? (RESULT_LABELS[p.result] ?? p.result) : 'на розгляді'}</td>
                  <td>{p.unknown.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.problems.length ? (
        <div className="table-wrap">
          <table className="stats import-table">
            <caption>Рядки, які не буде імпортовано{r.refused > r.problems.length ? ` (показано перші ${r.problems.length} з ${r.refused})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Рядок</th>
                <th scope="col">Вх. №</th>
                <th scope="col">Причина</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p) => (
                <tr key={`${p.line}-${p.reason}`}>
                  <td>{p.line}</td>
                  <td>{p.index}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.warnings.length ? (
        <details>
          <summary>Попередження ({r.warnings.length})</summary>
          <ul className="plain">
            {r.warnings.map((w, i) => (
              <li key={i}>
                рядок {w.line} ({w.index}): {w.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
