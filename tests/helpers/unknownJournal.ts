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
