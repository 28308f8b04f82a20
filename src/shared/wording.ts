/** Ukrainian wording of the register's vocabulary, as the seeds and the Law put it. */
import type { Action, Channel, EventType, RefusalGround, ReplyWay, RequestForm, RequesterType, RequiredPart, Status } from './domain';

export const CHANNEL_LABEL: Record<Channel, string> = {
  in_person: 'особистий прийом',
  post: 'поштою',
  email: 'електронною поштою',
  fax: 'телефаксом',
  phone: 'по телефону',
};

/** What the register shows for a fact its source did not state (an imported journal): never a guess. */
export const NOT_STATED = 'не зазначено';
/** How an imported request's note lists what its journal left out: «…; у журналі не зазначено: час надходження, підпис». */
export const IMPORT_UNSTATED = `у журналі ${NOT_STATED}: `;
/** Names of the parts an imported journal may leave out that the journals' note also speaks of (one wording for both). */
export const UNSTATED_PART = { receivedTime: 'час надходження', resultDate: 'дата відповіді' } as const;
/** The parts an import note says its journal left out (none for any other note). */
export const unstatedInNote = (note: string): string[] => (note.includes(IMPORT_UNSTATED) ? note.split(IMPORT_UNSTATED)[1]!.split(', ') : []);

/** The channel in words; an unknown one is said to be unknown, never counted as post. */
export const channelLabel = (c: Channel | null | undefined): string => (c ? CHANNEL_LABEL[c] : NOT_STATED);

export const FORM_LABEL: Record<RequestForm, string> = { written: 'письмовий', oral: 'усний' };
export const formLabel = (f: RequestForm | null | undefined): string => (f ? FORM_LABEL[f] : NOT_STATED);

/** «Форма і спосіб надходження» (journal cell, card head, history): each part said, or said to be unknown — once when both are. */
export function formChannelLabel(form: RequestForm | null, channel: Channel | null): string {
  if (!form && !channel) return `форма і спосіб: ${NOT_STATED}`;
  return `${form ? FORM_LABEL[form] : `форма: ${NOT_STATED}`}, ${channelLabel(channel)}`;
}

export const REQUESTER_TYPE_LABEL: Record<RequesterType, string> = {
  natural: 'фізична особа',
  legal: 'юридична особа',
  association: "об'єднання громадян без статусу юридичної особи",
};

export const REPLY_WAY_LABEL: Record<ReplyWay, string> = {
  post: 'поштою',
  fax: 'факсом',
  email: 'електронною поштою',
  in_person: 'особисто',
};
export const replyWayLabel = (w: ReplyWay | null | undefined): string => (w ? REPLY_WAY_LABEL[w] : NOT_STATED);

/** «Підпис і дата» of a written request: present, absent, or not stated by an imported journal. */
export const signatureLabel = (signed: boolean | null | undefined): string => (signed == null ? NOT_STATED : signed ? 'наявні' : 'відсутні');

export const STATUS_LABEL: Record<Status, string> = {
  registered: 'зареєстровано',
  in_progress: 'на виконанні',
  extended: 'строк продовжено',
  awaiting_payment: 'очікується оплата витрат',
  answered: 'надано відповідь',
  refused: 'відмовлено',
  redirected: 'направлено належному розпоряднику',
  not_considered: 'залишено без розгляду',
  void: 'анульовано',
};

export const ACTION_LABEL: Record<Action, string> = {
  assign: 'Призначити виконавця',
  extend: 'Продовжити строк',
  cost_notice: 'Повідомити про витрати',
  payment_received: 'Оплату підтверджено',
  answer: 'Надано відповідь',
  refuse: 'Відмовити',
  redirect: 'Направити належному розпоряднику',
  not_considered: 'Залишити без розгляду',
  void: 'Анулювати',
  note: 'Примітка',
  correct: 'Виправити дані реєстрації',
};

/** What the clerk is told once an action is recorded, in the past tense. */
export const ACTION_DONE_LABEL: Record<Action, string> = {
  assign: 'Виконавця призначено',
  extend: 'Строк розгляду продовжено',
  cost_notice: 'Повідомлення про фактичні витрати зареєстровано',
  payment_received: 'Оплату підтверджено',
  answer: 'Відповідь зареєстровано',
  refuse: 'Відмову зареєстровано',
  redirect: 'Запит направлено належному розпоряднику',
  not_considered: 'Запит залишено без розгляду',
  void: 'Запит анульовано',
  note: 'Примітку додано',
  correct: 'Дані реєстрації виправлено',
};

