/**
 * An analyst sees aggregate figures and never a name, on every page they can reach or type in;
 * and the interface switches to Ukrainian (and stays so after a reload), dates included.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, shot, signIn, skipReason, startWorld, VIEWPORTS, type World } from './harness.js';
import { seed, type Seeded } from './seed.js';

const skip = skipReason();

describe('analyst and languages', { skip: skip ?? false }, () => {
  let world: World;
  let data: Seeded;
  before(async () => {
    world = await startWorld();
    data = await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  test('an analyst reaches only the dashboard, and no page shows a registered name', async () => {
    const b = await openBrowser(VIEWPORTS.tablet);
    try {
      await signIn(b.page, world.url, world.users.analyst.username);
      await b.page.getByTestId('persons-total').waitFor();
      const nav = b.page.getByRole('navigation');
      const links = await nav.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      assert.deepEqual(links, ['/dashboard']);
      assert.equal(await b.page.getByTestId('persons-total').innerText(), '5');
      await shot(b.page, 'analyst-dashboard-tablet');
      // Pages reached by the navigation, and the ones an analyst might type in the address bar.
      const paths = [
        ...links,
        '/search?q=Ковальчук',
        `/persons/${data.kovalchukId}`,
        '/sources',
        '/places',
        '/admin/users',
        '/admin/audit',
      ];
      for (const path of paths) {
        await b.page.goto(`${world.url}${path}`);
        await b.page.getByRole('heading', { level: 1 }).waitFor();
        await b.page.waitForLoadState('networkidle');
        const text = await b.page.locator('body').innerText();
        for (const name of data.names) assert.ok(!text.includes(name), `${path} shows "${name}"`);
      }
    } finally {
      await b.close();
    }
  });

  test('the dashboard shows counts by status and place and a chart over time, on a laptop', async () => {
    const b = await openBrowser(VIEWPORTS.laptop);
    try {
      await signIn(b.page, world.url, world.users.analyst.username);
      await b.page.getByTestId('by-state').waitFor();
      assert.match(await b.page.getByTestId('by-state').innerText(), /In custody\s+5/);
      assert.match(await b.page.getByTestId('by-place').innerText(), /Olenivka\s+1/);
      await b.page.locator('.recharts-line').first().waitFor();
      await shot(b.page, 'analyst-dashboard-laptop');
    } finally {
      await b.close();
    }
  });

  test('switching to Ukrainian translates the interface and dates, and survives a reload', async () => {
    const b = await openBrowser(VIEWPORTS.laptop, 'uk-UA');
    try {
      await b.page.goto(world.url);
      // The browser asks for Ukrainian, but the first visit is switched explicitly, as a user would.
      await b.page.getByTestId('language').selectOption('en');
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.getByTestId('language').selectOption('uk');
      await b.page.getByRole('heading', { level: 1, name: 'Пошук людей' }).waitFor();
      assert.equal(await b.page.locator('html').getAttribute('lang'), 'uk');
      const nav = b.page.getByRole('navigation');
      for (const label of ['Пошук', 'Джерела', 'Місця', 'Зведення'])
        await nav.getByRole('link', { name: label }).waitFor();
      // A full page load: the choice is remembered.
      await b.page.goto(`${world.url}/persons/${data.kovalchukId}`);
      await b.page.getByRole('heading', { name: 'Що відомо' }).waitFor();
      const dob = await b.page.locator('[data-field="date_of_birth"]').innerText();
      assert.match(dob, /Дата народження/);
      assert.match(dob, /5 бер\.? 1994/);
      await b.page.getByRole('button', { name: 'Додати твердження' }).click();
      assert.ok((await b.page.getByText('Це поле обов’язкове.').count()) >= 1);
      await shot(b.page, 'person-uk-laptop');
    } finally {
      await b.close();
    }
  });
});
