import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { JournalPage, RegistrationPage, Shell } from './pages';

const desk = deskForThisFile();

test('a clerk registers a request with the keyboard only and sees its number and deadline', async ({ page }) => {
  await openApp(page, desk());
  const reg = new RegistrationPage(page);
  const kb = page.keyboard;

  // The cursor starts on the first field: the channel.
  await expect(reg.channel('особистий прийом')).toBeFocused();
  await kb.press('ArrowRight'); // → поштою
  await expect(reg.channel('поштою')).toBeChecked();
  await kb.press('Tab'); // form: письмовий
  await kb.press('Enter'); // Enter moves on like Tab
  await expect(reg.received).toBeFocused();
  await kb.press('Control+A');
  await kb.type('23.11.2026 10:00');
  await kb.press('Tab'); // requester type
  await kb.press('Tab');
  await expect(reg.name).toBeFocused();
  await kb.type('Шевчук Андрій Іванович');
  await kb.press('Enter');
  await expect(reg.address).toBeFocused();
  await kb.type('м. Калуш, вул. Грушевського, 7');
  await kb.press('Tab');
  await kb.type('shevchuk@example.com');
  await kb.press('Tab');
  await kb.type('+380 50 111 22 33');
  await kb.press('Tab');
  await expect(reg.description).toBeFocused();
  await kb.type('Копія рішення про міський бюджет на 2027 рік');
  await kb.press('Enter'); // in a text area Enter is a new line, not the next field
  await kb.type('з додатками');
  await expect(reg.description).toHaveValue('Копія рішення про міський бюджет на 2027 рік\nз додатками');
  await kb.press('Tab'); // urgent: no
  await kb.press('Tab'); // reply way: as received
  await kb.press('Tab');
  await expect(reg.signed).toBeFocused();
  await kb.press('Space');
  await kb.press('Control+Enter');

  await expect(reg.newIndex).toHaveText('Вх. № З-1');
  // Received Monday 23.11.2026: the 5th working day after it (martial law: only weekends are off).
  await expect(reg.newDue).toContainText('до пн, 30.11.2026');
  await expect(reg.result).not.toContainText('неповний');
  // Ready for the next visitor: empty form, cursor on the first field.
  await expect(reg.channel('особистий прийом')).toBeFocused();
  await expect(reg.channel('особистий прийом')).toBeChecked();
  await expect(reg.name).toHaveValue('');
  await expect(reg.description).toHaveValue('');
});

test('an incomplete request is registered only when the clerk confirms it, and names what is missing', async ({ page }) => {
  await openApp(page, desk());
  const reg = new RegistrationPage(page);
  await reg.channel('по телефону').check();
  await reg.description.fill('Графік прийому громадян');
  await reg.submit.click();
  const confirm = page.getByRole('alertdialog', { name: 'Запит неповний — номер ще не видано' });
  await expect(confirm).toContainText("прізвище, ім'я, по батькові (найменування) запитувача");
  await expect(reg.result).toHaveCount(0);
  await expect(confirm.getByRole('button', { name: /Зареєструвати як неповний/ })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('incomplete-confirm.png') });
  await page.keyboard.press('Control+Enter');
  await expect(reg.result).toBeVisible();
  await expect(reg.result).toContainText('Запит неповний');
  await expect(reg.result).toContainText("прізвище, ім'я, по батькові (найменування) запитувача");
  await expect(reg.result).toContainText('поштова адреса або адреса електронної пошти');
  // An oral request needs no signature.
  await expect(reg.result).not.toContainText('підпис і дата');
});

test('invalid input shows a Ukrainian error next to the form and registers nothing', async ({ page }) => {
  await openApp(page, desk(), '#/journal');
  const shell = new Shell(page);
  const journal = new JournalPage(page);
  const before = await journal.total();

  await page.keyboard.press('Alt+1');
  const reg = new RegistrationPage(page);
  await reg.fill({ name: 'Бондар Ольга', address: 'м. Калуш, вул. Сонячна, 3', description: 'Стан води в річці Лімниця', signed: true, urgent: true });
  await page.keyboard.press('Control+Enter');
  await expect(reg.alert).toContainText('Запит не зареєстровано');
  await expect(reg.alert).toContainText('Обґрунтування терміновості: Для термінового запиту вкажіть обґрунтування терміновості');
  await expect(reg.urgentReason).toBeFocused();
  await expect(reg.urgentReason).toHaveAttribute('aria-invalid', 'true');
  await expect(reg.result).toHaveCount(0);

  await reg.fill({ urgentReason: 'Загроза здоров’ю мешканців', email: 'olga@@example' });
  await page.keyboard.press('Control+Enter');
  await expect(reg.alert).toContainText('Електронна пошта: Невірна адреса електронної пошти');
  await expect(reg.email).toBeFocused();

  await reg.fill({ email: '', received: '31.02.2026 10:00' });
  await page.keyboard.press('Control+Enter');
  await expect(reg.alert).toContainText('Дата і час надходження');
  await expect(reg.result).toHaveCount(0);

  await shell.nav(/^Журнал$/).click();
  expect(await journal.total()).toBe(before);
});

test('the form’s «зараз» follows the register’s clock, not the browser’s (a demo with --now)', async ({ page }) => {
  // No page.clock here: the browser has the machine's date, the register is at NOW (23.11.2026 10:00).
  await page.goto(`${desk().url}/`);
  await expect(page.getByLabel('Дата і час надходження')).toHaveValue('23.11.2026 10:00');
});
