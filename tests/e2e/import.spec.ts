/**
 * Import the clerk does alone: a big journal imported in the background while the desk goes on
 * (a card opened mid-import), then cancelled with nothing left; and an old journal whose headers
 * nobody recognises, mapped by Excel's column letters, with open rows imported as open.
 * Every wait is on what the screen shows, never on a timing.
 */
import { expect, test, type Page } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { CardPage } from './pages';

const desk = deskForThisFile();

const importRegion = (page: Page) => page.getByRole('region', { name: 'Імпорт журналу з XLSX або CSV' });

/** 50,000 rows of an older year, generated as text in a few milliseconds. */
function journalOf(n: number): Buffer {
  const lines = ['Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту;Результат розгляду;Дата відповіді'];
  for (let i = 1; i <= n; i++) {
    const d = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2024`;
    lines.push(`${i};${d};Особа ${i};вул. Імпортна, ${i};Запит ${i};${i % 3 ? 'надано відповідь' : 'на розгляді'};${i % 3 ? d : ''}`);
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`);
}

test('50,000 rows imported through the UI: a card opens while it writes, «Скасувати» leaves nothing', async ({ page }) => {
  test.setTimeout(900_000);
  const seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-20T09:00:00+02:00',
    channel: 'post',
    requesterName: 'Ковальчук Оксана',
    postalAddress: 'м. Калуш, вул. Липова, 2',
    description: 'Протоколи засідань',
    signed: true,
  }) as { id: string; index: string };
  const N = 50_000;
  await openApp(page, desk(), '#/reports');
  const region = importRegion(page);
  await region.getByLabel('Файл журналу').setInputFiles({ name: 'журнал 2024.csv', mimeType: 'text/csv', buffer: journalOf(N) });
  await expect(region.getByTestId('import-count')).toHaveText(String(N), { timeout: 600_000 });
  await expect(region.getByTestId('import-open')).toHaveText(String(Math.floor(N / 3)));
  await region.getByRole('button', { name: `Імпортувати ${N}` }).click();
  const progress = region.getByRole('group', { name: 'Імпорт' });
  // The write phase has begun and written rows (not yet committed).
  await expect(progress.getByRole('status')).toHaveText(/Записано [1-9]/, { timeout: 600_000 });
  await page.screenshot({ path: test.info().outputPath('import-progress.png'), fullPage: true });

  // The desk goes on: the card of a request opens while the import writes.
  await page.evaluate((id) => (window.location.hash = `#/card/${encodeURIComponent(id)}`), seeded.id);
  const card = new CardPage(page);
  await expect(card.title).toHaveText(`Вх. № ${seeded.index}`);
  await expect(card.status).toHaveText('зареєстровано');
  await page.screenshot({ path: test.info().outputPath('card-during-import.png'), fullPage: true });

  // Back on the import screen, the running import is found again and cancelled.
  await page.getByRole('navigation', { name: 'Розділи' }).getByRole('link', { name: /Журнали й звіти/ }).click();
  await expect(progress.getByRole('status')).toHaveText(/Записано [1-9]/);
  await progress.getByRole('button', { name: 'Скасувати' }).click();
  await expect(region.getByText('Скасовано; нічого не записано.')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath('import-cancelled.png'), fullPage: true });

  const all = desk().cli(['list']) as { index: string }[];
  expect(all.map((r) => r.index)).toEqual([seeded.index]);
  expect(desk().cli(['list', '--search', 'Імпортна'])).toEqual([]);
  expect(desk().cli(['verify'])).toMatchObject({ ok: true });
  // The next number at the desk is the one after the seeded request: no number used by the import.
  const next = desk().cli(['register', '--input', '-'], { channel: 'post', requesterName: 'Після імпорту', postalAddress: 'м. Калуш', description: 'Запит', signed: true }) as { index: string };
  expect(next.index).toBe('З-2');
});

test('an old journal with unknown headers: columns chosen by letters, open rows imported as open', async ({ page }) => {
  const csv = [
    'Номер;Коли;Хто;Звідки;Про що;Стан;Відповідь дана',
    '41;02.10.2025;Гнатюк Іван;вул. Садова, 1;Кошторис школи;надано відповідь;10.10.2025',
    '42;03.10.2025;Бойко Ганна;вул. Садова, 2;Ремонт доріг;на розгляді;',
    '43;06.10.2025;Лисенко Петро;вул. Садова, 3;Тарифи;;',
  ].join('\r\n');
  await openApp(page, desk(), '#/reports');
  const region = importRegion(page);
  await region.getByLabel('Файл журналу').setInputFiles({ name: 'старий журнал.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await expect(region.getByText(/Заголовки колонок не розпізнано/)).toBeVisible();
  const pick = async (field: string, letter: string) => {
    const select = region.getByLabel(field, { exact: true });
    await expect(select).toBeEnabled();
    await select.selectOption(letter);
    await expect(select).toHaveValue(letter);
  };
  // Each column is offered by its letter with its header and first values.
  await expect(region.getByLabel('Вхідний номер', { exact: true }).getByRole('option', { name: 'A — Номер (41; 42; 43)' })).toHaveCount(1);
  await pick('Вхідний номер', 'A');
  await pick('Дата надходження', 'B');
  await pick('Запитувач', 'C');
  await pick('Поштова адреса', 'D');
  await pick('Зміст запиту', 'E');
  await pick('Результат розгляду', 'F');
  await pick('Дата відповіді', 'G');
  await expect(region.getByTestId('import-count')).toHaveText('3');
  await expect(region.getByTestId('import-open')).toHaveText('2');
  const preview = region.getByRole('table', { name: 'Перші рядки до імпорту' });
  await expect(preview).toContainText('відповідь надано');
  await expect(preview).toContainText('на розгляді');
  await expect(region.getByText('Дата відповіді — колонка G')).toBeAttached();
  // No internal names anywhere on the screen.
  await expect(region).not.toContainText(/resultDate|receivedAt|requesterName|answered|колонка \d/);
  await page.screenshot({ path: test.info().outputPath('import-mapping.png'), fullPage: true });
  await region.getByRole('button', { name: 'Імпортувати 3' }).click();
  await expect(region.getByText(/Імпортовано записів: 3 \(з них на розгляді: 2\)/)).toBeVisible();
  const open = desk().cli(['show', '--index', '42', '--year', '2025']) as { status: string; dueDate: string };
  expect(open.status).toBe('registered');
  const answered = desk().cli(['show', '--index', '41', '--year', '2025']) as { status: string };
  expect(answered.status).toBe('answered');
});
