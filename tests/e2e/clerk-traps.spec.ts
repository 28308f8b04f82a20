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
  await expect(journal.row(seeded.index)).toContainText('Гнатюк Василь Іванович');
});
