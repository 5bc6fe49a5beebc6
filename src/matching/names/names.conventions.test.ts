import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CONVENTIONS, transliterate, nameKey, nameSimilarity } from './index.js';
import type { Convention } from './index.js';

type Lang = 'uk' | 'ru' | 'be';

// How each convention writes these names, from the published rules and press usage
// (examples of the 2010 resolution for the national system).
const FORWARD: [Convention, Lang, string, string][] = [
  ['ua-national-2010', 'uk', 'Згурський', 'Zghurskyi'],
  ['ua-national-2010', 'uk', 'Єнакієве', 'Yenakiieve'],
  ['ua-national-2010', 'uk', "Короп'є", 'Koropie'],
  ['ua-national-2010', 'uk', 'Юрій', 'Yurii'],
  ['ua-national-2010', 'uk', 'Яготин', 'Yahotyn'],
  ['ua-national-2010', 'uk', "Знам'янка", 'Znamianka'],
  ['ua-national-2010', 'uk', 'Щербухи', 'Shcherbukhy'],
  ['ua-national-2010', 'uk', 'Їжакевич', 'Yizhakevych'],
  ['ua-national-2010', 'uk', 'Кадиївка', 'Kadyivka'],
  ['ua-national-2010', 'uk', 'Ґалаґан', 'Galagan'],
  ['ua-national-2010', 'uk', 'Олексій', 'Oleksii'],
  ['bgn-pcgn-uk', 'uk', 'Хмельницький', 'Khmel’nyts’kyi'],
  ['bgn-pcgn-ru', 'ru', 'Сергей', 'Sergey'],
  ['bgn-pcgn-ru', 'ru', 'Ельцин', 'Yel’tsin'],
  ['bgn-pcgn-ru', 'ru', 'Фёдор', 'Fëdor'],
  ['bgn-pcgn-ru', 'ru', 'Юрий', 'Yuriy'],
  ['bgn-pcgn-ru', 'ru', 'Воробьёв', 'Vorob’yëv'],
  ['iso9', 'uk', 'Щербак', 'Ŝerbak'],
  ['iso9', 'uk', 'Юрій', 'Ûrìj'],
  ['iso9', 'ru', 'Ярослав', 'Âroslav'],
  ['scholarly', 'uk', 'Хмельницький', 'Xmelʹnycʹkyj'],
  ['scholarly', 'uk', 'Євгенія', 'Jevhenija'],
  ['german', 'uk', 'Ковальчук', 'Kowaltschuk'],
  ['german', 'uk', 'Володимир', 'Wolodymyr'],
  ['german', 'uk', 'Андрій', 'Andrij'],
  ['german', 'ru', 'Жуков', 'Schukow'],
  ['german', 'ru', 'Ельцин', 'Jelzin'],
  ['german', 'ru', 'Гусев', 'Gussew'],
  ['german', 'ru', 'Пётр', 'Pjotr'],
  ['french', 'uk', 'Ковальчук', 'Kovaltchouk'],
  ['french', 'uk', 'Шевченко', 'Chevtchenko'],
  ['french', 'uk', 'Андрій', 'Andriï'],
  ['french', 'ru', 'Жуков', 'Joukov'],
  ['french', 'ru', 'Геннадий', 'Guennadi'],
  ['french', 'ru', 'Пушкин', 'Pouchkine'],
  ['polish', 'uk', 'Ковальчук', 'Kowalczuk'],
  ['polish', 'uk', 'Щербак', 'Szczerbak'],
  ['polish', 'uk', 'Микола', 'Mykoła'],
  ['polish', 'ru', 'Медведев', 'Miedwiediew'],
  ['spanish', 'ru', 'Хрущёв', 'Jruschov'],
  ['spanish', 'ru', 'Ельцин', 'Yeltsin'],
  ['spanish', 'ru', 'Геннадий', 'Guennadi'],
  ['czech', 'uk', 'Ковальчук', 'Kovalčuk'],
  ['czech', 'uk', 'Хмара', 'Chmara'],
  ['czech', 'ru', 'Горбачёв', 'Gorbačov'],
  ['english-popular', 'uk', 'Андрій', 'Andriy'],
  ['english-popular', 'uk', 'Ковальський', 'Kovalsky'],
  ['english-popular', 'ru', 'Юрий', 'Yury'],
  ['english-popular', 'ru', 'Ельцин', 'Yeltsin'],
];

