import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FeatureCaches,
  LIST_FEATURES,
  NUMBER_FEATURES,
  PreparedStore,
  STRING_FEATURES,
  prepare,
  prepareInParallel,
  type MatchRecord,
  type PreparedSet,
} from './index.js';

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

/** A set with its string ids replaced by the strings: what two sets numbered apart must agree on. */
function readable(S: PreparedSet) {
  const text = (id: number) => (id < 0 ? null : S.strings[id]);
  const tf = (f: keyof PreparedSet['tf'], id: number) => (id < 0 ? null : S.tf[f]![id]);
  return Array.from({ length: S.n }, (_, i) => ({
    id: S.ids[i],
    str: STRING_FEATURES.map((f) => text(S.str[f][i]!)),
    num: NUMBER_FEATURES.map((f) => S.num[f][i]),
    list: LIST_FEATURES.map((f) =>
      Array.from(S.list[f].values.subarray(S.list[f].offsets[i]!, S.list[f].offsets[i + 1]!), text),
    ),
    tf: (['given', 'family', 'patronymic', 'city', 'place'] as const).map((f) => tf(f, S.str[f][i]!)),
    tfTotal: S.tfTotal,
  }));
}

test('records kept prepared and gathered again give the sets prepare makes of them', () => {
  const list = records(2_000);
  const store = new PreparedStore();
  const caches = new FeatureCaches();
  const places: number[] = [];
  for (let from = 0; from < list.length; from += 500)
    places.push(...store.add(list.slice(from, from + 500), caches));
  assert.deepEqual(
    places,
    Array.from({ length: list.length }, (_, k) => k),
  );
  // Overlapping subsets in any order, as an import's chunks ask for candidates.
  for (const pick of [
    [5, 3, 1999, 0, 42, 7, 700],
    Array.from({ length: 400 }, (_, k) => (k * 37) % list.length),
    Array.from({ length: 1000 }, (_, k) => 1999 - k),
  ]) {
    const gathered = store.gather(pick);
    assert.equal(gathered.n, pick.length);
    assert.deepEqual(readable(gathered), readable(prepare(pick.map((k) => list[k]!))));
  }
  assert.throws(() => store.gather([list.length]), RangeError);
  store.clear();
  assert.equal(store.size, 0);
  assert.deepEqual(store.add(list.slice(0, 2)), [0, 1], 'places start again after clear');
  assert.deepEqual(readable(store.gather([1])), readable(prepare([list[1]!])));
});

test('a store that retains some records gathers them as before, at their new places, and keeps only their strings', () => {
  const list = records(1_000);
  const store = new PreparedStore();
  store.add(list);
  const strings = store.stringCount;
  const keep = [900, 3, 511, 42];
  const kept = store.retain(keep);
  assert.deepEqual(kept, [0, 1, 2, 3]);
  assert.equal(store.size, keep.length);
  assert.ok(store.stringCount < strings / 10, `${store.stringCount} strings kept of ${strings}`);
  assert.deepEqual(readable(store.gather([2, 0])), readable(prepare([list[511]!, list[900]!])));
  assert.throws(() => store.gather([4]), RangeError);
  assert.deepEqual(store.add([list[7]!]), [4], 'records added after follow the kept ones');
  assert.deepEqual(readable(store.gather([4, 1])), readable(prepare([list[7]!, list[3]!])));
  assert.throws(() => store.retain([5]), RangeError);
  assert.equal(store.size, 5, 'a refused retain leaves the store as it was');
  assert.deepEqual(readable(store.gather([4])), readable(prepare([list[7]!])));
});

test('a store keeps rows of a prepared set under new ids as if it had prepared those records itself', () => {
  const list = records(600);
  const set = prepare(list);
  const store = new PreparedStore();
  store.add([list[10]!]);
  const renamed = (k: number): MatchRecord => ({ ...list[k]!, id: `person-${k}` });
  const places = store.addFrom(set, [599, 0, 307], ['person-599', 'person-0', 'person-307']);
  assert.deepEqual(places, [1, 2, 3], 'places follow the records kept before');
  assert.deepEqual(
    readable(store.gather([3, 0, 1, 2])),
    readable(prepare([renamed(307), list[10]!, renamed(599), renamed(0)])),
  );
  const fresh = new PreparedStore();
  fresh.add([renamed(307), renamed(599)]);
  assert.deepEqual(readable(store.gather([3, 1])), readable(fresh.gather([0, 1])));
  assert.throws(() => store.addFrom(set, [600], ['x']), RangeError);
  assert.throws(() => store.addFrom(set, [1, 2], ['only one']), RangeError);
});
