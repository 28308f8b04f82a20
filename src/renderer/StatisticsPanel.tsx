/**
 * The statistics report of a period: the figures of `reports:get` line by line (the same lines
 * the PDF and the open data use, from shared/statistics), by month, with two charts; exported
 * as PDF or XLSX through a job, like the journal.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { REPORT_LINES, type Statistics } from '../shared/statistics';
import { api } from './api';
import { useShell } from './AppContext';
import { MonthBars, monthShort, ShareBar } from './charts';
import { FileResult } from './FileResult';
import { ErrorAlert, RadioGroup, TextField } from './Fields';
import { parseUaDate, uaDate, uaDateTime } from './format';
import { JobProgress } from './JobProgress';
import { joinPath, withExt, yearStart } from './periods';
import { useJob } from './useJob';

const fmt = (code: string, v: number) => (code === 'cost_charged_uah' ? v.toFixed(2).replace('.', ',') : String(v));

export function StatisticsPanel({ folder }: { folder: string | undefined }) {
  const { info, version } = useShell();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [out, setOut] = useState('');
  const [outTouched, setOutTouched] = useState(false);
  const job = useJob();

  useEffect(() => {
    if (info && !from) {
      setFrom(uaDate(yearStart(info.today)));
      setTo(uaDate(info.today));
    }
  }, [info, from]);

  const [problem, setProblem] = useState<{ from?: string; to?: string }>({});
  /** The typed period as ISO dates, or null with the bad field marked. */
  function period(): { from: string; to: string } | null {
    const f = parseUaDate(from);
    const t = parseUaDate(to);
    const bad = 'дата у форматі ДД.ММ.РРРР';
    setProblem({ ...(f ? {} : { from: bad }), ...(t ? {} : { to: bad }) });
    return f && t ? { from: f, to: t } : null;
  }

  async function load() {
    if (!from || !to) return;
    const p = period();
    if (!p) return;
    const r = await api.call('reports:get', p);
    if (r.ok) {
      setStats(r.value);
      setError(null);
    } else setError(r.error.message);
  }
  // Shown at once for the default period, and again after any change in the register; a period
  // typed by the clerk is applied with «Показати».
  const ready = from !== '' && to !== '';
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [ready, version]);

  useEffect(() => {
    if (outTouched) setOut((o) => withExt(o, format));
    else if (folder && from && to) setOut(joinPath(folder, `Звіт про запити ${from} — ${to}.${format}`.replace(/\//g, '.')));
  }, [folder, from, to, format, outTouched]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void load();
  }

  const t = stats?.totals;
  return (
    <section className="panel" aria-labelledby="st-title">
      <h2 id="st-title">Статистика розгляду запитів</h2>
      <form className="period-row" onSubmit={submit} noValidate aria-label="Період звіту">
        <TextField id="st-from" label="З дати" hint="ДД.ММ.РРРР" value={from} error={problem.from} onChange={setFrom} />
        <TextField id="st-to" label="По дату" hint="ДД.ММ.РРРР" value={to} error={problem.to} onChange={setTo} />
        <div className="field field-button">
          <button type="submit" className="primary">
            Показати
          </button>
        </div>
      </form>
      {error ? <ErrorAlert lines={[error]} /> : null}
      {stats && t ? (
        <>
          <p className="muted">
            Період з {uaDate(stats.from)} по {uaDate(stats.to)}; «прострочено» — станом на {uaDateTime(stats.asOf)}.
          </p>
          <div className="charts">
            <MonthBars title="Надійшло запитів за місяцями" data={stats.months.map((m) => ({ month: m.month, value: m.figures.total }))} />
            <ShareBar
              title="Результати розгляду"
              shares={[
                { label: 'задоволено', value: t.satisfied, className: 's-ok' },
                { label: 'відмовлено', value: t.refused[1] + t.refused[2] + t.refused[3] + t.refused[4], className: 's-refused' },
                { label: 'направлено', value: t.redirected, className: 's-redirected' },
                { label: 'без розгляду', value: t.notConsidered, className: 's-nc' },
                { label: 'на розгляді', value: t.inWork, className: 's-work' },
              ]}
            />
          </div>
          <div className="table-wrap">
            <table className="stats">
              <caption className="visually-hidden">Показники за період і за місяцями</caption>
              <thead>
                <tr>
                  <th scope="col">Показник</th>
                  <th scope="col">Усього</th>
                  {stats.months.map((m) => (
                    <th scope="col" key={m.month}>
                      {monthShort(m.month)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {REPORT_LINES.map((l) => (
                  <tr key={l.code} className={l.level ? 'sub' : undefined}>
                    <th scope="row">{l.label}</th>
                    <td>{fmt(l.code, l.value(t))}</td>
                    {stats.months.map((m) => (
                      <td key={m.month}>{l.snapshot ? '' : fmt(l.code, l.value(m.figures))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <form
        className="export-row"
        aria-label="Експорт звіту"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const p = period();
          if (p && !job.running) void job.start(api.call('reports:export', { ...p, format, out }));
        }}
      >
        <RadioGroup id="st-format" name="st-format" legend="Формат звіту" value={format} options={[['pdf', 'PDF'], ['xlsx', 'XLSX']] as const} onChange={setFormat} />
        <TextField
          id="st-out"
          label="Файл звіту"
          className="grow"
          value={out}
          onChange={(v) => {
            setOut(v);
            setOutTouched(true);
          }}
        />
        <div className="field field-button">
          <button type="submit" disabled={job.running}>
            Експортувати звіт
          </button>
        </div>
      </form>
      <JobProgress handle={job} label="Формування звіту" done={(j) => <FileResult path={(j.result as { file: string }).file} />} />
    </section>
  );
}
