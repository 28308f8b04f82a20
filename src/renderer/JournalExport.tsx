/**
 * The monthly registration journal for the archive (PDF) and for sending on (XLSX, CSV). The file
 * is proposed in the export folder under a name that says what it is; the clerk may change it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { JOURNAL_FORMATS, type JournalFormat } from '../shared/journalInputs';
import { api } from './api';
import { useShell } from './AppContext';
import { ChooseFolder } from './ChooseFolder';
import { FileResult } from './FileResult';
import { RadioGroup, SelectField, TextField } from './Fields';
import { JobProgress } from './JobProgress';
import { defaultJournalMonth, joinPath, monthName, recentMonths, withExt } from './periods';
import { useJob } from './useJob';

const FORMAT_LABEL: Record<JournalFormat, string> = { pdf: 'PDF (друк, архів)', xlsx: 'XLSX (Excel)', csv: 'CSV' };

export function JournalExport({ folder }: { folder: string | undefined }) {
  const { info } = useShell();
  const [month, setMonth] = useState('');
  const [format, setFormat] = useState<JournalFormat>('pdf');
  const [out, setOut] = useState('');
  const [outTouched, setOutTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJob();
  const months = info ? recentMonths(info.today) : [];

  useEffect(() => {
    if (info && !month) setMonth(defaultJournalMonth(info.today));
  }, [info, month]);
  // The proposed name follows the month and format until the clerk types a path of his own.
  useEffect(() => {
    if (outTouched) setOut((o) => withExt(o, format));
    else if (folder && month) setOut(joinPath(folder, `Журнал запитів ${month}.${format}`));
  }, [folder, month, format, outTouched]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (job.running) return;
    if (!month) return setProblem('Оберіть місяць.');
    setProblem(null);
    void job.start(api.call('journal:export', { month, format, out }));
  }

  // Another folder for this file (granted by the dialog); the export folder itself stays as set.
  function chosen(folder: string) {
    if (!month) return;
    setOut(joinPath(folder, `Журнал запитів ${month}.${format}`));
    setOutTouched(true);
  }

  return (
    <form className="panel" aria-labelledby="je-title" onSubmit={submit} noValidate>
      <h2 id="je-title">Журнал реєстрації запитів за місяць</h2>
      <div className="row wrap">
        <SelectField id="je-month" label="Місяць" value={month} error={problem ?? undefined} options={months.map((m) => [m, monthName(m)] as const)} onChange={setMonth} />
        <RadioGroup id="je-format" name="je-format" legend="Формат" value={format} options={JOURNAL_FORMATS.map((f) => [f, FORMAT_LABEL[f]] as const)} onChange={setFormat} />
      </div>
      <TextField
        id="je-out"
        label="Файл"
        hint="пропонується в папці експорту; можна змінити"
        className="grow"
        value={out}
        onChange={(v) => {
          setOut(v);
          setOutTouched(true);
        }}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={job.running}>
          Сформувати журнал
        </button>
        <ChooseFolder disabled={job.running} onChosen={chosen} />
      </div>
      <JobProgress
        handle={job}
        label="Формування журналу"
        done={(j) => {
          const r = j.result as { file: string; rows: number; pages?: number };
          return <FileResult path={r.file} summary={`рядків: ${r.rows}${r.pages ? `, сторінок: ${r.pages}` : ''}`} />;
        }}
      />
    </form>
  );
}
