#!/usr/bin/env node
/**
 * Evidence for issue 8's closing note: each of the ten findings, reproduced through what both
 * versions share (the built CLI, the web shell's HTTP API, the register file as the sqlite3 shell
 * sees it), fails on the main the issue was filed against and passes on this checkout.
 *
 *   node scripts/findings-on-old-main.mjs [--old COMMIT] [--only 1,2,...] [--keep]
 *
 * It makes a temporary git worktree at the old commit (default 6119b3c, the parent of the first
 * issue-8 commit c8006ae), links this checkout's node_modules into it, builds both, and runs every
 * reproduction against each build. A reproduction checks a promise and says how it broke; it never
 * looks at which version it runs on, except where the API's input shape changed (noted inline).
 * Not part of `npm test`: it needs git history and a second build, and takes minutes.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({ options: { old: { type: 'string', default: '6119b3c' }, only: { type: 'string' }, keep: { type: 'boolean' }, 'no-build': { type: 'boolean' }, 'old-root': { type: 'string' } } });
const NOW = '2026-11-23T12:00:00+02:00';
const work = mkdtempSync(join(tmpdir(), 'rd-findings-'));

// ---------------------------------------------------------------- the two builds
function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}
const oldCommit = sh('git', ['rev-parse', '--short', opt.old], here).trim();
// --old-root DIR: a worktree at the old commit already built (while working on this script).
const oldRoot = opt['old-root'] ?? join(work, 'old-main');
if (!opt['old-root']) {
  sh('git', ['worktree', 'add', '--detach', oldRoot, oldCommit], here);
  symlinkSync(join(here, 'node_modules'), join(oldRoot, 'node_modules'));
  process.stderr.write('building the old main…\n');
  sh('npm', ['run', 'build'], oldRoot);
}
const newCommit = sh('git', ['rev-parse', '--short', 'HEAD'], here).trim();
const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no'], here).trim() !== '';
process.stderr.write(`old: ${oldCommit}  new: ${newCommit}${dirty ? ' (with uncommitted changes)' : ''}\n`);
if (!opt['no-build']) sh('npm', ['run', 'build'], here);
const sides = [
  { name: 'old', root: oldRoot, isNew: false },
  { name: 'new', root: here, isNew: true },
];

// ---------------------------------------------------------------- how a person drives each build
const env = { ...process.env, REGISTRY_DESK_NOW: NOW, NO_COLOR: '1' };
/** One CLI run: exit code, stdout, stderr. */
function cli(side, args, input) {
  return new Promise((ok) => {
    const c = spawn(process.execPath, [join(side.root, 'dist', 'cli.mjs'), ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.stdin.on('error', () => {});
    c.stdin.end(input ?? '');
    c.on('close', (code, signal) => ok({ code: code ?? signal, out, err }));
  });
}
let person = 0;
// A complete written request (signed), so the web shell registers it without asking the clerk.
const request = (name = `Запитувач ${++person}`) => ({ receivedAt: '2026-11-23T10:00:00+02:00', channel: 'email', requesterName: name, email: 'u@example.com', description: 'Запит про бюджет', replyBy: 'email', signed: true });
async function register(side, db, name = `Запитувач ${++person}`) {
  const r = await cli(side, ['register', '--db', db, '--input', '-', '--json'], JSON.stringify(request(name)));
  return r.code === 0 ? { ok: true, index: JSON.parse(r.out).index, name } : { ok: false, code: r.code, err: r.err.trim() };
}
/** The web shell on a free port; resolves once it prints its address. */
function web(side, db, extra = []) {
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, [join(side.root, 'dist', 'web.mjs'), '--db', db, '--port', '0', '--now', NOW, ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    c.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) ok({ url: m[0], stop: () => new Promise((done) => (c.exitCode !== null ? done() : (c.once('exit', done), c.kill('SIGTERM')))) });
    });
    c.stderr.on('data', (d) => (buf += d));
    c.once('exit', (code) => fail(new Error(`web shell exited ${code}: ${buf}`)));
  });
}
async function api(url, method, input) {
  const r = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: input === undefined ? '' : JSON.stringify(input) });
  return r.json();
}
/** The register's rows as the sqlite3 shell would read them (read-only). */
function rows(file) {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return raw.prepare('SELECT incoming_index AS "index", requester_name AS name, due_date AS due FROM requests').all();
  } finally {
    raw.close();
  }
}
const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const dupes = (list) => [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];
const stack = (text) => /^\s+at .+:\d+:\d+\)?$/m.test(text);
let dbn = 0;
const fresh = (side) => {
  const d = join(work, `${side.name}-${++dbn}`);
  mkdirSync(d, { recursive: true });
  return join(d, 'desk.sqlite');
};

