/**
 * The register's two promises as a property (issue 8): random sequences of registrations,
 * settings changes (journal name, index template, a new year), backups, restores and kills
 * (a connection dropped in the middle of a registration). After every step `verify` passes, no
 * printed index appears twice in the register, and every registration acknowledged since the
 * register's content was last replaced by a restore is in it.
 */
import fc from 'fast-check';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/main/db/open';
import { backupRegister, restoreRegister } from '../../src/main/services/backup';
import { insertRequestRow, takeNumber } from '../../src/main/services/registration';
import { registerRequest } from '../../src/main/services/registration';
import { activeJournalId } from '../../src/main/services/journals';
import { updateSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { normalizeRegistration } from '../../src/shared/registration';
import { AppError } from '../../src/shared/errors';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-prop-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Step =
  | { kind: 'register'; count: number }
  | { kind: 'rename'; name: string }
  | { kind: 'template'; template: string }
  | { kind: 'newYear' }
  | { kind: 'backup' }
  | { kind: 'restore'; pick: number }
  | { kind: 'kill' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('register' as const), count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('запити', 'вхідні', 'Журнал запитів', 'З') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('template' as const), template: fc.constantFrom('З-{n}', '{n}', '{n}0', 'З-{n}/{yy}', '{prefix}-{n}', '{n}-{yyyy}', '1{n}') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newYear' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'kill' as const }) },
);

const stats = { cases: 0, steps: 0, registrations: 0, refusedTemplates: 0, restores: 0, kills: 0, duplicates: 0 };

function duplicates(db: Db): number {
  return (db.sqlite.prepare('SELECT count(*) FROM (SELECT 1 FROM requests GROUP BY journal_id, year, incoming_index HAVING count(*) > 1)').pluck().get() as number);
}

describe('the two promises under random sequences', () => {
  it('verify passes and no index appears twice after every step', async () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`fast-check seed: ${seed} (FC_SEED=${seed} to replay)`);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 18 }), async (steps) => {
        stats.cases++;
        const file = join(dir, `case-${run++}`, 'desk.sqlite');
        let year = 2026;
        let clock = new Date(`${year}-06-15T12:00:00+03:00`);
        const open = () => openDb(file, { now: () => clock, user: 'prop' });
        let db = open();
        const backups: { path: string; names: string[] }[] = [];
        let acknowledged: string[] = [];
        let k = 0;
        try {
          for (const s of steps) {
            stats.steps++;
            if (s.kind === 'register') {
              for (let i = 0; i < s.count; i++) {
                const name = `Особа ${k++}`;
                registerRequest(db, sampleRequest({ requesterName: name, receivedAt: clock.toISOString() }));
                acknowledged.push(name);
                stats.registrations++;
              }
            } else if (s.kind === 'rename') updateSettings(db, { index: { journal: s.name } });
            else if (s.kind === 'template') {
              try {
                updateSettings(db, { index: { template: s.template } });
              } catch (e) {
                if (!(e instanceof AppError && e.kind === 'invalid_input')) throw e;
                stats.refusedTemplates++;
              }
            } else if (s.kind === 'newYear') {
              year++;
              clock = new Date(`${year}-01-05T10:00:00+02:00`);
            } else if (s.kind === 'backup') {
              const path = join(file, '..', `b${backups.length}.sqlite`);
              await backupRegister(db, path);
              backups.push({ path, names: [...acknowledged] });
            } else if (s.kind === 'restore' && backups.length) {
              const b = backups[s.pick % backups.length]!;
              db.sqlite.close();
              restoreRegister(file, b.path);
              stats.restores++;
              acknowledged = [...b.names];
              db = open();
            } else if (s.kind === 'kill') {
              // Dies in the middle of a registration: number taken and row written, never committed.
              db.sqlite.exec('BEGIN IMMEDIATE');
              const seq = takeNumber(db, activeJournalId(db), year);
              insertRequestRow(db, { id: `dead-${k}`, journal: 'x', journalId: activeJournalId(db), year, seq, index: `dead-${seq}`, reg: normalizeRegistration(sampleRequest() as never, clock.toISOString()), missing: [] });
              db.sqlite.close();
              stats.kills++;
              db = open();
            }
            const v = verifyRegister(db);
            expect(v.findings).toEqual([]);
            const dup = duplicates(db);
            stats.duplicates += dup;
            expect(dup).toBe(0);
            const names = new Set(db.sqlite.prepare('SELECT requester_name FROM requests').pluck().all() as string[]);
            expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
          }
        } finally {
          if (db.sqlite.open) db.sqlite.close();
          if (existsSync(join(file, '..'))) rmSync(join(file, '..'), { recursive: true, force: true });
        }
      }),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 60), endOnFailure: true },
    );
    console.log(`property: ${stats.cases} cases, ${stats.steps} steps, ${stats.registrations} registrations, ${stats.restores} restores, ${stats.kills} kills, ${stats.refusedTemplates} templates refused, numbers given twice: ${stats.duplicates}`);
  }, 600_000);
});
