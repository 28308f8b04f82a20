/**
 * axe (WCAG 2.1 AA and best practices) on every screen: one test per screen, so each scan has its own
 * time budget on a busy machine and a failure names the screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';

const desk = deskForThisFile();
// An axe scan of a full screen takes seconds on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

async function expectNoViolations(page: Page, screen: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = r.violations.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}

let seededId = '';
/** One request in the register, made once for the file through the CLI. */
function seeded(): string {
  if (!seededId)
    seededId = (
      desk().cli(['register', '--input', '-'], {
        receivedAt: '2026-11-02T09:30:00+02:00',
        channel: 'post',
        requesterName: 'Гнатюк Василь',
        postalAddress: 'м. Калуш',
        description: 'Кошторис ремонту школи',
      }) as { id: string }
    ).id;
  return seededId;
}

test('registration form with errors', async ({ page }) => {
  await openApp(page, desk());
  await expect(page.getByRole('heading', { name: 'Реєстрація запиту на інформацію' })).toBeVisible();
  await page.getByLabel(/Терміновий запит/).check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'реєстрація з помилками');
});

test('journal', async ({ page }) => {
  seeded();
  await openApp(page, desk());
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('journal-count')).toHaveText('Усього: 1');
  await expectNoViolations(page, 'журнал');
});

test('request card with the refusal form', async ({ page }) => {
  const id = seeded();
  await openApp(page, desk());
  await page.goto(`${desk().url}/#/card/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Вх. №');
  await page.getByRole('button', { name: 'Відмовити', exact: true }).click();
  await expectNoViolations(page, 'картка з формою відмови');
});

test('today panel', async ({ page }) => {
  seeded();
  await openApp(page, desk());
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('region', { name: /^Прострочені/ })).toBeVisible();
  await expectNoViolations(page, 'сьогодні');
});

test('settings', async ({ page }) => {
  await openApp(page, desk());
  await page.keyboard.press('Alt+5');
  await expect(page.getByLabel('Шаблон вхідного номера')).toBeVisible();
  await expectNoViolations(page, 'налаштування');
});

test('journals and reports', async ({ page }) => {
  seeded();
  await openApp(page, desk());
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Журнали й звіти' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Статистика розгляду запитів' }).getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'Сформувати журнал' }).click();
  await expect(page.getByRole('button', { name: 'Завантажити' })).toBeVisible({ timeout: 60_000 });
  await expectNoViolations(page, 'журнали й звіти');
});

test('stamp preview dialog', async ({ page }) => {
  const id = seeded();
  await openApp(page, desk());
  await page.goto(`${desk().url}/#/card/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Вх. №');
  await page.keyboard.press('F8');
  await expect(page.getByRole('dialog').locator('iframe')).toHaveAttribute('src', /^blob:/);
  await expectNoViolations(page, 'попередній перегляд штампа');
});