/** Art. 22 part 1, in the words of the Law (Kalush notes, item 10). */
export const REFUSAL_GROUND_TEXT: Record<RefusalGround, string> = {
  1: 'розпорядник інформації не володіє і не зобов\'язаний відповідно до його компетенції, передбаченої законодавством, володіти інформацією, щодо якої зроблено запит',
  2: 'інформація, що запитується, належить до категорії інформації з обмеженим доступом відповідно до частини другої статті 6 Закону України «Про доступ до публічної інформації»',
  3: 'особа, яка подала запит на інформацію, не оплатила фактичні витрати, пов\'язані з копіюванням або друком, відповідно до частини другої статті 21 Закону України «Про доступ до публічної інформації»',
  4: 'не дотримано вимог до запиту на інформацію, передбачених частиною п\'ятою статті 19 Закону України «Про доступ до публічної інформації»',
};

export const REQUIRED_PART_LABEL: Record<RequiredPart, string> = {
  requesterName: "прізвище, ім'я, по батькові (найменування) запитувача",
  postalAddressOrEmail: 'поштова адреса або адреса електронної пошти',
  description: 'загальний опис інформації або вид, назва, реквізити чи зміст документа',
  signed: 'підпис і дата (для письмового запиту)',
};

/** Field names as the clerk sees them, for validation messages. */
export const FIELD_LABEL: Record<string, string> = {
  receivedAt: 'Дата і час надходження',
  channel: 'Спосіб надходження',
  form: 'Форма запиту',
  requesterType: 'Тип запитувача',
  requesterName: 'ПІБ / найменування запитувача',
  postalAddress: 'Поштова адреса',
  email: 'Електронна пошта',
  phone: 'Телефон',
  fax: 'Факс',
  requestDate: 'Дата запиту',
  description: 'Опис запитуваної інформації',
  urgent: 'Терміновий',
  urgentReason: 'Обґрунтування терміновості',
  replyBy: 'Спосіб отримання відповіді',
  signed: 'Підпис і дата',
  filledByOfficial: 'Оформлено посадовою особою',
  'filledByOfficial.name': 'ПІБ посадової особи',
  'filledByOfficial.phone': 'Телефон посадової особи',
  'council.name': 'Найменування розпорядника',
  'council.phone': 'Телефон розпорядника',
  name: 'ПІБ',
  index: 'Вхідний номер',
  action: 'Дія',
  executor: 'Виконавець',
  unit: 'Структурний підрозділ',
  reason: 'Обґрунтування',
  pages: 'Кількість сторінок',
  format: 'Формат',
  restricted: 'Обмежений доступ',
  date: 'Дата',
  outgoingIndex: 'Вихідний номер',
  sentBy: 'Спосіб надсилання',
  ground: 'Підстава відмови',
  explanation: 'Мотивування',
  holder: 'Розпорядник',
  holderAddress: 'Адреса розпорядника',
  missing: 'Чого бракує',
  text: 'Текст',
  month: 'Місяць',
  status: 'Стан',
  search: 'Пошук',
};

/** A history entry's name: the card's timeline and the CLI's `show` print the same words. */
export const EVENT_LABEL: Record<EventType, string> = {
  registered: 'Зареєстровано',
  assigned: 'Призначено виконавця',
  extended: 'Продовжено строк розгляду',
  cost_notice: 'Повідомлено про фактичні витрати',
  payment_received: 'Підтверджено оплату витрат',
  answered: 'Надано відповідь',
  refused: 'Відмовлено в задоволенні запиту',
  redirected: 'Направлено належному розпоряднику',
  not_considered: 'Залишено без розгляду',
  voided: 'Анульовано',
  note: 'Примітка',
  corrected: 'Виправлено дані реєстрації',
  document_issued: 'Видано документ',
  conflict_resolved: 'Вирішено конфлікт робочих місць',
  attached: 'Долучено скан',
  attachment_removed: 'Вилучено скан',
};

/**
 * How much of an event's moment is known, for the history: all of it; the date only (an imported
 * request without a time of receipt has its events put at the start of that day, a date and not a
 * time to print); or nothing — a result an imported journal gave without its date (`date: null`)
 * sits at the receipt only to be ordered, and printing that date would say it was decided then.
 */
export function eventMoment(r: { receivedAt: string; receivedTimeKnown?: boolean }, e: { at: string; payload: unknown }): 'full' | 'date' | 'none' {
  if ((e.payload as { date?: unknown } | null)?.date === null) return 'none';
  return r.receivedTimeKnown === false && e.at === r.receivedAt ? 'date' : 'full';
}
