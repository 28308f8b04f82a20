/**
 * Issue 10 in the window: an old journal with empty time, channel and answer-date cells and no form,
 * reply-way or signature columns is imported through the UI, and the card says «не зазначено» where
 * the journal said nothing — no 09:00, no «поштою», no «відсутні», no invented answer date — until the
 * clerk fills a value in by a correction. The card also shows a requester's fax and the request's own date.
 */
import { expect, test } from '@playwright/test';
import { UNKNOWN_JOURNAL } from '../helpers/unknownJournal';
import { deskForThisFile, openApp } from './desk';
import { CardPage } from './pages';

const desk = deskForThisFile();

test('the card of an imported request shows «не зазначено» for the unknown time, channel and answer date', async ({ page }) => {
  await openApp(page, desk(), '#/reports');
  const region = page.getByRole('region', { name: 'Імпорт журналу з XLSX або CSV' });
  await region.getByLabel('Файл журналу').setInputFiles({ name: 'старий журнал.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${UNKNOWN_JOURNAL}`) });
  await expect(region.getByTestId('import-count')).toHaveText('3');
  // The chooser speaks Ukrainian whatever the browser's language, and names the file chosen.
  await expect(region.getByRole('button', { name: 'Обрати файл…' })).toBeVisible();
  await expect(region).toContainText('старий журнал.csv');
  await expect(region).not.toContainText(/Choose File|No file chosen/);
  const preview = region.getByRole('table', { name: 'Перші рядки до імпорту' });
  await expect(preview).toContainText('час не вказано');
  await expect(region).not.toContainText(/receivedAt|channel|answered|unknown/);
  await page.screenshot({ path: test.info().outputPath('import-unknown-preview.png'), fullPage: true });
  await region.getByRole('button', { name: 'Імпортувати 3' }).click();
  await expect(region.getByText(/Імпортовано записів: 3/)).toBeVisible();

  const answered = desk().cli(['show', '--index', '2']) as { id: string; channel: unknown; receivedTimeKnown: boolean };
  expect(answered).toMatchObject({ channel: null, receivedTimeKnown: false });
  await page.evaluate((id) => (window.location.hash = `#/card/${encodeURIComponent(id)}`), answered.id);
  const card = new CardPage(page);
  await expect(card.title).toHaveText('Вх. № 2');
  const facts = page.getByRole('region', { name: 'Реєстраційні дані' });
  await expect(facts.getByRole('definition').filter({ hasText: 'час не зазначено' })).toHaveText('03.11.2026, час не зазначено');
  await expect(facts).toContainText(/Спосіб надходження\s*не зазначено/);
  await expect(facts).not.toContainText(/Спосіб надходження\s*поштою/);
  // The journal said nothing of the form, the reply way or a signature: nothing is guessed.
  await expect(facts).toContainText(/Форма запиту\s*не зазначено/);
  await expect(facts).toContainText(/Спосіб отримання відповіді\s*не зазначено/);
  await expect(facts).toContainText(/Підпис і дата\s*не зазначено/);
  await expect(facts).not.toContainText(/письмовий|відсутні|Спосіб отримання відповіді\s*поштою/);
  await expect(page.getByTestId('card-due')).toHaveText('розгляд завершено, дата не зазначено');
  await expect(facts).not.toContainText('00:00');
  await expect(page.getByRole('region', { name: 'Розгляд' })).toContainText('дата відповіді не зазначено');
  await expect(card.history).toContainText('Зареєстровано');
  await expect(card.history).not.toContainText('00:00');
  // The undated answer's heading says «дата не зазначено»; its line below does not say it again.
  const answer = card.history.getByRole('listitem').filter({ hasText: 'Надано відповідь' });
  await expect(answer).toHaveText(/дата не зазначено/);
  expect((await answer.textContent())!.split('не зазначено')).toHaveLength(2);
  await page.screenshot({ path: test.info().outputPath('card-unknown.png'), fullPage: true });

  // The original turns up: the clerk fills in the reply way and the signature by a correction.
  await card.actions.getByRole('button', { name: 'Виправити дані реєстрації' }).click();
  const form = page.getByRole('form', { name: 'Виправити дані реєстрації' });
  await form.getByLabel('Спосіб отримання відповіді').selectOption({ label: 'електронною поштою' });
  await form.getByLabel('Підпис і дата').selectOption({ label: 'наявні' });
  await form.getByLabel('Причина виправлення').fill('знайдено оригінал запиту');
  await page.screenshot({ path: test.info().outputPath('card-unknown-correct.png'), fullPage: true });
  await page.keyboard.press('Control+Enter');
  await expect(card.done).toHaveText('Дані реєстрації виправлено.');
  await expect(facts).toContainText(/Спосіб отримання відповіді\s*електронною поштою/);
  await expect(facts).toContainText(/Підпис і дата\s*наявні/);
  await expect(card.history).toContainText('Спосіб отримання відповіді «не зазначено» → «електронною поштою»');
  expect(desk().cli(['show', '--index', '2'])).toMatchObject({ replyBy: 'email', signed: true, form: null, channel: null });
});

test('the card shows the requester’s fax and the date written on the request when they are given', async ({ page }) => {
  const r = desk().cli(['register', '--input', '-'], {
    receivedAt: '2026-11-20T09:00:00+02:00',
    channel: 'fax',
    requesterName: 'ТОВ «Карпати»',
    requesterType: 'legal',
    postalAddress: 'м. Калуш, вул. Липова, 2',
    fax: '+380 3472 6 11 22',
    requestDate: '2026-11-18',
    description: 'Копії рішень сесії',
    signed: true,
  }) as { id: string; index: string };
  await openApp(page, desk(), `#/card/${encodeURIComponent(r.id)}`);
  const facts = page.getByRole('region', { name: 'Реєстраційні дані' });
  await expect(facts).toContainText(/Факс\s*\+380 3472 6 11 22/);
  await expect(facts).toContainText(/Дата запиту\s*18\.11\.2026/);
  await page.screenshot({ path: test.info().outputPath('card-fax-request-date.png'), fullPage: true });
});
