/** A deadline as the official scans for it: the date (time for urgent requests) and, not by colour alone, its state. */
import type { RequestView, Status } from '../shared/domain';
import { STATUS_LABEL } from '../shared/wording';
import { uaDateTime, uaDateWithWeekday } from './format';
import { DUE_STATE_LABEL } from './labels';

export function DueText({ dueDate, dueAt, dueState }: { dueDate: string | null; dueAt?: string | undefined; dueState: RequestView['dueState'] }) {
  if (!dueDate) return <span className="muted">—</span>;
  const label = dueState ? DUE_STATE_LABEL[dueState] : '';
  return (
    <span className={`due due-${dueState ?? 'none'}`}>
      <span className="due-date">{dueAt ? uaDateTime(dueAt) : uaDateWithWeekday(dueDate)}</span>
      {label ? <span className="due-flag">{label}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`status status-${status}`}>{STATUS_LABEL[status]}</span>;
}
