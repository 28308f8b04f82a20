/**
 * A journal of 10,000 requests (issue 12): the table keeps a bounded number of rows in the DOM while
 * the clerk scrolls to the very first request, pages arrive by keyset as the scroll nears the end,
 * the keyboard still walks and opens rows, and axe stays clean with the spacer rows in place.
 * Timings (long tasks, frame gaps) are printed for the report, never asserted: CI shares 2 cores.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NOW, openApp, startDesk, type Desk } from './desk';
import { CardPage, JournalPage } from './pages';

const N = 10_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let desk: Desk;
test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  desk = await startDesk(NOW, [], (db) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/helpers/fillRegister.ts', db, String(N), NOW], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fillRegister failed: ${r.stderr}`);
  });
});
test.afterAll(async () => desk?.stop());

test('10,000 rows scroll to the first request with a bounded DOM, loading pages as they go', async ({ page }) => {
  await openApp(page, desk, '#/journal');
  const journal = new JournalPage(page);
  await expect(journal.count).toHaveText(`Усього: ${N}`);
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(N + 1));

  // Scroll down a screenful per frame until the oldest request (З-1) is rendered, watching the DOM and the frames.
  const figures = await page.evaluate(async () => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const box = document.querySelector<HTMLElement>('.virtual-scroll')!;
    const frame = () => new Promise<number>((ok) => requestAnimationFrame(ok));
    const gaps: number[] = [];
    let maxRows = 0;
    let last = await frame();
    const started = performance.now();
    let reached = false;
    while (performance.now() - started < 240_000) {
      box.scrollTop += box.clientHeight;
      const t = await frame();
      gaps.push(t - last);
      last = t;
      maxRows = Math.max(maxRows, box.querySelectorAll('tbody tr.req-row').length);
      if (box.querySelector('tr[data-index="З-1"]')) {
        reached = true;
        break;
      }
    }
    observer.disconnect();
    gaps.sort((a, b) => a - b);
    return {
      reached,
      maxRows,
      frames: gaps.length,
      p50: gaps[Math.floor(gaps.length * 0.5)] ?? 0,
      p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
      maxGap: gaps.at(-1) ?? 0,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((a, b) => a + b, 0),
      seconds: (performance.now() - started) / 1000,
    };
  });
  console.log(`journal scroll over ${N} rows: ${JSON.stringify(figures)}`);
  expect(figures.reached).toBe(true);
  // A viewport of 4rem rows plus the overscan either side: far below the 10,000 loaded.
  expect(figures.maxRows).toBeLessThan(80);
  await expect(journal.row('З-1')).toBeVisible();

  // The oldest row opens from the keyboard like any other.
  await journal.row('З-1').focus();
  await page.keyboard.press('ArrowUp');
  await expect(journal.row('З-2')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(new CardPage(page).title).toHaveText('Вх. № З-2');
});

test('the keyboard walks past the rendered rows and the screen stays accessible', async ({ page }) => {
  await openApp(page, desk, '#/journal');
  const journal = new JournalPage(page);
  await expect(journal.count).toHaveText(`Усього: ${N}`);
  await journal.search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(journal.row(`З-${N}`)).toBeFocused();
  // 30 PageDowns: 300 rows down, far beyond the first window, each step focusing a rendered row.
  for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
  await expect(journal.row(`З-${N - 300}`)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(journal.row(`З-${N - 301}`)).toBeFocused();
  expect(await page.locator('tbody tr.req-row').count()).toBeLessThan(80);
  await expect(page.locator('tr.spacer').first()).toBeAttached();
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(new CardPage(page).title).toHaveText(`Вх. № З-${N - 301}`);
  // Back to the journal: the opened row is focused again.
  await page.keyboard.press('Escape');
  await expect(journal.row(`З-${N - 301}`)).toBeFocused();
});
