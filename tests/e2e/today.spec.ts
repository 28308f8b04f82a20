import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { CardPage, JournalPage, Shell, TodayPage } from './pages';

const desk = deskForThisFile();

test('the today panel shows an overdue request seeded with an old receipt date', async ({ page }) => {
  const seed = (receivedAt: string, requesterName: string, description: string) =>
    desk().cli(['register', '--input', '-'], { receivedAt, channel: 'post', requesterName, postalAddress: 'м. Калуш', description, signed: true }) as { index: string };
  const overdue = seed('2026-11-02T09:30:00+02:00', 'Гнатюк Василь', 'Кошторис ремонту школи № 3'); // due 09.11
  const today = seed('2026-11-16T14:00:00+02:00', 'Лисенко Ірина', 'План благоустрою парку'); // due 23.11 = today
  seed('2026-11-23T09:00:00+02:00', 'Остапчук Марта', 'Розклад автобусів'); // due 30.11: not on the panel

  await openApp(page, desk());
  const shell = new Shell(page);
  await expect(shell.todayBadge).toHaveText('2');
  await page.keyboard.press('Alt+4');

  const panel = new TodayPage(page);
  await expect(panel.overdue).toContainText(overdue.index);
  await expect(panel.overdue).toContainText('Гнатюк Василь');
  await expect(panel.overdue).toContainText('прострочено');
  await expect(panel.dueToday).toContainText(today.index);
  await expect(page.getByRole('main')).not.toContainText('Остапчук Марта');

  // Open the overdue row from the keyboard.
  await panel.overdue.getByRole('row').filter({ hasText: overdue.index }).focus();
  await page.keyboard.press('Enter');
  const card = new CardPage(page);
  await expect(card.title).toHaveText(`Вх. № ${overdue.index}`);
  await expect(card.due).toContainText('пн, 09.11.2026');
  await expect(card.due).toContainText('прострочено');

  // The journal's filter agrees with the panel.
  await page.keyboard.press('Alt+2');
  const journal = new JournalPage(page);
  await journal.overdueOnly.check();
  await expect(journal.count).toHaveText('Знайдено: 1');
  await expect(journal.row(overdue.index)).toBeVisible();
});
