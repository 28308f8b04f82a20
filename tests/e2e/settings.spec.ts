import { expect, test } from '@playwright/test';
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
