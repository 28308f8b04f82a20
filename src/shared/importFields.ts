/**
 * How the import screen and its messages name a journal's columns: each field by its Ukrainian
 * label, each column by its spreadsheet letter (A, B, … Z, AA…), never by internal names or
 * 0-based numbers.
 */
import type { ImportField } from './journalInputs';

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  index: 'Вхідний номер',
  receivedAt: 'Дата надходження',
  receivedTime: 'Час надходження',
  requesterName: 'Запитувач',
  requesterType: 'Категорія запитувача',
  contacts: 'Адреса, контакти',
  postalAddress: 'Поштова адреса',
  email: 'Електронна пошта',
  phone: 'Телефон',
  channel: 'Спосіб надходження',
  form: 'Форма запиту',
  description: 'Зміст запиту',
  urgent: 'Терміновий',
  executor: 'Виконавець',
  deadline: 'Строк відповіді',
  extension: 'Продовження строку',
  result: 'Результат розгляду',
  outgoingIndex: 'Вихідний номер',
  resultDate: 'Дата відповіді',
  refusalGround: 'Підстава відмови',
  redirectHolder: 'Кому направлено',
  note: 'Примітка',
  signed: 'Підпис',
  replyBy: 'Спосіб отримання відповіді',
};

/** The spreadsheet letter of a 0-based column: 0 → A, 10 → K, 26 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** In a mapping, this column spec means "this field is not in the file" (overrides what was recognised). */
export const NO_COLUMN = '-';

/** A column of the file as the mapping screen offers it: its letter, header text and a few values. */
export interface ColumnSample {
  column: number;
  letter: string;
  header: string;
  values: string[];
}
