/**
 * Peak memory of importing a big old journal through the real import service: a generated CSV of
 * N rows (default 1,000,000), a dry run and a real import, each in its own process so each peak
 * (getrusage maxrss) is its own. Figures for a report, not a test: nothing is asserted.
 *
 *   npx tsx scripts/import-memory.ts [rows] [--dry-only]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 2 ** 20;
const [, , phase, dbFile, csv] = process.argv;

if (phase === 'dry' || phase === 'real') {
  // The child: one phase, then its own peak.
  const { openDb } = await import('../src/main/db/open');
  const { previewImport, runImport } = await import('../src/main/services/import');
  const db = openDb(dbFile!, { now: () => new Date('2026-12-31T12:00:00+02:00') });
  const started = process.hrtime.bigint();
  let writingFrom = 0n;
  const r = await (phase === 'dry' ? previewImport : runImport)(db, { file: csv }, {
    onProgress: (p) => {
      if (p.phase === 'writing' && !writingFrom) writingFrom = process.hrtime.bigint();
    },
  });
  const end = process.hrtime.bigint();
  db.sqlite.close();
  process.stdout.write(
    JSON.stringify({
      phase,
      rows: r.rows,
      imported: r.imported,
      refused: r.refused,
      seconds: Number(end - started) / 1e9,
      writeSeconds: writingFrom ? Number(end - writingFrom) / 1e9 : 0,
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    }) + '\n',
  );
  process.exit(0);
}

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'rd-import-memory-'));
const file = join(dir, 'journal.csv');
const out = createWriteStream(file);
out.write('Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту;Результат розгляду;Дата відповіді\r\n');
// Spread over the years 2000–2025, numbered per year as a paper journal is.
const perYear = Math.ceil(rows / 26);
for (let i = 0; i < rows; i++) {
  const year = 2000 + Math.floor(i / perYear);
  const seq = (i % perYear) + 1;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  const line = `З-${seq};${day}.${month}.${year};Особа ${i};вул. Садова, ${i % 500}, м. Калуш;Копія рішення про бюджет № ${i};надано відповідь;${day}.${month}.${year}\r\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.log(`${rows} rows, ${(statSync(file).size / MB).toFixed(0)} MB CSV in ${dir}`);
const phases = process.argv.includes('--dry-only') ? ['dry'] : ['dry', 'real'];
for (const p of phases) {
  const c = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, p, join(dir, 'desk.sqlite'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(c.stdout.trim() || `${p}: exit ${c.status}`);
}
rmSync(dir, { recursive: true, force: true });
