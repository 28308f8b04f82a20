/**
 * Two web shells on two registers and one real PostgreSQL: a request registered at one shows at
 * the other; with the server stopped both keep registering and say offline; started again, both
 * converge with unique numbers. Screenshots of each step go to test-results/sync-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { openApp, startDesk, type Desk } from './desk';
import { JournalPage, RegistrationPage } from './pages';

let pgc: PgCluster;
let desks: Desk[] = [];
test.beforeAll(async () => {
  pgc = await startPgCluster();
  const url = await pgc.createDatabase('shared');
  const m = spawnSync(process.execPath, ['bin/registry-desk.mjs', 'server', 'migrate', '--server', url], { encoding: 'utf8' });
  if (m.status !== 0) throw new Error(m.stderr);
  desks = [await startDesk(undefined, ['--server', url]), await startDesk(undefined, ['--server', url])];
});
test.afterAll(async () => {
  for (const d of desks) await d.stop();
  destroyPgCluster(pgc);
});

const indicator = (p: Page) => p.getByTestId('sync-indicator');
const shot = (p: Page, name: string) => p.screenshot({ path: test.info().outputPath(`sync-${name}.png`) });
let n = 0;
// Complete (signed): an incomplete request would wait for the clerk's confirmation.
const request = () => ({ name: `Запитувач ${++n}`, email: `user${n}@example.com`, description: `Копія рішення № ${n} про бюджет громади`, signed: true });

async function register(p: Page): Promise<string> {
  await p.goto(p.url().replace(/#.*$/, '#/register'));
  return new RegistrationPage(p).register(request());
}

async function journalShows(p: Page, indexes: string[]): Promise<void> {
  await p.goto(p.url().replace(/#.*$/, '#/journal'));
  const j = new JournalPage(p);
  for (const i of indexes) await expect(j.row(i)).toBeVisible({ timeout: 15_000 });
}

test('two desks, one shared register: live, offline, and converging again', async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b] = [await browser.newPage(), await browser.newPage()];
  await openApp(a, desks[0]!, '#/register');
  await openApp(b, desks[1]!, '#/journal');
  for (const p of [a, b]) await expect(indicator(p)).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await expect(indicator(a)).toContainText('Синхронізовано');

  // Registered at A: shows in B's journal without B doing anything.
  const first = await register(a);
  const bJournal = new JournalPage(b);
  await expect(bJournal.row(first)).toBeVisible({ timeout: 20_000 });
  await shot(a, '1-registered-at-a');
  await shot(b, '1-shown-at-b');

  // Server stopped: both keep registering at full speed; the indicators say offline and what waits.
  pgc.stop();
  const offlineA = await register(a);
  const offlineB = await register(b);
  for (const p of [a, b]) {
    await expect(indicator(p)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await expect(indicator(p)).toContainText('у черзі: 1');
  }
  expect(offlineA).not.toBe(offlineB);
  await shot(a, '2-offline-a');
  await shot(b, '2-offline-b');

  // Server back: the next attempt (or a click on the indicator) converges both desks.
  pgc.start();
  for (const p of [a, b]) await indicator(p).click();
  for (const p of [a, b]) await expect(indicator(p)).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  for (const p of [a, b]) await journalShows(p, [first, offlineA, offlineB]);
  for (const p of [a, b]) await expect(indicator(p)).not.toContainText('у черзі');
  const all = [first, offlineA, offlineB];
  expect(new Set(all).size).toBe(3);
  await shot(a, '3-converged-a');
  await shot(b, '3-converged-b');
});
