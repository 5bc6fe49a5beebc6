/** Family tracing in the browser: record an enquiry, see the proposed candidate, confirm it, record the next step. */
import { after, before, describe, test } from 'node:test';
import { openBrowser, shot, signIn, skipReason, startWorld, type World } from './harness.js';
import { seed } from './seed.js';

const skip = skipReason();

describe('enquiries', { skip: skip ?? false }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  test('an officer records an enquiry and confirms the candidate the engine proposes', async () => {
    const b = await openBrowser();
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByRole('navigation').getByRole('link', { name: 'Enquiries' }).click();
      await b.page.getByRole('button', { name: 'Record an enquiry' }).click();
      const form = b.page.getByTestId('enquiry-form');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Tracing needs the enquirer’s consent.').waitFor();
      await form.getByLabel("Enquirer's name").fill('Kovalchuk Maria');
      await form.getByLabel('Relationship to the person sought').fill('mother');
      await form.getByLabel('The enquirer consents to tracing').check();
      await form.getByLabel('Family name').fill('Kovalchuk');
      await form.getByLabel('Given name').fill('Andrii');
      await form.getByLabel('Year').first().fill('1994');
      await form.getByRole('button', { name: 'Save' }).click();
      await b.page.getByTestId('enquiry-steps').waitFor();
      const candidates = b.page.getByTestId('enquiry-candidates');
      await candidates.waitFor();
      await shot(b.page, 'enquiry-laptop');
      await candidates.getByRole('button', { name: 'Confirm' }).first().click();
      await candidates.getByText('Accepted').waitFor();
      await b.page.getByTestId('enquiry-status').filter({ hasText: 'Confirmed' }).waitFor();
      await b.page.getByRole('combobox', { name: 'Move to' }).selectOption('family_informed');
      await b.page.getByTestId('enquiry-transition').click();
      await b.page.getByTestId('enquiry-status').filter({ hasText: 'Family informed' }).waitFor();
      await b.page
        .getByTestId('enquiry-steps')
        .getByText(/Confirmed → Family informed/)
        .waitFor();
      await shot(b.page, 'enquiry-confirmed-laptop');
    } finally {
      await b.close();
    }
  });
});
