import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { deskForThisFile, openApp } from './desk';

const desk = deskForThisFile();

test('«Перевірити реєстр» in Settings: a whole register is told so; a removed guard is named, with what to do next', async ({ page }) => {
  for (const name of ['Литвин Ольга', 'Романюк Богдан'])
    desk().cli(['register', '--input', '-'], { receivedAt: '2026-11-20T09:00:00+02:00', channel: 'post', requesterName: name, postalAddress: 'м. Калуш, вул. Вокзальна, 3', description: 'Рішення сесії', signed: true });
  await openApp(page, desk(), '#/settings');
  const section = page.getByRole('region', { name: 'Перевірка реєстру' });
  await section.getByRole('button', { name: 'Перевірити реєстр' }).click();
  const result = section.getByTestId('register-check');
  await expect(result).toBeFocused();
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toContainText('Реєстр цілий: перевірено запитів: 2, подій: 2');
  await expect(result).not.toContainText('якорів'); // this desk has no shared register

  // Someone opens the file with another tool and takes off the trigger that keeps requests from deletion.
  const file = new Database(desk().db);
  file.exec('DROP TRIGGER requests_never_deleted');
  file.close();
  await section.getByRole('button', { name: 'Перевірити реєстр' }).click();
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(result).toContainText('Знайдено порушень: 1');
  await expect(result.getByRole('listitem')).toHaveText('Вилучено захисний тригер requests_never_deleted: записи реєстру можна було змінювати');
  await expect(result).toContainText('передайте адміністратору');
  await page.screenshot({ path: test.info().outputPath('register-check.png'), fullPage: true });
});
