/**
 * Enquiry candidates in the review queue: an enquiry's proposed candidate is listed with the
 * duplicate pairs, opens side by side (the person sought beside the registry record, with each
 * field's contribution), and the key A confirms the enquiry with that person.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, shot, signIn, skipReason, startWorld, type World } from './harness.js';
import { seed, type Seeded } from './seed.js';

const skip = skipReason();

describe('review queue: enquiry candidates', { skip: skip ?? false }, () => {
  let world: World;
  let data: Seeded;
  let enquiryId: string;
  before(async () => {
    world = await startWorld();
    data = await seed(world.app, world.users.tracing_officer.actor);
    const e = await world.app.enquiries.create(world.users.tracing_officer.actor, {
      enquirer: { name: 'Invented Mother', relationship: 'mother' },
      consent: { tracing: true, givenOn: '2022-06-01' },
      sought: {
        family_name: 'Kovalchuk',
        given_name: 'Andrii',
        date_of_birth: { year: 1994, month: 3, day: 5 },
      },
    });
    enquiryId = e.id;
  });
  after(async () => world?.close());

  test('an officer opens an enquiry candidate from the queue and confirms it with the key A', async (t) => {
    const officer = world.users.tracing_officer.actor;
    const queued = await world.app.review.list(officer, { kind: 'enquiry_person' });
    if (queued.items.length === 0) return t.skip('the matching model proposed no candidate for the enquiry');
    const b = await openBrowser();
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
      const queue = b.page.getByTestId('review-queue');
      await queue.waitFor();
      const row = queue.locator('tr', { hasText: 'Enquiry candidate' }).first();
      await row.waitFor();
      await shot(b.page, 'review-queue-laptop');
      await b.page.getByRole('combobox', { name: 'Kind' }).selectOption('person_person');
      await queue.locator('tr', { hasText: 'Enquiry candidate' }).waitFor({ state: 'detached' });
      await b.page.getByRole('combobox', { name: 'Kind' }).selectOption('enquiry_person');
      await queue.locator('tr', { hasText: 'Enquiry candidate' }).first().getByRole('link').click();
      await b.page.getByTestId('contributions').waitFor();
      await b.page.getByRole('heading', { name: /Possible match for an enquiry/ }).waitFor();
      const pair = b.page.getByTestId('review-pair');
      await pair.getByRole('link', { name: 'Person sought (enquiry)' }).waitFor();
      await pair.getByRole('link', { name: 'Registry record' }).waitFor();
      const text = await pair.innerText();
      assert.match(text, /Kovalchuk/);
      assert.match(text, /Ковальчук/);
      await b.page.getByTestId('review-enquiry-status').getByText('Enquiry: Candidate found').waitFor();
      assert.equal(await b.page.getByText('Record that remains after a merge').count(), 0);
      await shot(b.page, 'review-enquiry-laptop');
      await b.page.locator('body').press('a');
      await b.page.waitForURL(/\/review$/);
      const e = await world.app.enquiries.get(officer, enquiryId);
      assert.equal(e.status, 'confirmed');
      assert.equal(e.personId, data.kovalchukId);
      await b.page.goto(`${world.url}/enquiries/${enquiryId}`);
      await b.page.getByTestId('enquiry-status').filter({ hasText: 'Confirmed' }).waitFor();
    } finally {
      await b.close();
    }
  });

  test('in Ukrainian on a tablet, the enquiry candidate reads in Ukrainian', async (t) => {
    const officer = world.users.tracing_officer.actor;
    const decided = await world.app.review.list(officer, { kind: 'enquiry_person', status: 'accepted' });
    if (decided.items.length === 0) return t.skip('no decided enquiry candidate to look at');
    const b = await openBrowser({ width: 800, height: 1180 }, 'uk-UA');
    try {
      await b.page.goto(world.url);
      await b.page.getByTestId('language').selectOption('en');
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByTestId('language').selectOption('uk');
      await b.page.goto(`${world.url}/review/${decided.items[0]!.id}`);
      await b.page.getByRole('heading', { name: /Можливий збіг за запитом/ }).waitFor();
      await b.page.getByText('Щодо цього кандидата вже ухвалено рішення.').waitFor();
      // The model's level labels read in Ukrainian too.
      await b.page.getByTestId('contributions').getByText('збігається').first().waitFor();
      const overflow = await b.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await shot(b.page, 'review-enquiry-tablet-uk');
    } finally {
      await b.close();
    }
  });
});
