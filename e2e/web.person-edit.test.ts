/**
 * The person page: conflicting values shown with their sources, the retracted event struck
 * through, a claim added through the form, client-side validation in the user's language, and a
 * stale edit refused with a conflict message instead of overwriting.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openBrowser, shot, signIn, skipReason, startWorld, VIEWPORTS, type World } from './harness.js';
import { seed, type Seeded } from './seed.js';

const skip = skipReason();

async function openPerson(page: Page, world: World, id: string): Promise<void> {
  await signIn(page, world.url, world.users.tracing_officer.username);
  await page.goto(`${world.url}/persons/${id}`);
  await page.getByTestId('person-fields').waitFor();
}

describe('person page', { skip: skip ?? false }, () => {
  let world: World;
  let data: Seeded;
  before(async () => {
    world = await startWorld();
    data = await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    test(`shows conflicting dates of birth with their sources and the retracted event on a ${name}`, async () => {
      const b = await openBrowser(viewport);
      try {
        await openPerson(b.page, world, data.kovalchukId);
        const dob = b.page.locator('[data-field="date_of_birth"]');
        assert.match(await dob.innerText(), /5 Mar 1994/);
        const conflict = dob.getByTestId('conflicts');
        assert.match(await conflict.innerText(), /1993/);
        assert.match(await conflict.innerText(), /Regional news item/);
        assert.match(await dob.innerText(), /Transfer list 12/);
        const died = b.page.getByTestId('timeline').locator('[data-retracted]');
        assert.equal(await died.innerText(), 'Died');
        const decoration =
          "getComputedStyle(document.querySelector('[data-testid=timeline] [data-retracted]')).textDecorationLine";
        assert.equal(await b.page.evaluate(decoration), 'line-through');
        assert.match(await b.page.getByTestId('timeline').innerText(), /The report named another man/);
        await shot(b.page, `person-${name}`);
      } finally {
        await b.close();
      }
    });

  test('an officer adds a claim with a source and sees it in the view', async () => {
    const b = await openBrowser();
    try {
      await openPerson(b.page, world, data.kovalchukId);
      const form = b.page.getByTestId('claim-form');
      await form.getByRole('combobox', { name: 'Field' }).selectOption('unit');
      await form.getByRole('button', { name: 'Add a claim' }).click();
      // Client-side validation names both missing values before anything is sent.
      assert.equal(await form.getByText('This is required.').count(), 2);
      await form.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Transfer list 12 (B)' });
      await form.getByTestId('claim-value').fill('36th Marine Brigade');
      await form.getByRole('button', { name: 'Add a claim' }).click();
      await form.getByText('The claim was recorded.').waitFor();
      await b.page.locator('[data-field="unit"]', { hasText: '36th Marine Brigade' }).waitFor();
      await shot(b.page, 'person-claim-added');
    } finally {
      await b.close();
    }
  });

  test('a stale edit shows a conflict and changes nothing', async () => {
    const b = await openBrowser();
    try {
      await openPerson(b.page, world, data.kovalchukId);
      // Someone else writes to the person after the page was loaded.
      await world.app.persons.addClaim(world.users.registrar.actor, data.kovalchukId, {
        sourceId: data.listId,
        claim: { field: 'rank', value: 'старший сержант' },
      });
      const before = await world.app.persons.get(world.users.tracing_officer.actor, data.kovalchukId);
      const form = b.page.getByTestId('claim-form');
      await form.getByRole('combobox', { name: 'Field' }).selectOption('nationality');
      await form.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Transfer list 12 (B)' });
      await form.getByTestId('claim-value').fill('Ukraine');
      await form.getByRole('button', { name: 'Add a claim' }).click();
      await b.page.getByTestId('version-conflict').waitFor();
      assert.match(await b.page.getByTestId('version-conflict').innerText(), /nothing was overwritten/);
      await shot(b.page, 'person-stale-edit');
      const afterwards = await world.app.persons.get(world.users.tracing_officer.actor, data.kovalchukId);
      assert.equal(afterwards.person.version, before.person.version);
      assert.equal(afterwards.view.fields.nationality, undefined);
    } finally {
      await b.close();
    }
  });
});
