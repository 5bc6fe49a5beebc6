import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoMapHeaders, fieldTypeForHeader } from './index.js';

test('headers in English, Ukrainian and Russian map to field types', () => {
  const cases: [string, string | null][] = [
    ['Surname', 'family_name'],
    ['FAMILY NAME', 'family_name'],
    ['Прізвище', 'family_name'],
    ['Фамилия', 'family_name'],
    ["Ім'я", 'given_name'],
    ['Имя', 'given_name'],
    ['first_name', 'given_name'],
    ['По батькові', 'patronymic'],
    ['Отчество', 'patronymic'],
    ['Дата народження', 'date_of_birth'],
    ['Дата рождения', 'date_of_birth'],
    ['dob', 'date_of_birth'],
    ['Стать', 'sex'],
    ['Пол', 'sex'],
    ['soc_sec_id', 'id_number'],
    ['suburb', 'city'],
    ['state', 'region'],
    ['Військове звання', 'rank'],
    ['Воинская часть', 'unit'],
    ['cluster', null],
    ['rec_id', null],
  ];
  for (const [header, type] of cases) assert.equal(fieldTypeForHeader(header), type, header);
});

test('FEBRL columns map, with both address lines feeding the address and the id column left out', () => {
  const headers = [
    'rec_id',
    'given_name',
    'surname',
    'street_number',
    'address_1',
    'address_2',
    'suburb',
    'postcode',
    'state',
    'date_of_birth',
    'soc_sec_id',
  ];
  assert.deepEqual(autoMapHeaders(headers, ['rec_id']), {
    given_name: ['given_name'],
    family_name: ['surname'],
    street_number: ['street_number'],
    address: ['address_1', 'address_2'],
    city: ['suburb'],
    postcode: ['postcode'],
    region: ['state'],
    date_of_birth: ['date_of_birth'],
    id_number: ['soc_sec_id'],
  });
});

test('Splink fake_1000 columns map and the truth column is ignored', () => {
  assert.deepEqual(
    autoMapHeaders(['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster'], ['unique_id']),
    {
      given_name: ['first_name'],
      family_name: ['surname'],
      date_of_birth: ['dob'],
      city: ['city'],
      email: ['email'],
    },
  );
});

test('columns named with a qualifier or a common abbreviation map to their field', () => {
  const cases: [string, string | null][] = [
    ['postcode_fake', 'postcode'],
    ['res_city_desc', 'city'],
    ['res_street_address', 'address'],
    ['gender_code', 'sex'],
    ['fname', 'given_name'],
    ['LName', 'family_name'],
    ['midl_name', 'patronymic'],
    ['middle_initial', 'patronymic'],
    ['occupation', 'other'],
    ['village', 'city'],
    // A label column stays out however it is qualified, and so does a word that is only a qualifier.
    ['cluster_code', null],
    ['true_id', null],
    ['code', null],
  ];
  for (const [header, type] of cases) assert.equal(fieldTypeForHeader(header), type, header);
});
