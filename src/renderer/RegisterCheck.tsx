/**
 * Settings → «Перевірка реєстру»: what `registry-desk verify` checks, for the official and the
 * administrator without a terminal — the event log whole, unedited and sealed, every request as
 * its events say, every number given once, the counters exact, and the server's anchors when the
 * desk has a shared register. Findings are for the administrator; the page says what to do next.
 */
import { useEffect, useRef } from 'react';
import type { AppVerifyReport } from '../shared/sync/verifyReport';
import { api } from './api';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

const count = (n: number) => n.toLocaleString('uk-UA');

function Summary({ report }: { report: AppVerifyReport }) {
  const checked = `перевірено запитів: ${count(report.requests)}, подій: ${count(report.events)}`;
  const server = report.anchors === null ? '' : `; якорів журналу на сервері: ${count(report.anchors)}, усі на місці`;
  if (report.ok)
    return (
      <p className="server-result ok">
        Реєстр цілий: {checked}
        {server}. Жоден запис не змінено й не вилучено, кожен номер видано один раз.
      </p>
    );
  return (
    <>
      <p className="server-result bad">
        Знайдено порушень: {report.findings.length} ({checked}).
      </p>
      <ul className="check-findings">
        {report.findings.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <p>
        Не виправляйте файл реєстру вручну і не відновлюйте його з копії самостійно: реєструвати запити можна далі, а перелік вище передайте адміністратору — він
        звірить реєстр із резервною копією та спільним реєстром.
      </p>
    </>
  );
}

export function RegisterCheck() {
  const handle = useJob();
  const result = useRef<HTMLDivElement>(null);
  const done = handle.job?.state === 'done' ? (handle.job.result as AppVerifyReport) : null;
  // The outcome takes the focus once shown: it is what the person waits for.
  useEffect(() => {
    if (done) result.current?.focus();
  }, [done]);

  return (
    <section className="panel" aria-labelledby="check-title">
      <h2 id="check-title" className="subhead">
        Перевірка реєстру
      </h2>
      <p className="muted small">
        Перевіряє, що журнал подій цілий і не змінений (печатка реєстру), дані кожного запиту відповідають його історії, жоден номер не видано двічі, а лічильники
        номерів точні; за спільного реєстру — що сервер має всі якорі журналу цього робочого місця. Реєструвати запити під час перевірки можна.
      </p>
      <button type="button" onClick={() => void handle.start(api.call('register:verify'))} disabled={handle.running} aria-describedby="check-title">
        Перевірити реєстр
      </button>
      {done ? (
        <div ref={result} tabIndex={-1} role={done.ok ? 'status' : 'alert'} data-testid="register-check" className="check-result">
          <Summary report={done} />
          {done.warnings.map((w) => (
            <p key={w} className="muted">
              {w.replace(/\.$/, '')}. Перевірте з'єднання зі спільним реєстром і повторіть перевірку.
            </p>
          ))}
        </div>
      ) : (
        <JobProgress handle={handle} label="Перевірка реєстру" done={() => null} />
      )}
    </section>
  );
}
