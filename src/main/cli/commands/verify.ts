/** verify: exit 0 when the register holds, 1 with the findings on stderr otherwise. */
import { AppError } from '../../../shared/errors';
import { dbOption, printJson, withDb, type Command } from '../command';

export const verify: Command = {
  name: 'verify',
  summary: 'перевірити реєстр: цілісність файлу, журнал подій, стани запитів',
  usage: 'verify --db F [--json]',
  options: dbOption,
  async run(v, io) {
    const { verifyRegister } = await import('../../services/verify');
    const r = withDb(v, verifyRegister);
    if (v.json) printJson(io, r);
    else if (r.ok) io.out(`Реєстр у порядку: запитів ${r.requests}, подій ${r.events}\n`);
    if (!r.ok) throw new AppError('internal', `Реєстр не пройшов перевірку:\n${r.findings.map((f) => `  - ${f}`).join('\n')}`);
  },
};
