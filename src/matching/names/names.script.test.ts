import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { detectScript, detectCyrillicLanguage, toLatin } from './index.js';

describe('detectScript', () => {
  const table: [string, string][] = [
    ['Kovalchuk Andrii', 'latin'],
    ['Kovalčuk, Ŝerbak', 'latin'],
    ['Ковальчук Андрій', 'cyrillic'],
    ['Ivan Петренко', 'mixed'],
    ['Ελένη Παπαδοπούλου', 'other'],
    ['محمد', 'other'],
    ['1994-03-05', 'latin'],
  ];
  for (const [text, script] of table) test(text, () => assert.equal(detectScript(text), script));
});

describe('detectCyrillicLanguage', () => {
  const table: [string, string][] = [
    ['Андрій', 'uk'],
    ['Євген Ґалаґан', 'uk'],
    ['Пётр Васильевич', 'ru'],
    ['Объедков', 'ru'],
    ['Эдуард Мельников', 'ru'],
    ['Уладзімір Навумовіч', 'be'],
    ['Аляксандр Лукашэнка', 'be'],
    ['Ковальчук', 'unknown'],
  ];
  for (const [text, lang] of table) test(text, () => assert.equal(detectCyrillicLanguage(text), lang));
});

describe('toLatin', () => {
  const table: [string, string][] = [
    ['Ковальчук Андрій', 'Kovalchuk Andrii'],
    ['Пётр Щукин', 'Petr Shchukin'],
    ['Kovalʹčuk', 'Kovalcuk'],
    ['Ελένη', 'Eleni'],
    ['Łukasz Żółć', 'Lukasz Zolc'],
  ];
  for (const [text, latin] of table) test(text, () => assert.equal(toLatin(text), latin));
});
