/** The clerk's traps (issue 10): a number only for a real request, corrections with a trace. */
import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { CardPage, JournalPage, RegistrationPage } from './pages';

const desk = deskForThisFile();

const count = () => (desk().cli(['list']) as unknown[]).length;

test('Ctrl+Enter on an empty form gives no number', async ({ page }) => {
  await openApp(page, desk());
  const before = count();
  await page.keyboard.press('Control+Enter');
  const reg = new RegistrationPage(page);
  await expect(reg.alert).toContainText('Порожній запит не реєструється');
  await expect(reg.result).toHaveCount(0);
  expect(count()).toBe(before);
});

test('two Ctrl+Enter in a row register once, and the panel keeps the real request\'s number', async ({ page }) => {
  await openApp(page, desk());
  const before = count();
  const reg = new RegistrationPage(page);
  await reg.fill({ name: 'Лисенко Марія Петрівна', address: 'м. Калуш, вул. Набережна, 2', description: 'Перелік рішень сесії за жовтень', signed: true });
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  await expect(reg.result).toBeVisible();
  await expect(reg.result).toContainText('Лисенко Марія Петрівна');
  const index = ((await reg.newIndex.textContent()) ?? '').replace(/^Вх\. № /, '').trim();
  // A third, slower press on the fresh form changes nothing either.
  await page.keyboard.press('Control+Enter');
  await expect(reg.newIndex).toHaveText(`Вх. № ${index}`);
  await expect(reg.alert).toHaveCount(0);
  expect(count()).toBe(before + 1);
});

test('a correction shows in the card\'s history and in the journal, the old value kept', async ({ page }) => {
  const seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-20T09:00:00+02:00',
    channel: 'post',
    requesterName: 'Гнатюк Василь',
    postalAddress: 'м. Калуш, вул. Дзвонарська, 1',
    description: 'Кошторис ремонту школи № 5',
    signed: true,
  }) as { id: string; index: string };
  await openApp(page, desk(), `#/card/${seeded.id}`);
  const card = new CardPage(page);
  await expect(card.title).toContainText(seeded.index);
  await card.actions.getByRole('button', { name: 'Виправити дані реєстрації' }).click();
  const form = page.getByRole('form', { name: 'Виправити дані реєстрації' });
  await form.getByLabel('ПІБ / найменування запитувача').fill('Гнатюк Василь Іванович');
  await form.getByLabel('Причина виправлення').fill('неповне ПІБ');
  await page.keyboard.press('Control+Enter');
  await expect(card.done).toHaveText('Дані реєстрації виправлено.');
  await expect(card.history).toContainText('Виправлено дані реєстрації');
  await expect(card.history).toContainText('«Гнатюк Василь» → «Гнатюк Василь Іванович» (неповне ПІБ)');

  await page.keyboard.press('Alt+2');
  const journal = new JournalPage(page);
  await journal.search.fill('Гнатюк');
  await expect(journal.count).toHaveText('Знайдено: 1');
  await expect(journal.row(seeded.index)).toContainText('Гнатюк Василь Іванович');
});

test('the on-screen journal shows the paper journal\'s columns on request, and long states stay in their column', async ({ page }) => {
  const answered = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-16T09:00:00+02:00', channel: 'email', requesterName: 'ТОВ «Калуш-Інвест»', email: 'office@kalush-invest.example', description: 'Договори оренди землі', requesterType: 'legal',
  }) as { index: string };
  desk().cli(['act', '--index', answered.index, '--action', 'assign', '--input', '-'], { executor: 'Коваль О. М.' });
  desk().cli(['act', '--index', answered.index, '--action', 'answer', '--input', '-'], { outgoingIndex: '01-15/307', date: '2026-11-19' });
  const redirected = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-17T09:00:00+02:00', channel: 'post', requesterName: 'Іванів Ігор', postalAddress: 'м. Калуш', description: 'Дані про викиди заводу', signed: true,
  }) as { index: string };
  desk().cli(['act', '--index', redirected.index, '--action', 'redirect', '--input', '-'], { holder: 'Державна екологічна інспекція в Івано-Франківській області' });

  await openApp(page, desk(), '#/journal');
  const journal = new JournalPage(page);
  await page.getByText('Стовпці', { exact: true }).click();
  for (const name of ['Виконавець', 'Вих. №', 'Дата відповіді', 'Результат розгляду', 'Спосіб надходження'])
    await page.getByRole('checkbox', { name }).check();
  const row = journal.row(answered.index);
  await expect(row).toContainText('Коваль О. М.');
  await expect(row).toContainText('01-15/307');
  await expect(row).toContainText('19.11.2026');
  await expect(row).toContainText('електронною поштою');
  await expect(journal.row(redirected.index)).toContainText('направлено: Державна екологічна інспекція');
  await page.screenshot({ path: test.info().outputPath('journal-columns.png'), fullPage: true });

  // The state label wraps inside its cell, and the row's fixed height holds every line of it.
  const cell = journal.row(redirected.index).locator('td.c-status');
  const [c, badge] = [await cell.boundingBox(), await cell.locator('.status').boundingBox()];
  expect(badge!.x + badge!.width).toBeLessThanOrEqual(c!.x + c!.width + 0.5);
  expect(badge!.y + badge!.height).toBeLessThanOrEqual(c!.y + c!.height + 0.5);

  // The choice stays after a reload.
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Вих. №' })).toBeVisible();
});
