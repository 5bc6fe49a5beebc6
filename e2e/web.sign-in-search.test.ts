/** Signing in, and finding a person by typing: as written, and across scripts when ranked search exists. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, shot, signIn, skipReason, startWorld, VIEWPORTS, type World } from './harness.js';
import { seed, type Seeded } from './seed.js';

const skip = skipReason();

describe('sign in and search', { skip: skip ?? false }, () => {
  let world: World;
  let data: Seeded;
  before(async () => {
    world = await startWorld();
    data = await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    test(`an officer signs in on a ${name} and lands on the search page`, async () => {
      const b = await openBrowser(viewport);
      try {
        await b.page.goto(world.url);
        await b.page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await shot(b.page, `sign-in-${name}`);
        await signIn(b.page, world.url, world.users.tracing_officer.username);
        await b.page.getByRole('heading', { name: 'Search people' }).waitFor();
        assert.match(new URL(b.page.url()).pathname, /^\/search/);
        await shot(b.page, `search-empty-${name}`);
      } finally {
        await b.close();
      }
    });

  test('a wrong password is refused with a message and no session', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(world.url);
      await b.page.getByLabel('User name').fill(world.users.tracing_officer.username);
      await b.page.locator('input[autocomplete="current-password"]').fill('not the password');
      await b.page.getByRole('button', { name: 'Sign in' }).click();
      await b.page.getByRole('alert').filter({ hasText: 'user name or password is wrong' }).waitFor();
      assert.equal(await b.page.getByRole('button', { name: 'Sign out' }).count(), 0);
    } finally {
      await b.close();
    }
  });

  test('typing a name as written finds the person and opens the person page', async () => {
    const b = await openBrowser();
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByTestId('search-box').pressSequentially('Ковальч', { delay: 30 });
      const link = b.page.getByTestId('search-results').getByRole('link', { name: /Ковальчук Андрій/ });
      await link.waitFor();
      await shot(b.page, 'search-results-laptop');
      await link.click();
      await b.page.getByRole('heading', { level: 1, name: /Ковальчук Андрій Петрович/ }).waitFor();
      assert.equal(new URL(b.page.url()).pathname, `/persons/${data.kovalchukId}`);
    } finally {
      await b.close();
    }
  });

  test('typing "Kovalchuk" finds the person registered as "Ковальчук Андрій"', async (t) => {
    const probe = await fetch(`${world.url}/api/search?q=x`);
    if (probe.status === 404) return t.skip('the ranked search API (GET /api/search) is not on this server');
    const b = await openBrowser();
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByTestId('search-box').pressSequentially('Kovalchuk', { delay: 30 });
      await b.page
        .getByTestId('search-results')
        .getByRole('link', { name: /Ковальчук Андрій/ })
        .waitFor();
      await shot(b.page, 'search-cross-script-laptop');
    } finally {
      await b.close();
    }
  });
});
