import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_NAMES, suggestMapping } from '../index.js';
import type { FieldName } from '../index.js';

const lists: { name: string; header: string[]; expected: Record<string, FieldName> }[] = [
  {
    name: 'English',
    header: [
      'No',
      'Surname',
      'First name',
      'Middle name',
      'Date of birth',
      'Rank',
      'Military unit',
      'Status',
      'Notes',
    ],
    expected: {
      No: 'source_record_id',
      Surname: 'family_name',
      'First name': 'given_name',
      'Middle name': 'patronymic',
      'Date of birth': 'date_of_birth',
      Rank: 'rank',
      'Military unit': 'unit',
      Status: 'status',
      Notes: 'notes',
    },
  },
  {
    name: 'Ukrainian',
    header: [
      '№',
      'Прізвище',
      "Ім'я",
      'По батькові',
      'Дата народження (дд.мм.рррр)',
      'Звання',
      'В/ч',
      'Місце народження',
      'Примітки',
    ],
    expected: {
      '№': 'source_record_id',
      Прізвище: 'family_name',
      "Ім'я": 'given_name',
      'По батькові': 'patronymic',
      'Дата народження (дд.мм.рррр)': 'date_of_birth',
      Звання: 'rank',
      'В/ч': 'unit',
      'Місце народження': 'place_of_birth',
      Примітки: 'notes',
    },
  },
  {
    name: 'Russian',
    header: ['ФИО', 'Год рождения', 'Воинское звание', 'Личный номер', 'Место содержания', 'Дата', 'Телефон'],
    expected: {
      ФИО: 'full_name',
      'Год рождения': 'year_of_birth',
      'Воинское звание': 'rank',
      'Личный номер': 'service_number',
      'Место содержания': 'place',
      Дата: 'status_date',
      Телефон: 'phone',
    },
  },
  {
    name: 'mixed spellings',
    header: ['ПІБ', 'Стать', 'Вік', 'Ім’я батька', 'Имя матери', 'E-mail', 'Громадянство', 'Фамилия (ё→е)'],
    expected: {
      ПІБ: 'full_name',
      Стать: 'sex',
      Вік: 'age',
      'Ім’я батька': 'father_name',
      'Имя матери': 'mother_name',
      'E-mail': 'email',
      Громадянство: 'nationality',
      'Фамилия (ё→е)': 'family_name',
    },
  },
];

describe('suggestMapping reads header names', () => {
  for (const l of lists) {
    test(l.name, () => assert.deepEqual(suggestMapping(l.header), l.expected));
  }
});

test('HXL hashtags win over header names, and unknown columns are left out', () => {
  const header = ['Name', 'Born', 'Oblast', 'Gender', 'Years', 'Favourite colour'];
  const tags = ['#affected +name', '#date +birth', '#adm1 +name', '#sex', '#age', ''];
  assert.deepEqual(suggestMapping(header, tags), {
    Name: 'full_name',
    Born: 'date_of_birth',
    Oblast: 'place',
    Gender: 'sex',
    Years: 'age',
  });
});

test('HXL name attributes split the name parts', () => {
  const tags = [
    '#affected +name +given',
    '#affected +family +name',
    '#affected +name +patronymic',
    '#meta +id',
  ];
  const header = ['a', 'b', 'c', 'd'];
  assert.deepEqual(suggestMapping(header, tags), {
    a: 'given_name',
    b: 'family_name',
    c: 'patronymic',
    d: 'source_record_id',
  });
});

test('a field goes to one column only', () => {
  const m = suggestMapping(['Телефон', 'Телефон 2', 'Phone']);
  assert.deepEqual(m, { Телефон: 'phone' });
});

test('every suggested value is a known field', () => {
  const all = lists.flatMap((l) => Object.values(suggestMapping(l.header)));
  assert.ok(all.length > 0);
  for (const f of all) assert.ok((FIELD_NAMES as readonly string[]).includes(f));
});
