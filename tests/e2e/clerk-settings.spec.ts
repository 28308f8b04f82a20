/**
 * Issue 10 (the rest) in Chromium: a stale setting keeps the rest and the screen says what was
 * dropped; the payment requisites and the holder's fee decision saved in Settings produce a cost
 * notice from the card; the statutory terms are locked; a far-past receipt date asks first; a scan
 * is opened and removed from the card; the card follows a change made elsewhere.
 * With SHOTS=dir, each screen is also saved there for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deskForThisFile, openApp } from './desk';
import { CardPage, DocumentDialogPage, RegistrationPage } from './pages';

const desk = deskForThisFile();

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Writes the stored settings document as an older version might have left it. */
function storeSettings(doc: unknown): void {
  const db = new Database(desk().db);
  try {
    db.prepare("INSERT INTO meta (key, value) VALUES ('settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(doc));
  } finally {
    db.close();
  }
}

test('a stale IBAN is dropped alone: the council name and martial-law end survive, the screen names what was dropped, and the requisites saved make a cost notice', async ({ page }) => {
  storeSettings({
    council: { name: 'Виконавчий комітет Калуської міської ради', responsiblePerson: 'Наталія БАБІЙ', responsiblePosition: 'Керуючий справами виконкому' },
    calendar: { martialLawTo: '2026-12-31' },
    payment: { recipient: 'Виконавчий комітет Калуської міської ради', iban: 'UA213223130000026007233566002', edrpou: '04054346' },
  });
  await openApp(page, desk(), '#/settings');
  const dropped = page.getByTestId('settings-dropped');
  await expect(dropped).toContainText('IBAN: IBAN містить помилку: контрольні цифри не збігаються');
  await expect(dropped).not.toContainText('payment.iban');
  await expect(page.getByLabel('Найменування розпорядника')).toHaveValue('Виконавчий комітет Калуської міської ради');
  await expect(page.getByLabel('Воєнний стан по (останній день)')).toHaveValue('31.12.2026');
  await expect(page.getByLabel('Отримувач платежу')).toHaveValue('Виконавчий комітет Калуської міської ради');
  await expect(page.getByLabel('IBAN', { exact: true })).toHaveValue('');
  await shot(page, 'settings-stale-iban');

  // A mistyped IBAN is caught as typed; the right one is kept.
  await page.getByLabel('IBAN', { exact: true }).fill('UA21 3223 1300 0002 6007 2335 6600 2');
  await expect(page.getByText('IBAN містить помилку').last()).toBeVisible();
  await page.getByLabel('IBAN', { exact: true }).fill('UA21 3223 1300 0002 6007 2335 6600 1');
  await page.getByLabel('Ім’я та прізвище').fill('Ірина Мельник');
  await page.getByLabel('Посада', { exact: true }).fill('головний спеціаліст загального відділу');
  await page.getByRole('button', { name: 'Додати рішення про ставки' }).click();
  await expect(page.getByLabel('Номер рішення')).toBeFocused();
  await page.keyboard.type('15');
  await page.getByLabel('Дата рішення').fill('20.12.2025');
  await page.getByLabel('Ставки діють з').fill('01.01.2026');
  await page.getByLabel('А4 і менше, %').fill('0,2');
  await page.getByLabel('А3 і більше, %').fill('0,3');
  await page.getByLabel('З виокремленням інформації з обмеженим доступом, %').fill('0,5');
  await page.getByLabel('Сканування, %').fill('0,1');
  await page.keyboard.press('Control+Enter');
  // Over the cap: said beside the field and in the bar by the save button, where the clerk looks.
  const status = page.getByTestId('settings-status');
  await expect(status).toContainText('Не збережено');
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  await expect(page.getByText('не більше 0,4 % (постанова КМУ № 740)', { exact: true })).toBeVisible();
  await page.getByLabel('З виокремленням інформації з обмеженим доступом, %').fill('0,4');
  await page.keyboard.press('Control+Enter');
  await expect(status).toContainText('Налаштування збережено');
  await expect(status).toContainText('Нечитані раніше частини (1) тепер збережено');
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  await expect(dropped).toHaveCount(0);
  await shot(page, 'settings-saved');

  // The statutory terms are locked until the administrator confirms, naming the article.
  await expect(page.getByTestId('terms-locked')).toContainText('Відповідь, робочих днів');
  await expect(page.getByLabel('Відповідь, робочих днів')).toHaveCount(0);
  await page.getByRole('button', { name: /Змінити строки, встановлені законом/ }).click();
  await expect(page.getByText('Закон України «Про доступ до публічної інформації», ст. 20.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Розблокувати строки' })).toBeDisabled();
  await shot(page, 'settings-terms-confirm');
  await page.getByLabel(/Я — адміністратор/).check();
  await page.getByRole('button', { name: 'Розблокувати строки' }).click();
  await page.getByLabel('Відповідь, робочих днів').fill('7');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Не більше 5 робочих днів: так встановлює ч. 1 ст. 20').first()).toBeVisible();
  await page.getByLabel('Відповідь, робочих днів').fill('5');

  // The cost notice from the card, with the requisites just saved.
  const seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-20T09:00:00+02:00', channel: 'post', requesterName: 'Гнатюк Василь', postalAddress: 'м. Калуш, вул. Січова, 3', description: 'Кошторис ремонту школи', signed: true,
  }) as { id: string; index: string };
  desk().cli(['act', '--index', seeded.index, '--action', 'cost_notice', '--input', '-'], { pages: 20, format: 'A4' });
  await page.goto(`${desk().url}/#/card/${seeded.id}`);
  const card = new CardPage(page);
  await expect(card.title).toHaveText(`Вх. № ${seeded.index}`);
  const dialog = new DocumentDialogPage(page);
  await card.printToolbar.getByRole('button', { name: 'Повідомлення про витрати' }).click();
  await page.getByLabel('Вихідний номер листа').fill('01-15/307');
  const pdf = await dialog.nextPdf();
  await page.keyboard.press('Enter');
  const bytes = await pdf();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(dialog.preview).toBeVisible();
  await shot(page, 'card-cost-notice');
  await page.keyboard.press('Escape');
  await expect(card.history).toContainText('Повідомлення про фактичні витрати, вих. № 01-15/307');
});

