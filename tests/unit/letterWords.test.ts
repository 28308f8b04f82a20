import { describe, expect, it } from 'vitest';
import { dativeName, signatureName } from '../../src/main/documents/personName';
import { keepTogether } from '../../src/main/documents/layout';
import { extensionGround } from '../../src/shared/extensionGround';

describe('names in letters', () => {
  it('declines a natural person into the dative with shevchenko', async () => {
    expect(await dativeName('Сидоренко Олег Миколайович')).toBe('Сидоренку Олегу Миколайовичу');
    expect(await dativeName('Петренко Марія Іванівна')).toBe('Петренко Марії Іванівні');
    expect(await dativeName('Коваль Андрій Петрович')).toBe('Ковалю Андрію Петровичу');
    expect(await dativeName('Білий Іван Петрович')).toBe('Білому Івану Петровичу');
  });
  it('leaves what is not a plain ПІБ as written', async () => {
    expect(await dativeName('ТОВ «Калуш-Буд»')).toBe('ТОВ «Калуш-Буд»');
    expect(await dativeName('Петро')).toBe('Петро');
  });
  it('signs as «Ім’я ПРІЗВИЩЕ»', () => {
    expect(signatureName('Бабій Наталія Іванівна')).toBe('Наталія БАБІЙ');
    expect(signatureName('Наталія Бабій')).toBe('Наталія БАБІЙ');
    expect(signatureName('Наталія БАБІЙ')).toBe('Наталія БАБІЙ');
  });
  it('keeps «№», amounts and units together with non-breaking spaces', () => {
    expect(keepTogether('№ 01-15/307, 3 328,00 грн, на 2 арк.')).toBe('№\u00a001-15/307, 3\u00a0328,00\u00a0грн, на 2\u00a0арк.');
  });
});

describe('the one extension ground', () => {
  it('reads the clerk’s reason', () => {
    expect(extensionGround('Великий обсяг інформації')).toBe('volume');
    expect(extensionGround('Пошук інформації серед значної кількості даних архіву')).toBe('search');
    expect(extensionGround('Потрібна значна кількість даних')).toBe('search');
    expect(extensionGround('Хвороба виконавця')).toBeNull();
  });
});