// ---------------------------------------------------------------- the ten findings
// Each returns { pass, how }: pass = the promise held; how = what was seen.
const findings = [
  {
    n: 1,
    title: 'renaming the journal restarts numbering',
    async run(s) {
      const db = fresh(s);
      const got = [await register(s, db), await register(s, db)];
      const w = await web(s, db);
      const r = await api(w.url, 'settings:update', { index: { journal: 'Вхідні запити' } });
      await w.stop();
      got.push(await register(s, db), await register(s, db));
      const idx = got.map((g) => g.index);
      const twice = dupes(idx);
      return { pass: r.ok && got.every((g) => g.ok) && twice.length === 0, how: `rename ${r.ok ? 'saved' : 'refused'}; indices ${idx.join(', ')}${twice.length ? ` — ${twice.join(', ')} given twice` : ''}` };
    },
  },
  {
    n: 2,
    title: 'restore while the web shell has the register open',
    async run(s) {
      const db = fresh(s);
      const copy = join(dirname(db), 'copy.sqlite');
      const acked = [];
      for (let i = 0; i < 3; i++) acked.push(await register(s, db));
      await cli(s, ['backup', '--db', db, '--out', copy]);
      const w = await web(s, db);
      const viaWeb = async () => {
        const name = `Вебзапит ${++person}`;
        const r = await api(w.url, 'requests:register', request(name));
        if (r.ok) acked.push({ ok: true, index: r.value.index, name });
      };
      for (let i = 0; i < 3; i++) await viaWeb();
      const restore = await cli(s, ['restore', '--db', db, '--from', copy]);
      for (let i = 0; i < 3; i++) await viaWeb();
      for (let i = 0; i < 2; i++) acked.push(await register(s, db));
      await w.stop();
      const ok = acked.filter((a) => a.ok);
      // Every register file beside the register: itself and whatever restore kept.
      const files = readdirSync(dirname(db)).filter((f) => f === 'desk.sqlite' || (f.startsWith('desk.sqlite.before-restore-') && !/-(wal|shm|journal)$/.test(f)));
      const present = new Set(files.flatMap((f) => rows(join(dirname(db), f)).map((r) => r.name)));
      const lost = ok.filter((a) => !present.has(a.name)).map((a) => a.index);
      const twice = dupes(ok.map((a) => a.index));
      return {
        pass: lost.length === 0 && twice.length === 0,
        how: `restore exit ${restore.code}${restore.code ? ` («${restore.err.trim().split('\n')[0]}»)` : ''}; ${ok.length} acknowledged, ${lost.length} in no register file${lost.length ? ` (${lost.join(', ')})` : ''}, ${twice.length ? `${twice.join(', ')} given twice` : 'no index twice'}`,
      };
    },
  },
  {
    n: 3,
    title: 'crash between restore’s renames: the next command starts an empty register',
    async run(s) {
      // The state a SIGKILL after restore's first rename leaves (the live file moved aside, the
      // backup not yet in place), made by doing that rename: the old build has no hook to kill at.
      const db = fresh(s);
      const first = [await register(s, db), await register(s, db)];
      execFileSync('mv', [db, `${db}.before-restore-2026-11-23T10-00-00-000Z`]);
      const next = await register(s, db);
      const reused = next.ok && first.some((f) => f.index === next.index);
      return {
        pass: !next.ok && !existsSync(db),
        how: next.ok ? `register answered ${next.index}${reused ? ' — a number already given' : ''} from a new empty register` : `refused (exit ${next.code}): «${next.err.split('\n')[0]}»`,
      };
    },
  },
  {
    n: 4,
    title: '--out can overwrite the register',
    async run(s) {
      const db = fresh(s);
      const r1 = await register(s, db);
      const j = await cli(s, ['journal', '--db', db, '--month', '2026-11', '--format', 'csv', '--out', db]);
      let still;
      try {
        still = rows(db).map((r) => r.index);
      } catch (e) {
        still = `unreadable: ${e.message}`;
      }
      const pass = Array.isArray(still) && still.includes(r1.index);
      return { pass, how: `journal --out <register> exit ${j.code}${j.code ? ` («${j.err.trim().split('\n')[0]}»)` : ''}; register afterwards: ${Array.isArray(still) ? still.join(', ') : still}` };
    },
  },
  {
    n: 5,
    title: 'a settings change racing registrations leaves deadlines wrong',
    async run(s) {
      const db = fresh(s);
      // The new build guards the statutory terms with the administrator's password: set it first, as the administrator would.
      const ADMIN = 'Адмін-пароль findings';
      if (s.isNew) await cli(s, ['admin-password', '--db', db], `${ADMIN}\n`);
      const w = await web(s, db);
      // Enough open requests that the recompute takes a while, as on a desk after a year.
      for (let i = 0; i < 600; i++) await api(w.url, 'requests:register', request(`Наявний ${i}`));
      let stop = false;
      const loop = async () => {
        while (!stop) await register(s, db);
      };
      const loops = [loop(), loop(), loop(), loop()];
      // The stored terms, read as the sqlite3 shell would.
      const stored = () => {
        const raw = new Database(db, { readonly: true });
        try {
          return JSON.parse(raw.prepare("SELECT value FROM meta WHERE key = 'settings'").pluck().get()).rules.normalDays;
        } finally {
          raw.close();
        }
      };
      // A save and its recompute collide with another process's commit only now and then: keep
      // changing the terms (at most 200 times on either build) until a change answered «busy»
      // was saved all the same — the issue's case — and stop there, as a clerk who gave up would.
      const answers = [];
      let savedAnyway = null;
      for (let i = 0; i < 200 && !savedAnyway; i++) {
        const normalDays = i % 2 ? 5 : 3;
        // The new build asks for a confirmation of statutory terms and the administrator; the old one's strict schema refuses the key.
        const a = await api(w.url, 'settings:update', s.isNew ? { rules: { normalDays }, confirm: { statutoryTerms: true, adminPassword: ADMIN } } : { rules: { normalDays } });
        answers.push(a);
        if (!a.ok && stored() === normalDays) savedAnyway = a.error.message;
      }
      stop = true;
      await Promise.all(loops);
      await w.stop();
      const fresh1 = await register(s, db);
      const all = rows(db);
      const expected = all.find((r) => r.index === fresh1.index)?.due;
      const wrong = all.filter((r) => r.due !== expected).length;
      const busy = answers.filter((a) => !a.ok).length;
      return {
        pass: fresh1.ok && wrong === 0 && !savedAnyway,
        how: `${answers.length} term changes, ${busy} answered busy${savedAnyway ? ` — the last «${savedAnyway}» yet saved` : ''}; ${all.length} requests all received on 23.11: ${wrong} with a due date other than the terms in force (${expected})`,
      };
    },
  },
  {
    n: 6,
    title: 'verify and restore miss forgeries',
    async run(s) {
      const forgeries = {
        'forged requester name': (raw) => raw.exec("UPDATE requests SET requester_name = 'Підставна Особа' WHERE incoming_index = 'З-2'"),
        'registration deleted, events left': (raw) => raw.exec("DELETE FROM requests WHERE incoming_index = 'З-3'"),
        'counter moved ahead by 490': (raw) => raw.exec('UPDATE counters SET last = last + 490'),
      };
      const seen = [];
      let detected = 0;
      for (const [what, forge] of Object.entries(forgeries)) {
        const db = fresh(s);
        for (let i = 0; i < 3; i++) await register(s, db);
        const raw = new Database(db);
        raw.pragma('foreign_keys = OFF');
        // As the sqlite3 shell would: guards dropped while forging, then put back as they were.
        const triggers = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").pluck().all();
        for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()) raw.exec(`DROP TRIGGER "${t}"`);
        forge(raw);
        for (const q of triggers) raw.exec(q);
        raw.close();
        const v = await cli(s, ['verify', '--db', db]);
        if (v.code !== 0) detected++;
        seen.push(`${what}: verify exit ${v.code}`);
      }
      // A foreign SQLite file offered as a backup.
      const db = fresh(s);
      await register(s, db);
      const foreign = join(dirname(db), 'foreign.sqlite');
      const f = new Database(foreign);
      f.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
      f.close();
      const r = await cli(s, ['restore', '--db', db, '--from', foreign]);
      let kept;
      try {
        kept = rows(db).length === 1;
      } catch {
        kept = false; // the foreign file took the register's place
      }
      if (r.code !== 0 && kept) detected++;
      seen.push(`foreign SQLite file as backup: restore exit ${r.code}, register ${kept ? 'kept' : 'replaced'}`);
      return { pass: detected === 4, how: `${detected}/4 caught — ${seen.join('; ')}` };
    },
  },
  {
    n: 7,
    title: 'a foreign SQLite file given as --db is changed before it is refused',
    async run(s) {
      const file = join(dirname(fresh(s)), 'accounts.sqlite');
      const f = new Database(file);
      f.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts (owner) VALUES (\'бухгалтерія\')');
      f.close();
      const before = digest(file);
      const r = await cli(s, ['list', '--db', file, '--json']);
      const changed = digest(file) !== before;
      const extra = readdirSync(dirname(file)).filter((x) => x !== 'accounts.sqlite');
      return { pass: r.code !== 0 && !changed && extra.length === 0, how: `list exit ${r.code}; file ${changed ? 'changed' : 'unchanged'}${extra.length ? `; new files ${extra.join(', ')}` : ''}` };
    },
  },
  {
    n: 8,
    title: 'CSV formula injection',
    async run(s) {
      const db = fresh(s);
      await register(s, db, '=HYPERLINK("http://example.com/x","Іваненко")');
      const out = join(dirname(db), 'journal.csv');
      const j = await cli(s, ['journal', '--db', db, '--month', '2026-11', '--format', 'csv', '--out', out]);
      const text = readFileSync(out, 'utf8');
      const live = /(^|[;,\n])"?=HYPERLINK/.test(text);
      return { pass: j.code === 0 && !live, how: live ? 'the requester cell starts with =HYPERLINK( — a live formula' : `written as ${text.match(/.?=HYPERLINK/)?.[0] ?? '?'}…` };
    },
  },
  {
    n: 9,
    title: 'files:read confinement bypass through the export-folder setting',
    async run(s) {
      const db = fresh(s);
      const w = await web(s, db);
      const set = await api(w.url, 'settings:update', { exports: { folder: '/' } });
      const r = await api(w.url, 'files:read', { path: '/etc/passwd' });
      await w.stop();
      const leaked = r.ok === true;
      return { pass: !leaked, how: `export folder «/» ${set.ok ? 'saved' : 'refused'}; files:read /etc/passwd ${leaked ? 'returned the file' : `refused (${r.error?.kind})`}` };
    },
  },
  {
    n: 10,
    title: 'smaller: error kinds (exit 2 / HTTP 4xx, no stack traces)',
    async run(s) {
      const db = fresh(s);
      const w = await web(s, db);
      // More than a pipe's 64 KB of list output, so `| head` closes the pipe while the CLI writes.
      for (let i = 0; i < 400; i++) await api(w.url, 'requests:register', { ...request(), description: `Запит про бюджет ${'і '.repeat(100)}` });
      const checks = [];
      const due = await cli(s, ['due', '--received', '9999-01-04T10:00:00+02:00', '--json']);
      checks.push(['due 9999 → exit 2', due.code === 2, `exit ${due.code}`]);
      const old = await cli(s, ['register', '--db', db, '--input', '-', '--json'], JSON.stringify({ ...request(), receivedAt: '1900-01-04T10:00:00+02:00' }));
      checks.push(['receipt year 1900 → exit 2', old.code === 2, `exit ${old.code}`]);
      const bdir = await cli(s, ['backup', '--db', db, '--out', dirname(db)]);
      checks.push(['backup --out DIR → exit 2, no raw EISDIR', bdir.code === 2 && !/EISDIR/.test(bdir.err), `exit ${bdir.code}${/EISDIR/.test(bdir.err) ? ' EISDIR' : ''}`]);
      const port = await new Promise((ok) => {
        const c = spawn(process.execPath, [join(s.root, 'dist', 'web.mjs'), '--db', db, '--port', 'abc'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        c.stderr.on('data', (d) => (err += d));
        c.stdout.on('data', () => c.kill('SIGTERM'));
        c.on('close', (code) => ok({ code, err }));
      });
      checks.push(['web --port abc → message, no stack', port.code === 2 && !stack(port.err), `exit ${port.code}${stack(port.err) ? ', stack trace' : ''}`]);
      const pipe = await new Promise((ok) => {
        const c = spawn('bash', ['-c', `node ${join(s.root, 'dist', 'cli.mjs')} list --db ${db} | head -c 1 >/dev/null`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        c.stderr.on('data', (d) => (err += d));
        c.on('close', () => ok(err));
      });
      checks.push(['list | head -c 1 → no EPIPE stack', !stack(pipe), stack(pipe) ? 'stack trace' : 'quiet']);
      const esc = await fetch(`${w.url}/api/%E0%A4%A`, { method: 'POST', body: '' }).then((r) => r.status, (e) => `error ${e.cause?.code ?? e.message}`);
      checks.push(['malformed %-escape → HTTP 400', esc === 400, `HTTP ${esc}`]);
      const big = await fetch(`${w.url}/api/requests:list`, { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }) }).then((r) => r.status, (e) => `reset (${e.cause?.code ?? e.message})`);
      checks.push(['3 MB body → HTTP 400/413', big === 400 || big === 413, `${typeof big === 'number' ? 'HTTP ' : ''}${big}`]);
      await w.stop();
      const failed = checks.filter((c) => !c[1]);
      return { pass: failed.length === 0, how: `${checks.length - failed.length}/${checks.length} — ${checks.map(([w, , h]) => `${w}: ${h}`).join('; ')}` };
    },
  },
];

// ---------------------------------------------------------------- run and tell
const only = opt.only ? new Set(opt.only.split(',').map(Number)) : null;
const table = [];
for (const f of findings) {
  if (only && !only.has(f.n)) continue;
  const row = { n: f.n, title: f.title };
  for (const s of sides) {
    process.stderr.write(`finding ${f.n} on ${s.name}…\n`);
    try {
      row[s.name] = await f.run(s);
    } catch (e) {
      row[s.name] = { pass: false, how: `the reproduction itself failed: ${e.message.split('\n')[0]}` };
    }
  }
  table.push(row);
}
const cell = (r, expect) => `${r.pass ? 'passed' : 'failed'}${r.pass === expect ? '' : ' (!)'}: ${r.how.replace(/\|/g, '\\|')}`;
const lines = [
  `| # | finding | old main ${oldCommit} | this checkout ${newCommit}${dirty ? '+changes' : ''} |`,
  '|---|---|---|---|',
  ...table.map((r) => `| ${r.n} | ${r.title} | ${cell(r.old, false)} | ${cell(r.new, true)} |`),
];
const shown = table.filter((r) => !r.old.pass && r.new.pass).length;
lines.push('', `${shown} of ${table.length} findings fail on old main and pass here.`);
process.stdout.write(`${lines.join('\n')}\n`);
if (!opt.keep) {
  if (!opt['old-root']) sh('git', ['worktree', 'remove', '--force', oldRoot], here);
  rmSync(work, { recursive: true, force: true });
} else process.stderr.write(`kept ${work}\n`);
process.exitCode = shown === table.length ? 0 : 1;
