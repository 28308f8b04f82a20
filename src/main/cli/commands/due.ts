/** due: the legal term for a moment of receipt, without a register. */
import { dueFor } from '../../api/due';
import { printJson, requireString, type Command } from '../command';

export const due: Command = {
  name: 'due',
  summary: 'строк відповіді для моменту надходження',
  usage: 'due --received ISO [--urgent] [--extended] [--calendar martial|peacetime] [--json]',
  options: { received: { type: 'string' }, urgent: { type: 'boolean' }, extended: { type: 'boolean' }, calendar: { type: 'string' }, json: { type: 'boolean' } },
  run(v, io) {
    const r = dueFor({ receivedAt: requireString(v, 'received'), urgent: !!v.urgent, extended: !!v.extended, calendar: v.calendar ?? 'auto' });
    if (v.json) return printJson(io, r);
    io.out(`${r.dueAt ?? r.dueDate}\n`);
  },
};
