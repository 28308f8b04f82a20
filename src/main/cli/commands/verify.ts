/** verify: exit 0 when the register holds, 1 with the findings on stderr otherwise. */
import { AppError } from '../../../shared/errors';
import type { VerifyReport } from '../../services/verify';
import { dbOption, printJson, withDb, type Command } from '../command';

export const verify: Command = {
  name: 'verify',
  summary: 'перевірити реєстр: цілісність файлу, журнал подій, стани запитів (з --server — і якорі журналу на сервері)',
  usage: 'verify --db F [--server URL] [--json]',
  options: { ...dbOption, server: { type: 'string' } },
  async run(v, io) {
    const { verifyRegister } = await import('../../services/verify');
    // With the shared register: the events its anchors name must all still be in the log.
    const r: VerifyReport = typeof v.server === 'string'
      ? await withDb(v, async (db) => (await import('../../sync/verifyServer')).verifyWithServer(db, v.server as string))
      : withDb(v, verifyRegister);
    if (v.json) printJson(io, r);
    else if (r.ok) io.out(`Реєстр у порядку: запитів ${r.requests}, подій ${r.events}${'anchors' in r ? `, якорів на сервері ${String(r.anchors)}` : ''}\n`);
    if (!r.ok) throw new AppError('internal', `Реєстр не пройшов перевірку:\n${r.findings.map((f) => `  - ${f}`).join('\n')}`);
  },
};
