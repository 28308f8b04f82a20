/**
 * Issue 10 in the window: the martial-law end date (the calendar) is the administrator's. Without a
 * password set the screen says so and how to set it; a wrong password saves nothing; the right one
 * saves, and open deadlines follow.
 */
import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';

const desk = deskForThisFile();

test('the martial-law end date is saved only with the administrator password set in Settings', async ({ page }) => {
  await openApp(page, desk(), '#/settings');
  const admin = page.getByRole('group', { name: 'Адміністратор' });
  await expect(admin.getByTestId('admin-state')).toContainText('Пароль адміністратора ще не встановлено');
  const status = page.getByTestId('settings-status');
  const until = page.getByLabel('Воєнний стан по (останній день)');

  // Not set yet: refused, and told how to set it.
  await until.fill('31.12.2026');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Пароль адміністратора ще не встановлено.*«Адміністратор»/).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('admin-not-set.png'), fullPage: true });

  await admin.getByText('Встановити пароль адміністратора').click();
  await admin.getByLabel(/Новий пароль/).fill('Адмін-пароль 2026');
  await admin.getByRole('button', { name: 'Зберегти пароль адміністратора' }).click();
  await expect(admin.getByRole('status')).toContainText('Пароль адміністратора збережено');
  await expect(admin.getByTestId('admin-state')).toContainText('Пароль адміністратора встановлено');
  // Saved: the block closes (no password fields left open on the screen) and the confirmation has the focus.
  await expect(admin.getByLabel(/Новий пароль/)).toBeHidden();
  await expect(admin.getByTestId('admin-saved')).toBeFocused();

  // A wrong password: nothing saved.
  await admin.getByLabel(/Пароль адміністратора \(для збереження/).fill('не той');
  await until.fill('31.12.2026');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Невірний пароль адміністратора/).first()).toBeVisible();
  expect((desk().cli(['settings']) as { calendar: { martialLawTo: string | null } }).calendar.martialLawTo).toBeNull();
  await page.screenshot({ path: test.info().outputPath('admin-wrong.png'), fullPage: true });

  await admin.getByLabel(/Пароль адміністратора \(для збереження/).fill('Адмін-пароль 2026');
  await page.keyboard.press('Control+Enter');
  await expect(status).toContainText('Налаштування збережено');
  expect((desk().cli(['settings']) as { calendar: { martialLawTo: string | null } }).calendar.martialLawTo).toBe('2026-12-31');
  await page.screenshot({ path: test.info().outputPath('admin-saved.png'), fullPage: true });
});
