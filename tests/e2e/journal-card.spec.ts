import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { CardPage, JournalPage, RegistrationPage } from './pages';

const desk = deskForThisFile();

test('find a request in the journal by a word, open its card, assign it and answer it', async ({ page }) => {
  // Another request first, so the search has something to leave out.
  desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-20T09:00:00+02:00',
    channel: 'email',
    requesterName: 'ГО «Прозоре місто»',
    email: 'info@prozore.example',
    description: 'Договори на ремонт доріг',
    signed: true,
  });
  await openApp(page, desk());
  const index = await new RegistrationPage(page).register({
    name: 'Мороз Тетяна',
    address: 'м. Калуш, вул. Липова, 2',
    description: 'Протоколи засідань земельної комісії за жовтень',
    signed: true,
  });
  expect(index).toBe('З-2');

  await page.keyboard.press('Alt+2');
  const journal = new JournalPage(page);
  await expect(journal.search).toBeFocused();
  expect(await journal.total()).toBe(2);
  await page.keyboard.type('земельної');
  await expect(journal.count).toHaveText('Знайдено: 1');
  await expect(journal.row(index)).toContainText('Мороз Тетяна');
  await expect(journal.row(index)).toContainText('пн, 30.11.2026');
  await page.keyboard.press('ArrowDown');
  await expect(journal.row(index)).toBeFocused();
  await page.keyboard.press('Enter');

  const card = new CardPage(page);
  await expect(card.title).toHaveText(`Вх. № ${index}`);
  await expect(card.status).toHaveText('зареєстровано');
  await expect(card.due).toContainText('пн, 30.11.2026');
  await expect(card.printToolbar).toBeVisible();

  await card.action('Призначити виконавця').click();
  await expect(page.getByLabel('Виконавець (ПІБ)')).toBeFocused();
  await page.keyboard.type('Ткачук Петро');
  await page.keyboard.press('Enter');
  await page.keyboard.type('відділ земельних відносин');
  await page.keyboard.press('Control+Enter');
  await expect(card.status).toHaveText('на виконанні');
  await expect(card.done).toHaveText('Виконавця призначено.');
  await expect(card.history).toContainText('Призначено виконавця');
  await expect(card.history).toContainText('Ткачук Петро (відділ земельних відносин)');

  // A date in the future is refused by the register: its message is shown and nothing changes.
  await card.action('Надано відповідь').click();
  await page.getByLabel('Вихідний номер відповіді').fill('01-12/345');
  await page.getByLabel('Дата відповіді').fill('01.12.2026');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('ще не настала');
  await expect(card.status).toHaveText('на виконанні');

  await page.getByLabel('Дата відповіді').fill('23.11.2026');
  await page.keyboard.press('Control+Enter');
  await expect(card.status).toHaveText('надано відповідь');
  await expect(card.due).toContainText('розгляд завершено 23.11.2026');
  await expect(card.history).toContainText('вих. № 01-12/345');
  // A closed request offers only what is still possible.
  await expect(card.action('Призначити виконавця')).toHaveCount(0);
  await expect(card.action('Примітка')).toBeVisible();

  // Esc first closes an open action form (focus back on its button), then returns to the journal
  // as it was left, on the same row.
  await card.action('Примітка').click();
  await expect(page.getByLabel('Текст примітки')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Текст примітки')).toHaveCount(0);
  await expect(card.action('Примітка')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(journal.search).toHaveValue('земельної');
  await expect(journal.row(index)).toBeFocused();
  await expect(journal.row(index)).toContainText('надано відповідь');
});

test('the journal keys: / focuses the search, filters narrow the list', async ({ page }) => {
  await openApp(page, desk(), '#/journal');
  const journal = new JournalPage(page);
  const all = await journal.total();
  expect(all).toBeGreaterThanOrEqual(1);
  await journal.rows.first().focus();
  await page.keyboard.press('/');
  await expect(journal.search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(journal.rows.first()).toBeFocused();
  await page.keyboard.press('Control+F');
  await expect(journal.search).toBeFocused();
  await page.getByRole('combobox', { name: 'Стан' }).selectOption({ label: 'на розгляді' });
  // Retried as a whole: the list reloads after the filter, and a row held from before would be detached.
  await expect(journal.rows.filter({ hasText: 'надано відповідь' })).toHaveCount(0);
  await journal.search.fill('немаєтакогослова');
  await expect(journal.count).toHaveText('Знайдено: 0');
  await expect(page.getByText('Нічого не знайдено')).toBeVisible();
});

test('a search typed with ʼ finds the request written with \', and «Z-1» or «з1» puts З-1 first', async ({ page }) => {
  // Typed at another desk with the keyboard's plain apostrophe; the clerk's layout gives U+02BC.
  desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-23T09:30:00+02:00',
    channel: 'post',
    requesterName: "Дем'яненко Ігор",
    postalAddress: 'м. Калуш, вул. Лісова, 4',
    description: "Технічний паспорт об'єкта на вул. Лісовій, 4 (посилання на лист З-1)",
    signed: true,
  });
  await openApp(page, desk(), '#/journal');
  const journal = new JournalPage(page);
  await journal.search.fill('обʼєкта');
  await expect(journal.count).toHaveText('Знайдено: 1');
  await expect(journal.rows.first()).toContainText("Дем'яненко Ігор");
  await journal.search.fill('Демʼяненко');
  await expect(journal.count).toHaveText('Знайдено: 1');

  // The new request's description names З-1 too: the request whose index it is comes first.
  for (const q of ['Z-1', 'з1', 'З 1']) {
    await journal.search.fill(q);
    await expect(journal.rows.first().getByRole('cell').first().getByText('З-1', { exact: true }), q).toBeVisible();
  }
});