describe('transliterate writes each convention as it is written', () => {
  for (const [convention, lang, cyrillic, latin] of FORWARD) {
    test(`${convention}: ${cyrillic} → ${latin}`, () => {
      assert.equal(transliterate(cyrillic, convention, lang), latin);
    });
  }
  test('every convention is listed once', () => {
    assert.equal(new Set(CONVENTIONS).size, 11);
  });
  test('case is kept and text that is not Cyrillic passes through', () => {
    assert.equal(transliterate('КОВАЛЬЧУК Андрій, 1994', 'ua-national-2010'), 'KOVALCHUK Andrii, 1994');
    assert.equal(transliterate('Kovalchuk (Ковальчук)', 'german', 'uk'), 'Kovalchuk (Kowaltschuk)');
  });
  test('the language is guessed from the letters when not given', () => {
    assert.equal(transliterate('Григорій', 'german'), 'Hryhorij'); // і: Ukrainian, г is h
    assert.equal(transliterate('Ерёменко', 'german'), 'Jerjomenko'); // ё: Russian
  });
  test('an unknown convention is refused', () => {
    assert.throws(() => transliterate('Іван', 'klingon' as Convention), RangeError);
  });
});

// Names without х and ж: every convention must give the one key of the Cyrillic original.
// prettier-ignore
const ONE_KEY = [
  'Самойленко', 'Ковальчук', 'Шевченко', 'Щербак', 'Бондаренко', 'Кравченко', 'Поліщук', 'Мельник',
  'Олійник', 'Бойко', 'Гнатюк', 'Коломієць', "Лук'яненко", 'Сергієнко', 'Онищенко', 'Ємельяненко',
  'Хмельницький', 'Вишневецький', 'Ясинський', 'Юзефович', 'Мацюк', 'Дзюба', 'Кузнецов', 'Соловьёв',
  'Воробьёв', 'Фёдоров', 'Зайцев', 'Беляев', 'Лящук', 'Подольська', 'Ковальова', 'Цибульський',
];

describe('one key for one Cyrillic name across every convention', () => {
  for (const name of ONE_KEY) {
    test(name, () => {
      const key = nameKey(name);
      for (const c of CONVENTIONS) {
        if (/[хХ]/u.test(name) && (c === 'iso9' || c === 'spanish')) continue;
        const latin = transliterate(name, c);
        assert.equal(nameKey(latin), key, `${c}: ${latin}`);
      }
    });
  }
});

test('a French spelling with ou for у reads its j as ж: Joukov, Jouravliov meet Жуков, Журавльов', () => {
  assert.equal(nameKey('Joukov'), nameKey('Жуков'));
  assert.equal(nameKey('JOURAVLIOV'), nameKey('Журавльов'));
  assert.equal(nameKey(transliterate('Журавльов', 'french')), nameKey('Журавльов'));
  // Without that sign j keeps its common reading (й): German Jurij, Polish Jurij, scholarly Jurij.
  assert.equal(nameKey('Jurij'), nameKey('Юрій'));
  assert.equal(nameKey('Jouri'), nameKey('Жури'), 'the French reading applies to the whole token');
});

// Where a convention's letter means something else in most other conventions (ISO 9 h and
// Spanish j for х, French j for ж where no ou shows the convention), the keys differ by that letter
// and the similarity stays high.
const AMBIGUOUS: [string, Convention][] = [
  ['Хмельницький', 'spanish'],
  ['Харченко', 'iso9'],
  ['Жмаченко', 'french'],
  ['Михайлов', 'spanish'],
];

describe('letters with another meaning in other conventions still compare as close', () => {
  for (const [name, convention] of AMBIGUOUS) {
    test(`${name} in ${convention}`, () => {
      const latin = transliterate(name, convention);
      assert.ok(nameSimilarity(name, latin).score >= 0.7, latin);
    });
  }
});
