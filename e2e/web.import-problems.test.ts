/**
 * The web interface's sentences for import problems, checked without a browser: every code the
 * server can put in a report or a failed import has a sentence in English, Ukrainian and Russian;
 * the sentence carries the cell's value; an unknown code shows the server's message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { IMPORT_PROBLEM_CODES } from '../src/app/imports/index.js';
import { en } from '../web/src/i18n/en.js';
import { uk } from '../web/src/i18n/uk.js';
import { ru } from '../web/src/i18n/ru.js';
import { WORDED_CODES, problemSentence, problemText } from '../web/src/lib/import-problems.js';

const CATALOGUES = { en, uk, ru } as const;

async function translator(lng: keyof typeof CATALOGUES) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: false,
    resources: { [lng]: { translation: CATALOGUES[lng] } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

test('the interface words exactly the codes the server can report', () => {
  assert.deepEqual([...WORDED_CODES].sort(), [...IMPORT_PROBLEM_CODES].sort());
});

test('every code has a sentence in every language; sentences with a value show it', () => {
  for (const [lng, catalogue] of Object.entries(CATALOGUES)) {
    const sentences = catalogue.importProblems as Record<string, unknown>;
    for (const code of WORDED_CODES) {
      assert.equal(typeof sentences[code], 'string', `${lng}: importProblems.${code}`);
      const withValue = sentences[`${code}_value`];
      if (withValue !== undefined) assert.match(String(withValue), /\{\{value\}\}/, `${lng}: ${code}_value`);
    }
  }
});

test('a rejected row in Ukrainian and Russian, with its value; an unknown code keeps the server message', async () => {
  const reject = {
    row: 3,
    column: 'Дата народження',
    code: 'DATE_INVALID',
    message: '"31.02.1990" is not a date',
    value: '31.02.1990',
  };
  const tUk = await translator('uk');
  assert.equal(problemText(reject, tUk), '«31.02.1990» — не дата, або такої дати не існує.');
  assert.equal(
    problemSentence(reject, tUk),
    'Рядок 3, стовпець «Дата народження»: «31.02.1990» — не дата, або такої дати не існує.',
  );
  const { value: _dropped, ...withoutValue } = reject;
  assert.equal(problemText(withoutValue, tUk), 'Дату не вдається прочитати, або такої дати не існує.');
  const tRu = await translator('ru');
  assert.equal(
    problemSentence({ row: 7, column: 4, code: 'RAGGED_ROW', message: 'expected 3 cells, found 4' }, tRu),
    'Строка 7, столбец 4: в строке другое число ячеек, чем в заголовке.',
  );
  assert.equal(
    problemSentence({ row: 1, code: 'BAD_XML', message: 'unclosed tag' }, tRu),
    'Строка 1: XML-документ содержит синтаксические ошибки.',
  );
  const unknown = { row: 2, code: 'SOMETHING_NEW', message: 'a problem this interface does not know' };
  assert.equal(problemText(unknown, tUk), unknown.message);
  assert.equal(
    problemSentence({ code: 'EMPTY', message: 'the file is empty' }, tUk),
    'Файл порожній: у ньому немає рядків для імпорту.',
  );
});
