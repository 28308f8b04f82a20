/** The legal term for a moment of receipt, without a register (`deadlines:due`, the CLI's `due`). */
import { answerDeadline } from '../../shared/deadlines';
import { defaultCalendarSettings } from '../../shared/calendar';
import { dueQuery, parseInput } from '../../shared/schemas';

export function dueFor(raw: unknown, base = defaultCalendarSettings()): { dueDate: string; dueAt?: string } {
  const q = parseInput(dueQuery, raw);
  const cal = { ...base, mode: q.calendar };
  return answerDeadline({ receivedAt: q.receivedAt, urgent: q.urgent, extended: q.extended }, cal);
}
