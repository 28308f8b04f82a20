/** A journal with a channel column and a time column, some cells of which are empty. */
export const UNKNOWN_JOURNAL = [
  'Вх. №;Дата надходження;Час надходження;Спосіб надходження;Запитувач;Адреса;Зміст;Терміновий;Результат розгляду;Дата відповіді',
  // Open, no time, no channel, urgent: the 48 hours run from the start of the day.
  '1;02.11.2026;;;Петренко П. П.;вул. Лісова, 1;Про аварію на водогоні;так;на розгляді;',
  // Answered without a date, no time, no channel.
  '2;03.11.2026;;;Іваненко І. І.;вул. Лісова, 2;Про бюджет;;надано відповідь;',
  // Everything stated.
  '3;04.11.2026;14:30;електронною поштою;Сидоренко С. С.;вул. Лісова, 3;Про ремонт;;надано відповідь;06.11.2026',
].join('\r\n');

/**
 * A journal that states the form, the reply way and the signature for some rows and not for others,
 * with results whose dates are missing. Numbers 11–15, so it imports beside UNKNOWN_JOURNAL.
 */
export const UNSTATED_JOURNAL = [
  'Вх. №;Дата надходження;Форма і спосіб надходження;Запитувач;Адреса;Зміст;Спосіб отримання відповіді;Підпис;Результат розгляду;Підстава відмови;Кому направлено;Дата відповіді',
  // Handed in at the desk, form not said; refused on a day the journal does not give.
  '11;05.11.2026;особисто;Коваль К. К.;вул. Садова, 1;Про тарифи;;;відмовлено;п. 1;;',
  // Oral at the desk, to be handed over in person; redirected, no date.
  '12;05.11.2026;усно, особистий прийом;Мельник М. М.;вул. Садова, 2;Про парк;особисто;;направлено за належністю;;Калуська районна державна адміністрація;',
  // A letter stated unsigned; left without consideration, no date.
  '13;06.11.2026;поштою;Шевчук Ш. Ш.;вул. Садова, 3;Про школу;поштою;ні;залишено без розгляду: немає підпису;;;',
  // Everything stated.
  '14;06.11.2026;письмовий, особисто;Бондар Б. Б.;вул. Садова, 4;Про дороги;електронною поштою;так;відмовлено;2;;10.11.2026',
  // A reply way the register does not know: unknown, with a warning.
  "15;07.11.2026;факсом;Ткач Т. Т.;вул. Садова, 5;Про воду;кур'єром;підписано;на розгляді;;;",
].join('\r\n');
