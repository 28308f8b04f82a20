/** Page objects: the screens as a clerk sees them, found by role and label, never by CSS. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Shell {
  constructor(readonly page: Page) {}
  nav(name: RegExp | string): Locator {
    return this.page.getByRole('navigation', { name: 'Розділи' }).getByRole('link', { name });
  }
  get todayBadge(): Locator {
    return this.page.getByTestId('today-badge');
  }
}

export interface RequestData {
  name?: string;
  address?: string;
  email?: string;
  phone?: string;
  description?: string;
  urgent?: boolean;
  urgentReason?: string;
  received?: string;
  signed?: boolean;
}

export class RegistrationPage {
  constructor(readonly page: Page) {}
  channel(label: string): Locator {
    return this.page.getByRole('group', { name: 'Спосіб надходження' }).getByRole('radio', { name: label, exact: true });
  }
  get received() {
    return this.page.getByLabel('Дата і час надходження');
  }
  get name() {
    return this.page.getByLabel(/Прізвище, ім'я, по батькові|Найменування/);
  }
  get address() {
    return this.page.getByLabel('Поштова адреса');
  }
  get email() {
    return this.page.getByLabel('Електронна пошта');
  }
  get phone() {
    return this.page.getByLabel('Телефон', { exact: true });
  }
  get description() {
    return this.page.getByLabel('Опис запитуваної інформації');
  }
  get urgent() {
    return this.page.getByLabel(/Терміновий запит/);
  }
  get urgentReason() {
    return this.page.getByLabel('Обґрунтування терміновості');
  }
  get signed() {
    return this.page.getByLabel('Підпис і дата наявні');
  }
  get submit() {
    return this.page.getByRole('button', { name: 'Зареєструвати (Ctrl+Enter)' });
  }
  get result() {
    return this.page.getByRole('region', { name: 'Зареєстровано' });
  }
  get newIndex() {
    return this.page.getByTestId('new-index');
  }
  get newDue() {
    return this.page.getByTestId('new-due');
  }
  get alert() {
    return this.page.getByRole('alert');
  }

  /** Fills the form the quick way (the keyboard-only path has its own test). */
  async fill(d: RequestData): Promise<void> {
    if (d.received !== undefined) await this.received.fill(d.received);
    if (d.name !== undefined) await this.name.fill(d.name);
    if (d.address !== undefined) await this.address.fill(d.address);
    if (d.email !== undefined) await this.email.fill(d.email);
    if (d.phone !== undefined) await this.phone.fill(d.phone);
    if (d.description !== undefined) await this.description.fill(d.description);
    if (d.urgent) await this.urgent.check();
    if (d.urgentReason !== undefined) await this.urgentReason.fill(d.urgentReason);
    if (d.signed) await this.signed.check();
  }

  /** Registers with Ctrl+Enter and returns the big incoming index shown. */
  async register(d: RequestData): Promise<string> {
    // The previous success panel may still be on screen (a same-page return to #/register keeps it):
    // read the number only once it is the new one, or a busy machine hands back the old number.
    const before = (await this.result.isVisible()) ? await this.newIndex.textContent() : null;
    await this.fill(d);
    await this.page.keyboard.press('Control+Enter');
    await expect(this.result).toBeVisible();
    if (before !== null) await expect(this.newIndex).not.toHaveText(before);
    const text = (await this.newIndex.textContent()) ?? '';
    return text.replace(/^Вх\. № /, '').trim();
  }
}

export class JournalPage {
  constructor(readonly page: Page) {}
  get search() {
    return this.page.getByRole('searchbox', { name: /Пошук/ });
  }
  get count() {
    return this.page.getByTestId('journal-count');
  }
  get overdueOnly() {
    return this.page.getByLabel('Лише прострочені');
  }
  get rows() {
    return this.page.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
  row(index: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell').first().getByText(index, { exact: true }) });
  }
  /** The number in «Усього: N» / «Знайдено: N». */
  async total(): Promise<number> {
    await expect(this.count).toHaveText(/: \d+/);
    return Number(/: (\d+)/.exec((await this.count.textContent()) ?? '')![1]);
  }
}

export class CardPage {
  constructor(readonly page: Page) {}
  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }
  get status() {
    return this.page.getByTestId('card-status');
  }
  get due() {
    return this.page.getByTestId('card-due');
  }
  get actions() {
    return this.page.getByRole('group', { name: 'Дії з запитом' });
  }
  action(label: string): Locator {
    return this.actions.getByRole('button', { name: label, exact: true });
  }
  get history() {
    return this.page.getByRole('region', { name: 'Історія' });
  }
  get printToolbar() {
    return this.page.getByRole('toolbar', { name: 'Друк документів' });
  }
  get done() {
    return this.page.getByTestId('action-done');
  }
}

export class TodayPage {
  constructor(readonly page: Page) {}
  section(name: RegExp): Locator {
    return this.page.getByRole('region', { name });
  }
  get overdue() {
    return this.section(/^Прострочені/);
  }
  get dueToday() {
    return this.section(/^Строк спливає сьогодні/);
  }
}

/** The paper preview dialog (stamp, receipt, form, letter). */
export class DocumentDialogPage {
  constructor(readonly page: Page) {}
  get dialog() {
    return this.page.getByRole('dialog');
  }
  get preview() {
    return this.dialog.locator('iframe');
  }
  get print() {
    return this.dialog.getByRole('button', { name: 'Друкувати' });
  }
  get save() {
    return this.dialog.getByRole('button', { name: 'Зберегти PDF' });
  }
  /**
   * Waits for the PDF the next preview shows: the bytes `documents:make` answered with, the same
   * the dialog turns into its blob: URL (the page's CSP keeps a test from fetching that URL back).
   */
  async nextPdf(): Promise<() => Promise<Buffer>> {
    const res = this.page.waitForResponse((r) => r.url().endsWith('/api/documents:make'));
    return async () => {
      const body = (await (await res).json()) as { ok: boolean; value?: { pdfBase64: string } };
      expect(body.ok).toBe(true);
      return Buffer.from(body.value!.pdfBase64, 'base64');
    };
  }
}

export class ReportsPage {
  constructor(readonly page: Page) {}
  get journal() {
    return this.page.getByRole('form', { name: 'Журнал реєстрації запитів за місяць' });
  }
  get month() {
    return this.journal.getByLabel('Місяць');
  }
  format(label: string): Locator {
    return this.journal.getByRole('radio', { name: label });
  }
  get out() {
    return this.journal.getByLabel('Файл', { exact: true });
  }
  get make() {
    return this.journal.getByRole('button', { name: 'Сформувати журнал' });
  }
  get writtenPath() {
    return this.journal.getByTestId('written-path');
  }
  get download() {
    return this.journal.getByRole('button', { name: 'Завантажити' });
  }
  get openData() {
    return this.page.getByRole('region', { name: 'Відкриті дані' });
  }
  get statistics() {
    return this.page.getByRole('region', { name: 'Статистика розгляду запитів' });
  }
}
