/**
 * The words a person sees for a field named in a message: input fields of a registration or an
 * action (`FIELD_LABEL`) and every setting by its dotted path. No message shows a path such as
 * `council.responsiblePerson` or `fees.rates.0.a4`: an unknown one reads «Поле» rather than code.
 */
import { FIELD_LABEL } from './wording';

export const SETTINGS_LABEL: Record<string, string> = {
  council: 'Розпорядник інформації',
  'council.name': 'Найменування розпорядника',
  'council.address': 'Поштова адреса розпорядника',
  'council.email': 'Електронна пошта розпорядника',
  'council.phone': 'Телефон розпорядника',
  'council.fax': 'Факс розпорядника',
  'council.website': 'Вебсайт розпорядника',
  'council.documentRegisterUrl': 'Адреса системи обліку (реєстру) документів',
  'council.responsiblePerson': 'Відповідальна особа (ПІБ)',
  'council.responsiblePosition': 'Посада відповідальної особи',
  'council.responsibleFullName': 'Прізвище, ім’я, по батькові відповідальної особи',
  'council.higherBody': 'Вищий орган (у бланку листа)',
  'council.edrpou': 'Код ЄДРПОУ розпорядника',
  'council.emblemPath': 'Герб для бланка листа',
  'council.nameGenitive': 'Розпорядник у родовому відмінку',
  'council.websiteOwnerGenitive': 'Чий вебсайт, у родовому відмінку',
  'council.clerkName': 'Хто приймає запити (ім’я та прізвище)',
  'council.clerkPosition': 'Посада того, хто приймає запити',
  'council.executorPhone': 'Номер для відмітки про виконавця',
  index: 'Вхідний номер',
  'index.template': 'Шаблон вхідного номера',
  'index.journal': 'Журнал',
  'index.prefix': 'Префікс',
  'index.deskCode': 'Код робочого місця',
  'index.caseIndex': 'Індекс справи',
  calendar: 'Календар робочих днів',
  'calendar.mode': 'Календар',
  'calendar.martialLawFrom': 'Воєнний стан з',
  'calendar.martialLawTo': 'Воєнний стан по',
  'calendar.overrides': 'Перенесення робочих днів',
  'calendar.overrides.*.date': 'Перенесення робочих днів: дата',
  'calendar.overrides.*.working': 'Перенесення робочих днів: вид дня',
  'calendar.overrides.*.note': 'Перенесення робочих днів: примітка',
  rules: 'Строки',
  'rules.normalDays': 'Відповідь, робочих днів',
  'rules.urgentHours': 'Терміновий запит, годин',
  'rules.extendedDays': 'Продовжений строк, робочих днів',
  'rules.noticeDays': 'Повідомлення про продовження чи витрати, робочих днів',
  'rules.redirectDays': 'Направлення належному розпоряднику, робочих днів',
  'rules.afterPaymentDays': 'Після підтвердження оплати, робочих днів',
  stamp: 'Штамп реєстрації',
  'stamp.rightMm': 'Штамп: відступ справа, мм',
  'stamp.bottomMm': 'Штамп: відступ знизу, мм',
  'stamp.widthMm': 'Штамп: ширина, мм',
  'stamp.heightMm': 'Штамп: висота, мм',
  'stamp.time': 'Штамп: час надходження',
  fees: 'Ставки відшкодування витрат',
  'fees.subsistenceMinimum': 'Прожитковий мінімум',
  'fees.subsistenceMinimum.*.from': 'Прожитковий мінімум: діє з',
  'fees.subsistenceMinimum.*.amount': 'Прожитковий мінімум: сума',
  'fees.rates': 'Ставки витрат за рішенням розпорядника',
  'fees.rates.*.from': 'Ставки: діють з',
  'fees.rates.*.a4': 'Ставка за сторінку А4',
  'fees.rates.*.a3': 'Ставка за сторінку А3',
  'fees.rates.*.restricted': 'Ставка з виокремленням інформації з обмеженим доступом',
  'fees.rates.*.scan': 'Ставка за сканування',
  'fees.rates.*.decisionNumber': 'Номер рішення про ставки',
  'fees.rates.*.decisionDate': 'Дата рішення про ставки',
  'fees.chargeAllPages': 'Оплачуються всі сторінки',
  payment: 'Реквізити для оплати',
  'payment.recipient': 'Отримувач платежу',
  'payment.iban': 'IBAN',
  'payment.bank': 'Банк',
  'payment.edrpou': 'Код ЄДРПОУ отримувача',
  'payment.purpose': 'Призначення платежу',
  printers: 'Принтери',
  'printers.stamp': 'Принтер для штампа',
  'printers.receipt': 'Принтер для розписок',
  'printers.form': 'Принтер для форм',
  'printers.letter': 'Принтер для листів',
  exports: 'Експорт',
  'exports.csvSeparator': 'Роздільник CSV',
  'exports.folder': 'Папка експорту',
  openData: 'Відкриті дані',
  'openData.folder': 'Відкриті дані: папка',
  'openData.identifier': 'Відкриті дані: ідентифікатор',
  'openData.title': 'Відкриті дані: назва',
  'openData.description': 'Відкриті дані: опис',
  'openData.purpose': 'Відкриті дані: мета',
  'openData.maintainer': 'Відкриті дані: відповідальна особа',
  'openData.email': 'Відкриті дані: електронна пошта',
  'openData.keywords': 'Відкриті дані: ключові слова',
  'openData.licence': 'Відкриті дані: ліцензія',
  'openData.updateFrequency': 'Відкриті дані: частота оновлення',
  'openData.publishedAt': 'Відкриті дані: дата першого оприлюднення',
  'confirm.statutoryTerms': 'Підтвердження зміни строків',
  'confirm.templateMidYear': 'Підтвердження зміни шаблону номера',
  'confirm.adminPassword': 'Пароль адміністратора',
};

/**
 * «Ставка за сторінку А4 (рядок 2)» for `fees.rates.1.a4`; the registration's own fields by name;
 * «Поле» when nothing is known — never the path itself.
 */
export function fieldLabel(path: string): string {
  const exact = FIELD_LABEL[path] ?? SETTINGS_LABEL[path];
  if (exact) return exact;
  const rows = [...path.matchAll(/\.(\d+)(?=\.|$)/g)].map((m) => Number(m[1]) + 1);
  const pattern = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const byPattern = SETTINGS_LABEL[pattern] ?? SETTINGS_LABEL[pattern.replace(/\.\*$/, '')] ?? FIELD_LABEL[pattern.replace(/\.\*$/, '')];
  if (byPattern) return rows.length ? `${byPattern} (рядок ${rows.join(', ')})` : byPattern;
  const last = path.split('.').pop() ?? '';
  return FIELD_LABEL[last] ?? 'Поле';
}

/** Where a field of settings is, for the list of dropped parts: «Розпорядник інформації: Найменування…». */
export const settingsPathLabel = (path: string): string => (path === '' ? 'Усі налаштування' : SETTINGS_LABEL[path] ?? fieldLabel(path));
