/** Hyphenating word by word through the cache gives exactly what the patterns give the whole text. */
import hyphen from 'hyphen/uk/index.js';
import { describe, expect, it } from 'vitest';
import { hyphenateUk } from '../../src/main/journals/hyphenate';
import * as V from '../../src/main/demo/vocabulary';

describe('hyphenateUk', () => {
  it('matches whole-text hyphenation, twice in a row (the second time from the cache)', () => {
    const texts = [...V.SUBJECTS, ...V.WHATS, ...V.TOPICS, ...V.STREETS, ...V.ASSOCIATIONS, ...V.NOTES, ...V.HOLDERS.flat(),
      'Копії рішень виконавчого комітету щодо благоустрою, "Парк 5";\nдовгий опис', 'Запитувач 1 «Тест»; Іваненко', 'person1@example.ua', 'рішення\u00a0виконкому\tтаблиця', ''];
    for (let round = 0; round < 2; round++)
      for (const t of texts) expect(hyphenateUk(t), t).toBe(t ? hyphen.hyphenateSync(t, { minWordLength: 4 }) : t);
    expect(hyphenateUk('інформації')).toContain('\u00ad');
  });
});
