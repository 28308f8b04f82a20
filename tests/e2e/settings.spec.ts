import { expect, test } from '@playwright/test';
import { dirname, join } from 'node:path';
import { deskForThisFile, openApp } from './desk';
import { RegistrationPage } from './pages';

const desk = deskForThisFile();

test('the index template previews live, refuses unknown parts, and numbers the next request once saved', async ({ page }) => {
  await openApp(page, desk(), '#/settings');
  const template = page.getByLabel('Шаблон вхідного номера');
  const preview = page.getByTestId('index-preview');
  await expect(preview).toHaveText('З-125');

  await template.fill('{n}/{case}');
  await page.getByLabel('Індекс справи').fill('01-15');
  await expect(preview).toHaveText('125/01-15');

  await template.fill('{n}-{foo}');
  await expect(page.getByText('Невідома частина шаблону: {foo}').first()).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('Налаштування не збережено');

  await template.fill('{n}/{case}');
  await page.getByLabel('Найменування розпорядника').fill('Виконавчий комітет Калуської міської ради');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'збережено' })).toBeVisible();

  await page.keyboard.press('Alt+1');
  const index = await new RegistrationPage(page).register({ name: 'Кравець Ніна', email: 'nina@example.com', description: 'Штатний розпис', signed: true });
  expect(index).toBe('1/01-15');
});

test('the export and open-data folders: «Обрати папку…» as in the journal export; a typed folder is saved without touching the rest', async ({ page }) => {
  const d = desk();
  await openApp(page, d, '#/settings');
  const exportsFolder = page.getByRole('textbox', { name: 'Папка експорту' });
  const openDataFolder = page.getByRole('textbox', { name: 'Папка відкритих даних' });
  await expect(exportsFolder).toHaveValue('');
  // The folder dialog is the app's; the browser says why it cannot open it and the field stays as it was.
  await page.getByRole('button', { name: 'Обрати папку… — папка експорту' }).click();
  await expect(page.locator('#s-folders').getByRole('status').filter({ hasText: 'Папку обирають у програмі' })).toBeVisible();
  await expect(exportsFolder).toHaveValue('');
  await page.getByRole('button', { name: 'Обрати папку… — папка відкритих даних' }).click();
  await expect(page.locator('#s-folders').getByRole('status').filter({ hasText: 'Папку обирають у програмі' })).toHaveCount(2);
  await expect(openDataFolder).toHaveValue('');

  const published = join(dirname(d.db), 'Оприлюднення');
  await openDataFolder.fill(published);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'збережено' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings-folders.png'), fullPage: true });
  const r = await page.evaluate(async () => (await fetch('/api/settings:get', { method: 'POST' })).json());
  expect(r.value.openData.folder).toBe(published);
  expect(r.value.openData.identifier).toBe('zapyty-na-informatsiiu');
  expect(r.value.exports).toEqual({ csvSeparator: ';', folder: '' });
});
