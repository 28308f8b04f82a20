/** Papers for the visitor who is waiting: the stamp from the registration result by one key, then in the card's history. */
import { expect, test } from '@playwright/test';
import { deskForThisFile, openApp } from './desk';
import { CardPage, DocumentDialogPage, RegistrationPage } from './pages';

const desk = deskForThisFile();

test('F8 on the registration result previews the stamp sheet, and the card records it as issued', async ({ page }) => {
  await openApp(page, desk());
  const reg = new RegistrationPage(page);
  const index = await reg.register({ name: 'Коваль Петро Іванович', address: 'м. Калуш, вул. Грушевського, 5', description: 'Рішення про бюджет міста на 2027 рік', signed: true });
  await expect(reg.result.getByRole('button', { name: 'Штамп на аркуш (F8)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('registration-result.png') });

  const doc = new DocumentDialogPage(page);
  const pdf = await doc.nextPdf();
  await page.keyboard.press('F8');
  await expect(doc.dialog).toBeVisible();
  await expect(doc.dialog.getByRole('heading', { name: 'Аркуш зі штампом реєстрації' })).toBeVisible();
  await expect(doc.preview).toHaveAttribute('src', /^blob:/);
  expect((await pdf()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(doc.print).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('stamp-dialog.png') });

  // The same paper through the API: a preview records nothing.
  const api = await page.request.post(`${desk().url}/api/documents:make`, { data: { kind: 'stamp_sheet', index, preview: true } });
  const made = (await api.json()) as { ok: boolean; value: { pdfBase64: string } };
  expect(made.ok).toBe(true);
  expect(Buffer.from(made.value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

  // «Зберегти PDF» downloads the preview.
  const download = page.waitForEvent('download');
  await doc.save.click();
  expect((await download).suggestedFilename()).toMatch(/^stamp_sheet.*\.pdf$/);

  // Esc closes the dialog and leaves the clerk on the registration screen.
  await page.keyboard.press('Escape');
  await expect(doc.dialog).toBeHidden();
  await expect(reg.result).toBeVisible();

  // Shift+F9: the Appendix 4 form, filled from the request.
  await page.keyboard.press('Shift+F9');
  await expect(doc.dialog.getByRole('heading', { name: 'Форма запиту (фізична особа)' })).toBeVisible();
  await expect(doc.preview).toHaveAttribute('src', /^blob:/);
  await page.keyboard.press('Escape');

  await reg.result.getByRole('button', { name: 'Відкрити картку' }).click();
  const card = new CardPage(page);
  await expect(card.title).toHaveText(`Вх. № ${index}`);
  await expect(card.history.getByText('Аркуш зі штампом реєстрації')).toHaveCount(1);
  await expect(card.history.getByText('Видано документ')).toHaveCount(1);

  // On the card the same keys: F9 is the receipt (not recorded), Shift+F8 the stamped copy (recorded).
  await page.keyboard.press('F9');
  await expect(doc.dialog.getByRole('heading', { name: 'Розписка про прийняття запиту' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card.title).toBeVisible();
  await page.keyboard.press('Shift+F8');
  await expect(doc.dialog.getByRole('heading', { name: 'Копія запиту зі штампом реєстрації' })).toBeVisible();
  await expect(doc.preview).toHaveAttribute('src', /^blob:/);
  await page.keyboard.press('Escape');
  await expect(card.history.getByText('Копія запиту зі штампом реєстрації')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('card-print-toolbar.png'), fullPage: true });
});

test('a scan is stamped through the file chooser', async ({ page }) => {
  const seeded = desk().cli(['register', '--input', '-'], { receivedAt: '2026-11-20T09:00:00+02:00', channel: 'email', requesterName: 'ТОВ «Світанок»', requesterType: 'legal', email: 'office@svitanok.ua', description: 'Договори оренди' }) as { id: string };
  await openApp(page, desk(), `#/card/${seeded.id}`);
  const card = new CardPage(page);
  const doc = new DocumentDialogPage(page);
  const pdf = await doc.nextPdf();
  const chooser = page.waitForEvent('filechooser');
  await card.printToolbar.getByRole('button', { name: 'Штамп на скан… (Ctrl+F8)' }).click();
  // A one-page PNG scan (1×1 white pixel).
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
  await (await chooser).setFiles({ name: 'скан.png', mimeType: 'image/png', buffer: png });
  await expect(doc.dialog.getByRole('heading', { name: 'Скан запиту зі штампом реєстрації' })).toBeVisible();
  await expect(doc.preview).toHaveAttribute('src', /^blob:/);
  expect((await pdf()).subarray(0, 5).toString()).toBe('%PDF-');
  // A blank scan: the stamp stays at its set place, shown before anything is issued.
  const place = doc.dialog.getByTestId('stamp-place');
  await expect(place).toHaveText('Штамп на звичному місці — там чисто: 10 мм від правого краю, 10 мм від нижнього краю.');
  // Moved by the keys on its frame (Shift: 5 mm), and the preview follows with the chosen place.
  const moved = page.waitForResponse(async (r) => r.url().endsWith('/api/documents:make') && ((await r.json()) as { value?: { stamp?: { how: string } } }).value?.stamp?.how === 'chosen');
  await doc.dialog.getByTestId('stamp-frame').focus();
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await expect(place).toHaveText('Штамп там, куди ви його перемістили: 11 мм від правого краю, 15 мм від нижнього краю.');
  const preview = (await (await moved).json()) as { value: { stamp: { rightMm: number; bottomMm: number }; eventId?: string } };
  expect(preview.value.stamp).toMatchObject({ rightMm: 11, bottomMm: 15 });
  expect(preview.value.eventId).toBeUndefined();
  // The re-made preview leaves the focus on the stamp, so the clerk can go on moving it.
  await expect(doc.dialog.getByTestId('stamp-frame')).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('stamp-placer.png') });
  // Saving issues it there, and only then is it in the request's history.
  const issued = page.waitForResponse(async (r) => r.url().endsWith('/api/documents:make') && Boolean(((await r.json()) as { value?: { eventId?: string } }).value?.eventId));
  const download = page.waitForEvent('download');
  await doc.save.click();
  expect(((await (await issued).json()) as { value: { stamp: { how: string; rightMm: number } } }).value.stamp).toMatchObject({ how: 'chosen', rightMm: 11 });
  await download;
  await page.keyboard.press('Escape');
  await expect(card.history.getByText('Скан запиту зі штампом реєстрації')).toBeVisible();
});

test('a refusal offers its letter; without a responsible person the API says so, with a way to the settings', async ({ page }) => {
  const seeded = desk().cli(['register', '--input', '-'], { receivedAt: '2026-11-20T09:00:00+02:00', channel: 'post', requesterName: 'Гнатюк Василь', postalAddress: 'м. Калуш', description: 'Кошторис ремонту школи', signed: true }) as { id: string };
  await openApp(page, desk(), `#/card/${seeded.id}`);
  const card = new CardPage(page);
  await card.action('Відмовити').click();
  await page.getByLabel('Мотивування відмови').fill('Розпорядник не володіє цією інформацією');
  await page.keyboard.press('Control+Enter');
  await expect(card.done).toBeVisible();
  const offer = page.getByRole('group', { name: 'Лист за цією дією' });
  await offer.getByRole('button', { name: 'Відмова' }).click();
  const doc = new DocumentDialogPage(page);
  await expect(doc.dialog.getByLabel('Вихідний номер листа')).toBeFocused();
  await page.keyboard.type('01-15/77');
  await page.keyboard.press('Enter');
  await expect(doc.dialog.getByRole('alert')).toContainText('відповідальної особи');
  await page.screenshot({ path: test.info().outputPath('letter-error.png') });
  await doc.dialog.getByRole('link', { name: 'Відкрити налаштування' }).click();
  await expect(page.getByLabel('Шаблон вхідного номера')).toBeVisible();

  const set = await page.request.post(`${desk().url}/api/settings:update`, {
    data: { council: { responsiblePerson: 'Петренко Олена Миколаївна', responsiblePosition: 'Начальник загального відділу' } },
  });
  expect(((await set.json()) as { ok: boolean }).ok).toBe(true);

  // The toolbar keeps offering the letter the history calls for.
  await page.goto(`${desk().url}/#/card/${seeded.id}`);
  await card.printToolbar.getByRole('group', { name: 'Листи' }).getByRole('button', { name: 'Відмова' }).click();
  await doc.dialog.getByLabel('Вихідний номер листа').fill('01-15/77');
  const letter = await doc.nextPdf();
  await page.keyboard.press('Enter');
  await expect(doc.preview).toHaveAttribute('src', /^blob:/);
  expect((await letter()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: test.info().outputPath('letter-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(card.history.getByText('Відмова в задоволенні запиту, вих. № 01-15/77')).toBeVisible();
});
