import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../domain/errors.js';
import { defaultModel, parseModel, serialiseModel, trainFromDecisions } from './index.js';

test('the shipped model is a valid, versioned document that survives a JSON round trip', () => {
  const model = defaultModel();
  assert.match(model.version, /\S/);
  assert.ok(model.comparisons.length >= 18);
  assert.deepEqual(parseModel(JSON.parse(serialiseModel(model))), model);
});

test('a model whose parameters do not fit its levels is refused with VALIDATION_FAILED', () => {
  const doc = JSON.parse(serialiseModel(defaultModel()));
  doc.parameters.m.sex = [1];
  assert.throws(
    () => parseModel(doc),
    (e) => isDomainError(e, 'VALIDATION_FAILED') && e.issues.some((i) => i.path === 'parameters.sex'),
  );
  assert.throws(
    () => parseModel({ version: 'x' }),
    (e) => isDomainError(e, 'VALIDATION_FAILED'),
  );
});

test('decided matches pull m towards what they show, and change the version', () => {
  const model = defaultModel();
  const left = {
    id: 'l',
    fields: { given_name: 'Petro', family_name: 'Batiushuk', date_of_birth: '1972-02-26' },
  };
  const right = {
    id: 'r',
    fields: { given_name: 'Petro', family_name: 'Batiushuk', date_of_birth: '1972-02-27' },
  };
  const decisions = Array.from({ length: 40 }, () => ({ left, right, match: true }));
  const refined = trainFromDecisions(model, decisions);
  const level = model.comparisons
    .find((c) => c.name === 'date_of_birth')!
    .levels.findIndex((l) => l.label === 'one digit differs');
  assert.ok(refined.parameters.m['date_of_birth']![level]! > model.parameters.m['date_of_birth']![level]!);
  assert.notEqual(refined.version, model.version);
  assert.equal(trainFromDecisions(model, []), model);
});
