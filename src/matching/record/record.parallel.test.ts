import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureCaches, prepare, prepareInParallel, type MatchRecord } from './index.js';

const given = ['Андрій', 'Andrii', 'Олена', 'Olena', 'Mykola', 'Микола', 'Ірина', 'Iryna'];
const family = ['Коваленко', 'Kovalenko', 'Шевченко', 'Shevchenko', 'Бондар', 'Bondar', 'Ткаченко'];
const towns = ['Маріуполь', 'Mariupol', 'Kramatorsk', 'Краматорськ', 'Бахмут'];

/** Records whose names, dates and places repeat across the runs that workers prepare. */
function records(n: number): MatchRecord[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `r${k}`,
    fields: {
      ...(k % 3 === 0
        ? { full_name: `${family[k % family.length]} ${given[(k * 5) % given.length]} Миколайович` }
        : { given_name: given[k % given.length], family_name: family[(k * 3) % family.length] }),
      ...(k % 4 !== 1 && { date_of_birth: `${1 + (k % 28)}.${1 + (k % 12)}.${1950 + (k % 50)}` }),
      ...(k % 5 === 0 && { age: String(20 + (k % 40)) }),
      ...(k % 2 === 0 && { city: towns[k % towns.length] }),
      ...(k % 7 === 0 && { address: `${k % 90} Main Street ${k % 11}`, email: `user${k % 300}@example.org` }),
      ...(k % 6 === 0 && { service_number: `K-${100000 + k}` }),
    },
    age_as_of: '2022-05-10',
  }));
}

test('preparing on worker threads gives exactly the set prepared on one thread', async () => {
  const list = records(3_001);
  const one = prepare(list);
  for (const threads of [2, 3]) {
    const many = await prepareInParallel(list, { threads, minRecords: 0 });
    assert.deepEqual(many, one);
  }
});

test('caches shared by calls of prepare (an import, chunk by chunk) give exactly the sets prepared afresh', () => {
  const list = records(1_200);
  const caches = new FeatureCaches();
  for (let from = 0; from < list.length; from += 300) {
    const chunk = list.slice(from, from + 300);
    assert.deepEqual(prepare(chunk, undefined, caches), prepare(chunk));
  }
});
