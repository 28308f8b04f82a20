/**
 * `node --import tsx tests/helpers/fillRegister.ts FILE N [NOW]`: a register of N requests made by
 * the real services (bulkRegister), for e2e tests that need a big journal before the shell starts.
 */
import { closeDb, openDb } from '../../src/main/db/open';
import { bulkRegister } from './bulkRegister';

const [file, n, now = '2026-11-23T10:00:00+02:00'] = process.argv.slice(2);
if (!file || !n) throw new Error('usage: fillRegister.ts FILE N [NOW]');
const at = new Date(now);
const db = openDb(file, { now: () => at, user: 'e2e-seed' });
bulkRegister(db, Number(n));
closeDb(db);
