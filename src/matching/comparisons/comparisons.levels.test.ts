import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compileComparison } from './index.js';
import { defaultModel } from '../model/index.js';
import { prepare, type MatchRecord } from '../record/index.js';

const model = defaultModel();

/** The label of the level a pair of records falls in, under the default model's comparison. */
function levelLabel(
  comparison: string,
  left: MatchRecord['fields'],
  right: MatchRecord['fields'],
  asOf?: string,
): string {
  const spec = model.comparisons.find((c) => c.name === comparison);
  assert.ok(spec, comparison);
  const S = prepare([
    { id: 'l', fields: left, ...(asOf && { age_as_of: asOf }) },
    { id: 'r', fields: right, ...(asOf && { age_as_of: asOf }) },
  ]);
  const level = compileComparison(spec).levelOf(S, 0, S, 1);
  return level === 0 ? 'missing' : spec.levels[level - 1]!.label;
}

type Row = [MatchRecord['fields'], MatchRecord['fields'], string];

function table(comparison: string, rows: Row[], asOf?: string): void {
  describe(`${comparison} levels`, () => {
    for (const [l, r, expected] of rows)
      test(`${JSON.stringify(l)} vs ${JSON.stringify(r)} → ${expected}`, () =>
        assert.equal(levelLabel(comparison, l, r, asOf), expected));
  });
}

table('family_name', [
  [{ family_name: 'Kovalchuk' }, {}, 'missing'],
  [{ family_name: 'Kovalchuk' }, { family_name: 'KOVALCHUK' }, 'exact'],
  [{ family_name: 'Kovalchuk' }, { family_name: 'Ковальчук' }, 'exact'],
  [{ family_name: 'Smith' }, { family_name: 'Smiht' }, 'one edit apart'],
  [
    { family_name: 'Petrenko', given_name: 'Ivan' },
    { family_name: 'Ivan', given_name: 'Petrenko' },
    'family and given names swapped',
  ],
  [{ family_name: 'Kovalenko' }, { family_name: 'Shevchenko' }, 'different'],
]);

table('given_name', [
  [{ given_name: 'Andrii' }, {}, 'missing'],
  [{ given_name: 'Andrii' }, { given_name: 'Андрій' }, 'exact'],
  [{ given_name: 'Lydia' }, { given_name: 'Lidia' }, 'exact'],
  [{ given_name: 'Robert' }, { given_name: 'Roberr' }, 'one edit apart'],
  [{ given_name: 'A.' }, { given_name: 'Andrii' }, 'initial agrees'],
  [{ given_name: 'Mykola' }, { given_name: 'Olena' }, 'different'],
]);

table(
  'date_of_birth',
  [
    [{ date_of_birth: '1994-03-05' }, {}, 'missing'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '05.03.1994' }, 'exact'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '03/05/1994' }, 'exact'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1994-05-03' }, 'day and month transposed'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1994-03-06' }, 'one digit differs'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1994-03-27' }, 'same month and year'],
    [{ date_of_birth: '1994-03-05' }, { year_of_birth: '1994' }, 'same year'],
    [{ date_of_birth: '1994-03-05' }, { age: '28' }, 'compatible with stated age'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1995-09-30' }, 'within a year'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1997-09-30' }, 'within five years'],
    [{ date_of_birth: '1994-03-05' }, { date_of_birth: '1960-09-30' }, 'different'],
  ],
  '2022-05-10',
);

table('id_number', [
  [{ id_number: 'AB 123456' }, { id_number: 'ab123456' }, 'exact'],
  [{ id_number: 'AB123456' }, { id_number: 'AB123465' }, 'one edit'],
  [{ id_number: 'AB123456' }, { id_number: 'CD987654' }, 'different'],
]);

table('service_number', [
  [{ service_number: 'К-808406' }, { service_number: 'K808406' }, 'exact'],
  [{ service_number: 'K808406' }, { service_number: 'K808407' }, 'one edit'],
]);

table('postcode', [
  [{ postcode: '01001' }, { postcode: '01 001' }, 'exact'],
  [{ postcode: '01001' }, { postcode: '01002' }, 'one edit'],
  [{ postcode: '01001' }, { postcode: '01077' }, 'first three agree'],
  [{ postcode: '01001' }, { postcode: '79000' }, 'different'],
]);

table('phone', [
  [{ phone: '+380 67 123 4567' }, { phone: '067-123-45-67' }, 'exact'],
  [{ phone: '+380671234567' }, { phone: '+380671234568' }, 'one edit'],
  [{ phone: '+380671234567' }, { phone: '+380991234567' }, 'last seven digits agree'],
]);

table('email', [
  [{ email: 'A.B@x.org' }, { email: 'a.b@x.org' }, 'exact'],
  [{ email: 'a.b@x.org' }, { email: 'a.b@y.com' }, 'same mailbox name'],
  [{ email: 'nw54@buckley.info' }, { email: 'nw5n@buckley.info' }, 'Jaro-Winkler >= 0.9'],
  [{ email: 'a@x.org' }, { email: 'zz@q.com' }, 'different'],
]);

table('sex', [
  [{ sex: 'чол.' }, { sex: 'M' }, 'exact'],
  [{ sex: 'жін.' }, { sex: 'male' }, 'different'],
]);

table('city', [
  [{ city: 'Маріуполь' }, { city: 'Mariupol' }, 'exact'],
  [{ city: 'Kramatorsk' }, { city: 'Kramatorks' }, 'Jaro-Winkler >= 0.9'],
  [{ city: 'London' }, { city: 'Leeds' }, 'different'],
]);

table('address', [
  [{ address: '12 Main Street' }, { address: '12 main street' }, 'exact'],
  [{ address: '12 Main Street' }, { address: 'Main Street 12' }, 'words agree (>= 0.9)'],
  [{ address: '12 Main Street' }, { address: '7 Oak Avenue' }, 'different'],
]);

describe('memoised similarities', () => {
  test('a pair falls in the same level when its similarity comes from the memo', () => {
    // Jaro–Winkler of these two ranks (folded: drivir, dbivir) is exactly 0.9, the level's threshold.
    const spec = model.comparisons.find((c) => c.name === 'rank');
    assert.ok(spec);
    const S = prepare([
      { id: 'a', fields: { rank: 'driver' } },
      { id: 'b', fields: { rank: 'dbiver' } },
    ]);
    const rank = compileComparison(spec);
    const first = rank.levelOf(S, 0, S, 1);
    assert.equal(spec.levels[first - 1]!.label, spec.levels[1]!.label);
    assert.equal(rank.levelOf(S, 0, S, 1), first);
    assert.equal(rank.levelOf(S, 1, S, 0), first);
  });
});
