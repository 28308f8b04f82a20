/** «Журнали й звіти»: the month's journal as a file on disk and as a download; the open-data reminder. */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { deskForThisFile, openApp } from './desk';
import { ReportsPage, Shell, TodayPage } from './pages';

const desk = deskForThisFile();

let seeded: { id: string; index: string };
test.beforeAll(() => {
  seeded = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-02T09:30:00+02:00',
    channel: 'post',
    requesterName: 'Гнатюк Василь',
    postalAddress: 'м. Калуш',
    description: 'Кошторис ремонту школи',
    signed: true,
  }) as { id: string; index: string };
  desk().cli(['register', '--input', '-'], { receivedAt: '2026-10-12T11:00:00+03:00', channel: 'email', requesterName: 'ГО «Прозорість»', requesterType: 'association', email: 'info@prozorist.org', description: 'Протоколи засідань' });
});

test('the month’s journal is written as XLSX with progress, found on disk and downloaded', async ({ page }) => {
  await openApp(page, desk());
  await page.keyboard.press('Alt+6');
  const r = new ReportsPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Журнали й звіти' })).toBeVisible();
  // 23 November: the month in progress is proposed; the file goes into «Експорт» beside the register.
  await expect(r.month).toHaveValue('2026-11');
  await r.format('XLSX (Excel)').check();
  await expect(r.out).toHaveValue(/[\\/]Експорт[\\/]Журнал запитів 2026-11\.xlsx$/);
  // Another folder is granted only through the app's folder dialog; the browser says why not and keeps the file where it was.
  await page.getByRole('button', { name: 'Обрати папку…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Папку обирають у програмі' })).toBeVisible();
  await expect(r.out).toHaveValue(/[\\/]Експорт[\\/]Журнал запитів 2026-11\.xlsx$/);
  await r.make.click();
  await expect(r.writtenPath).toBeVisible();
  const path = (await r.writtenPath.textContent())!;
  expect(path).toMatch(/Журнал запитів 2026-11\.xlsx$/);
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  await expect(r.journal).toContainText('рядків: 1');
  await page.screenshot({ path: test.info().outputPath('reports.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await r.download.click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('Журнал запитів 2026-11.xlsx');
  expect(readFileSync((await d.path())!).equals(readFileSync(path))).toBe(true);
});

test('statistics of the year show the figures by month', async ({ page }) => {
  await openApp(page, desk(), '#/reports');
  const r = new ReportsPage(page);
  const total = r.statistics.getByRole('row', { name: /^Надійшло запитів/ });
  await expect(total.getByRole('cell').first()).toHaveText('2');
  await expect(r.statistics.getByRole('img', { name: /Надійшло запитів за місяцями.*лис 26: 1/ })).toBeVisible();
  // Shares as Ukrainian text writes them: «100 %», a decimal comma where there is a fraction (unit-tested).
  await expect(r.statistics).toContainText('на розгляді: 2 (100\u00a0%)');
  await expect(r.statistics).not.toContainText(/\d%/);
});

test('publishing open data from the UI, then a change to a published month brings the reminder with its deadline', async ({ page }) => {
  await openApp(page, desk(), '#/reports');
  const r = new ReportsPage(page);
  await expect(r.openData).toContainText('Набір ще не оприлюднювали');
  await r.openData.getByRole('button', { name: 'Оновити набір' }).click();
  await expect(r.openData.getByTestId('opendata-result')).toContainText('zapyty-na-informatsiiu.csv');
  await expect(r.openData).toContainText('Набір актуальний');
  await expect(new Shell(page).page.getByTestId('opendata-badge')).toHaveCount(0);

  // The November request is answered at another desk (the CLI): the published November changed.
  desk().cli(['act', '--index', seeded.index, '--action', 'answer', '--input', '-'], { outgoingIndex: '01-14/5', date: '2026-11-23' });
  await page.keyboard.press('Alt+4');
  await page.reload();
  // Monday 23 November + 3 working days.
  const reminder = 'Набір відкритих даних застарів: оновити до 26.11.2026';
  await expect(page.getByTestId('opendata-badge')).toHaveText('Відкриті дані: оновити до 26.11.2026');
  const today = new TodayPage(page);
  await expect(today.section(/^Відкриті дані/).getByTestId('opendata-stale')).toContainText(reminder);
  await page.screenshot({ path: test.info().outputPath('today-opendata.png'), fullPage: true });
  await today.section(/^Відкриті дані/).getByRole('button', { name: 'Оновити набір' }).click();
  await expect(page.getByTestId('opendata-badge')).toHaveCount(0);
});

test('an old journal is checked in a dry run, refused rows named, then imported', async ({ page }) => {
  await openApp(page, desk(), '#/reports');
  const region = page.getByRole('region', { name: 'Імпорт журналу з XLSX або CSV' });
  const csv = [
    'Вхідний індекс;Дата і час надходження;Запитувач;Адреса, контакти;Зміст запиту',
    '10;03.03.2025;Особа А;вул. Садова, 1;Запит А',
    '11;04.03.2025;Особа Б;вул. Садова, 2;Запит Б',
    '11;05.03.2025;Особа В;вул. Садова, 3;Запит В',
  ].join('\r\n');
  await region.getByLabel('Файл журналу').setInputFiles({ name: 'журнал 2025.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await expect(region.getByTestId('import-count')).toBeVisible();
  const refused = region.getByRole('table', { name: 'Рядки, які не буде імпортовано' });
  await expect(refused.getByRole('row')).not.toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });
  const n = Number(await region.getByTestId('import-count').textContent());
  expect(n).toBeGreaterThan(0);
  await region.getByRole('button', { name: `Імпортувати ${n}` }).click();
  await expect(region.getByText(`Імпортовано записів: ${n}`)).toBeVisible();
  const list = desk().cli(['list', '--search', 'Садова']) as unknown[];
  expect(list).toHaveLength(n);
});
