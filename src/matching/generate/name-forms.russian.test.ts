import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { givenNameClass } from '../names/index.js';
import { FEMALE_NAMES, MALE_NAMES } from './data.js';
import {
  feminineSurname,
  russianGivenName,
  russianPatronymicOf,
  russifySurname,
  ukrainianPatronymic,
} from './name-forms.js';

const father = (uk: string) => {
  const entry = MALE_NAMES.find((n) => n.uk === uk);
  assert.ok(entry, uk);
  return entry;
};

describe('name forms: Ukrainian and Russian', () => {
  test('Ukrainian patronymics, regular and irregular', () => {
    const table: [string, 'M' | 'F', string][] = [
      ['Андрій', 'M', 'Андрійович'],
      ['Андрій', 'F', 'Андріївна'],
      ['Микола', 'M', 'Миколайович'],
      ['Микола', 'F', 'Миколаївна'],
      ['Дмитро', 'F', 'Дмитрівна'],
      ['Василь', 'M', 'Васильович'],
      ['Василь', 'F', 'Василівна'],
      ['Олександр', 'M', 'Олександрович'],
      ['Федір', 'M', 'Федорович'],
      ['Ілля', 'M', 'Ілліч'],
    ];
    for (const [name, sex, expected] of table) assert.equal(ukrainianPatronymic(father(name), sex), expected);
  });

  test('Russian forms of given names and patronymics', () => {
    const given: [string, string][] = [
      ['Володимир', 'Владимир'],
      ['Олександр', 'Александр'],
      ['Андрій', 'Андрей'],
      ['Микола', 'Николай'],
      ['Тетяна', 'Татьяна'],
    ];
    for (const [uk, ru] of given) assert.equal(russianGivenName(uk), ru);
    const patronymics: [string, string][] = [
      ['Миколайович', 'Николаевич'],
      ['Миколаївна', 'Николаевна'],
      ['Андрійович', 'Андреевич'],
      ['Юріївна', 'Юрьевна'],
      ['Дмитрович', 'Дмитриевич'],
      ['Михайлович', 'Михайлович'],
      ['Петрівна', 'Петровна'],
      ['Ігорович', 'Игоревич'],
    ];
    for (const [uk, ru] of patronymics) assert.equal(russianPatronymicOf(uk), ru);
  });

  test('Russian spelling of Ukrainian surnames', () => {
    const table: [string, boolean, string][] = [
      ['Вишневський', false, 'Вишневский'],
      ['Вишневська', false, 'Вишневская'],
      ['Левицький', false, 'Левицкий'],
      ['Гордієнко', false, 'Гордиенко'],
      ['Коломієць', false, 'Коломиец'],
      ["Лук'яненко", false, 'Лукьяненко'],
      ['Заїка', false, 'Заика'],
      ['Їжак', false, 'Йижак'],
      ['Гончаренко', false, 'Гончаренко'],
      ['Лисенко', true, 'Лысенко'],
      ['Кузнєцов', false, 'Кузнецов'],
    ];
    for (const [uk, hardY, ru] of table) assert.equal(russifySurname(uk, hardY), ru, uk);
  });

  test('feminine surnames change only where the language inflects them', () => {
    const table: [string, string][] = [
      ['Вишневський', 'Вишневська'],
      ['Осадчий', 'Осадча'],
      ['Іванов', 'Іванова'],
      ['Коваленко', 'Коваленко'],
      ['Ковальчук', 'Ковальчук'],
    ];
    for (const [m, f] of table) assert.equal(feminineSurname(m), f);
  });

  test('each Russian form belongs to the same given-name class as its Ukrainian form', () => {
    for (const n of [...MALE_NAMES, ...FEMALE_NAMES]) {
      const uk = givenNameClass(n.uk);
      if (uk === null) continue;
      assert.equal(givenNameClass(n.ru), uk, `${n.uk} / ${n.ru}`);
    }
  });
});
