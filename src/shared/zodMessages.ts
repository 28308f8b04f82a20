/**
 * Zod's own messages for a person: zod's Ukrainian locale still says «очікується, що number буде
 * <=240» and «очікується string». This map words the common issues without type names or
 * symbols; anything it does not know falls through to the locale.
 */
import type { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodErrorMap>>[0];

const count = (n: number | bigint, one: string, few: string, many: string): string => {
  const k = Number(n) % 100;
  const word = k % 10 === 1 && k !== 11 ? one : k % 10 >= 2 && k % 10 <= 4 && (k < 12 || k > 14) ? few : many;
  return `${String(n).replace('.', ',')} ${word}`;
};

const TYPE_WORD: Record<string, string> = {
  number: 'потрібне число',
  int: 'потрібне ціле число',
  string: 'потрібен текст',
  boolean: 'потрібно «так» або «ні»',
  array: 'потрібен перелік',
  object: 'потрібен набір полів',
  date: 'потрібна дата',
};

function tooBig(i: Issue & { code: 'too_big' }): string {
  const max = i.maximum as number;
  if (i.origin === 'string') return `Задовгий текст: не більше ${count(max, 'символу', 'символів', 'символів')}`;
  if (i.origin === 'array' || i.origin === 'set') return `Забагато записів: не більше ${max}`;
  return i.inclusive === false ? `Має бути менше ${String(max).replace('.', ',')}` : `Не більше ${String(max).replace('.', ',')}`;
}

function tooSmall(i: Issue & { code: 'too_small' }): string {
  const min = i.minimum as number;
  if (i.origin === 'string') return min <= 1 ? 'Заповніть поле' : `Щонайменше ${count(min, 'символ', 'символи', 'символів')}`;
  if (i.origin === 'array' || i.origin === 'set') return min <= 1 ? 'Додайте хоча б один запис' : `Щонайменше ${min} записів`;
  return i.inclusive === false ? `Має бути більше ${String(min).replace('.', ',')}` : `Не менше ${String(min).replace('.', ',')}`;
}

export function personError(i: Issue): string | undefined {
  switch (i.code) {
    case 'too_big':
      return tooBig(i);
    case 'too_small':
      return tooSmall(i);
    case 'invalid_type':
      if (i.input === undefined) return 'Обов’язкове поле не заповнено';
      return TYPE_WORD[i.expected] ? `Неправильне значення: ${TYPE_WORD[i.expected]}` : undefined;
    case 'invalid_value':
      return `Недопустиме значення; можливі: ${i.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `${i.keys.length === 1 ? 'Невідоме поле' : 'Невідомі поля'}: ${i.keys.join(', ')}`;
    default:
      return undefined;
  }
}
