import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';

const desk = deskForThisFile();

async function expectNoViolations(page: Page, screen: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = r.violations.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}

test('every screen passes axe (WCAG 2.1 AA and best practices)', async ({ page }) => {
  const seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-02T09:30:00+02:00',
    channel: 'post',
    requesterName: 'Гнатюк Василь',
    postalAddress: 'м. Калуш',
    description: 'Кошторис ремонту школи',
  }) as { id: string };

  await openApp(page, desk());
  await expect(page.getByRole('heading', { name: 'Реєстрація запиту на інформацію' })).toBeVisible();
  await page.getByLabel(/Терміновий запит/).check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'реєстрація з помилками');

  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('journal-count')).toHaveText('Усього: 1');
  await expectNoViolations(page, 'журнал');

  await page.goto(`${desk().url}/#/card/${seeded.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Вх. №');
  await page.getByRole('button', { name: 'Відмовити', exact: true }).click();
  await expectNoViolations(page, 'картка з формою відмови');

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('region', { name: /^Прострочені/ })).toBeVisible();
  await expectNoViolations(page, 'сьогодні');

  await page.keyboard.press('Alt+5');
  await expect(page.getByLabel('Шаблон вхідного номера')).toBeVisible();
  await expectNoViolations(page, 'налаштування');

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Журнали й звіти' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Статистика розгляду запитів' }).getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'Сформувати журнал' }).click();
  await expect(page.getByRole('button', { name: 'Завантажити' })).toBeVisible();
  await expectNoViolations(page, 'журнали й звіти');

  await page.goto(`${desk().url}/#/card/${seeded.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Вх. №');
  await page.keyboard.press('F8');
  await expect(page.getByRole('dialog').locator('iframe')).toHaveAttribute('src', /^blob:/);
  await expectNoViolations(page, 'попередній перегляд штампа');
});
