/** A temp register filled by the demo generator: realistic volume and variety for tests and the bench. */
import { generateRegister, type DemoOptions, type DemoSummary } from '../../src/main/demo/generate';
import { openTempDb, type TempDb } from './tempDb';

/** The register's clock stands at `now`; the generated history ends there. */
export function openDemoDb(opts: Omit<DemoOptions, 'until'>, now = '2026-11-20T17:00:00+02:00'): TempDb & { summary: DemoSummary } {
  const t = openTempDb(now);
  return { ...t, summary: generateRegister(t.db, opts) };
}