test('a receipt date over a month back asks before a number is given; Esc goes back to the date, confirming registers it', async ({ page }) => {
  await openApp(page, desk());
  const reg = new RegistrationPage(page);
  await reg.fill({ received: '01.01.2026 10:00', name: 'Бойко Олена', address: 'м. Калуш, вул. Грушевського, 5', description: 'Рішення сесії про бюджет', signed: true });
  await page.keyboard.press('Control+Enter');
  const ask = page.getByTestId('past-date-confirm');
  await expect(ask).toContainText('Дата надходження 01.01.2026 — більш як на місяць раніше за сьогодні (23.11.2026)');
  await expect(ask.getByRole('button', { name: /Виправити дату/ })).toBeFocused();
  await expect(reg.result).toHaveCount(0);
  await shot(page, 'registration-past-date');
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(reg.received).toBeFocused();
  // 1990 is refused outright.
  await reg.received.fill('01.01.1990 10:00');
  await page.keyboard.press('Control+Enter');
  await expect(reg.alert).toContainText('Рік має бути від 1991');
  await reg.received.fill('01.01.2026 10:00');
  await page.keyboard.press('Control+Enter');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(reg.result).toBeVisible();
  await expect(reg.newIndex).toContainText(/З-\d+/);
});

test('a scan is opened, printed and removed from the card with a reason; a voided request offers no stamp or receipt; the card follows a change made elsewhere', async ({ page }) => {
  const seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-23T09:00:00+02:00', channel: 'email', requesterName: 'ТОВ «Світанок»', requesterType: 'legal', email: 'office@svitanok.ua', description: 'Договори оренди',
  }) as { id: string; index: string };
  const dir = join(process.env.SHOTS ?? 'test-results', 'scans');
  mkdirSync(dir, { recursive: true });
  const scan = join(dir, 'scan.pdf');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(scan, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  desk().cli(['attach', '--index', seeded.index, '--file', scan]);
  await openApp(page, desk(), `#/card/${seeded.id}`);
  const card = new CardPage(page);
  const item = page.getByTestId('attachment');
  await expect(item).toContainText('scan.pdf');

  await item.getByRole('button', { name: 'Відкрити скан scan.pdf' }).click();
  const viewer = page.getByTestId('scan-viewer');
  await expect(viewer.getByTestId('scan-frame')).toHaveAttribute('src', /^blob:/);
  await expect(viewer.getByRole('button', { name: 'Друкувати' })).toBeFocused();
  await shot(page, 'card-scan-open');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(card.title).toBeVisible();

  await item.getByRole('button', { name: 'Вилучити скан scan.pdf' }).click();
  await expect(page.getByLabel('Причина вилучення скану')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Вкажіть причину, з якої скан вилучено')).toBeVisible();
  await page.keyboard.type('Долучено скан іншого запиту');
  await shot(page, 'card-scan-remove');
  await page.keyboard.press('Enter');
  await expect(card.done).toHaveText('Скан «scan.pdf» вилучено; причину збережено в історії.');
  await expect(item).toHaveCount(0);
  await expect(card.history).toContainText('Вилучено скан');
  await expect(card.history).toContainText('scan.pdf; причина: Долучено скан іншого запиту');

  // The receipt is recorded like the stamp.
  await card.printToolbar.getByRole('button', { name: /Розписка/ }).click();
  await expect(new DocumentDialogPage(page).preview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card.history).toContainText('Розписка про прийняття запиту');

  // Voided in another window (the CLI here): the open card follows without a reload and drops the papers.
  desk().cli(['act', '--index', seeded.index, '--action', 'void', '--input', '-'], { reason: 'Зареєстровано двічі' });
  await expect(card.status).toHaveText('анульовано', { timeout: 30_000 });
  await expect(card.printToolbar.getByRole('button', { name: /Розписка/ })).toHaveCount(0);
  await expect(card.printToolbar.getByRole('button', { name: /Штамп/ })).toHaveCount(0);
  await expect(card.printToolbar.getByRole('button', { name: /Форма запиту/ })).toBeVisible();
  await page.keyboard.press('F9');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'card-voided');
});
