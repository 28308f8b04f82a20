/**
 * Importing an old journal (XLSX or CSV): choose the file, see a dry run — the columns found, the
 * rows that would be imported, every refused row with its reason — then import in one transaction.
 * The column mapping is edited as the JSON the CLI takes (`importMapping`): a full mapping screen
 * is a later step; the dry run shows which column each field was taken from, so the clerk can see
 * what to correct.
 */
import { useState } from 'react';
import type { ImportMapping } from '../shared/journalInputs';
import { api } from './api';
import { useShell } from './AppContext';
import { fileToBase64 } from './download';
import { ErrorAlert, TextArea } from './Fields';
import { uaDateTime } from './format';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** The part of the import report the screen shows (see services/import.ts). */
interface ImportReport {
  dryRun: boolean;
  format: string;
  encoding: string | null;
  sheet: string | null;
  headerLine: number;
  columns: Record<string, number>;
  rows: number;
  emptyRows: number;
  imported: number;
  refused: number;
  problems: { line: number; index: string; reason: string }[];
  warnings: { line: number; index: string; message: string }[];
  counters: { year: number; last: number }[];
  preview: { line: number; index: string; receivedAt: string; requesterName: string; result: string | null }[];
}

const MAX_FILE = 60 * 1024 * 1024;

export function ImportPanel() {
  const { changed } = useShell();
  const [file, setFile] = useState<{ name: string; path: string } | null>(null);
  const [mapping, setMapping] = useState('{\n  "columns": {}\n}');
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const dry = useJob();
  const run = useJob();

  function parsedMapping(): ImportMapping | undefined | null {
    if (!mapping.trim()) return undefined;
    try {
      return JSON.parse(mapping) as ImportMapping;
    } catch {
      setProblem('Відповідність колонок — не коректний JSON.');
      return null;
    }
  }

  async function choose(f: File | undefined) {
    if (!f) return;
    setProblem(null);
    if (f.size > MAX_FILE) return setProblem('Файл більший за 60 МБ.');
    setUploading(true);
    const up = await api.call('files:upload', { name: f.name, base64: await fileToBase64(f) });
    setUploading(false);
    if (!up.ok) return setProblem(up.error.message);
    setFile({ name: f.name, path: up.value.path });
    run.reset();
    preview(up.value.path);
  }

  function preview(path = file?.path) {
    const m = parsedMapping();
    if (!path || m === null) return;
    setProblem(null);
    void dry.start(api.call('import:preview', { file: path, ...(m ? { mapping: m } : {}) }));
  }

  function importNow() {
    const m = parsedMapping();
    if (!file || m === null) return;
    void run.start(api.call('import:run', { file: file.path, ...(m ? { mapping: m } : {}) })).then(changed);
  }

  const report = dry.job?.state === 'done' ? (dry.job.result as ImportReport) : null;
  return (
    <section className="panel" aria-labelledby="im-title">
      <h2 id="im-title">Імпорт журналу з XLSX або CSV</h2>
      <div className="row wrap">
        <div className="field">
          <label htmlFor="im-file">Файл журналу</label>
          <input id="im-file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        <TextArea id="im-mapping" label="Відповідність колонок (JSON)" hint='наприклад {"columns": {"index": "Вх. №", "receivedAt": "Дата"}, "encoding": "auto"}' rows={4} className="grow" value={mapping} onChange={setMapping} />
      </div>
      {uploading ? <p role="status" className="muted">Передавання файлу…</p> : null}
      {problem ? <ErrorAlert lines={[problem]} /> : null}
      <div className="form-actions">
        <button type="button" disabled={!file || dry.running} onClick={() => preview()}>
          Перевірити ще раз
        </button>
      </div>
      <JobProgress handle={dry} label="Перевірка файлу" done={() => null} />
      {report ? <ImportPreview report={report} name={file?.name ?? ''} /> : null}
      {report && report.imported > 0 ? (
        <div className="form-actions">
          <button type="button" className="primary" disabled={run.running || run.job?.state === 'done'} onClick={importNow}>
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
              Імпортовано записів: {r.imported}; відхилено: {r.refused}. {r.counters.map((c) => `Наступний номер ${c.year} року: ${c.last + 1}.`).join(' ')}
            </p>
          );
        }}
      />
    </section>
  );
}

function ImportPreview({ report: r, name }: { report: ImportReport; name: string }) {
  return (
    <div className="import-preview">
      <p>
        <strong>{name}</strong>: {r.format.toUpperCase()}
        {r.encoding ? `, кодування ${r.encoding}` : ''}
        {r.sheet ? `, аркуш «${r.sheet}»` : ''}, заголовок у рядку {r.headerLine}. Рядків з даними: {r.rows}, порожніх: {r.emptyRows}.
      </p>
      <p>
        Буде імпортовано: <strong data-testid="import-count">{r.imported}</strong>; не можна імпортувати: <strong>{r.refused}</strong>.
      </p>
      <details>
        <summary>Знайдені колонки ({Object.keys(r.columns).length})</summary>
        <ul className="plain">
          {Object.entries(r.columns).map(([field, col]) => (
            <li key={field}>
              {field} ← колонка {col}
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
              </tr>
            </thead>
            <tbody>
              {r.preview.map((p) => (
                <tr key={p.line}>
                  <td>{p.line}</td>
                  <td>{p.index}</td>
                  <td>{uaDateTime(p.receivedAt)}</td>
                  <td>{p.requesterName}</td>
                  <td>{p.result ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.problems.length ? (
        <div className="table-wrap">
          <table className="stats import-table">
            <caption>Рядки, які не буде імпортовано</caption>
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
