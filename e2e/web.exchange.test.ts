/**
 * Exchange lists in the browser: an officer creates a list, adds persons from a search and one entry
 * as the other side wrote it, verifies the list against the registry (identity, status and place,
 * conflicts), moves an entry through to completed and finds the exchange on the person's timeline,
 * and downloads the list as CSV. The list page is also looked at on a tablet.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, shot, signIn, skipReason, startWorld, type World } from './harness.js';
import { seed } from './seed.js';

const skip = skipReason();

describe('exchange lists', { skip: skip ?? false }, () => {
  let world: World;
  let listUrl = '';
  before(async () => {
    world = await startWorld();
    await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  test('an officer builds a list from a search, verifies it, completes an entry and exports the list', async () => {
    const b = await openBrowser();
    const page = b.page;
    try {
      await signIn(page, world.url, world.users.tracing_officer.username);
      await page.getByRole('navigation').getByRole('link', { name: 'Exchange lists' }).click();
      await page.getByRole('button', { name: 'New list' }).click();
      const form = page.getByTestId('exchange-list-form');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('This is required.').waitFor();
      await form.getByLabel('Name of the list').fill('September exchange');
      await form.getByLabel('Other side (optional)').fill('Invented counterpart');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'September exchange' }).waitFor();
      listUrl = page.url();
      await page.getByText('No entries yet').waitFor();

      // From a search, across scripts: "Kovalchuk" finds "Ковальчук".
      await page.getByTestId('exchange-search').fill('Kovalchuk');
      const results = page.getByTestId('exchange-search-results');
      await results.waitFor();
      await results.getByLabel('Choose Ковальчук Андрій Петрович').check();
      await page.getByTestId('exchange-search').fill('Melnyk');
      await results.getByLabel('Choose Melnyk Taras').check();
      await page.getByRole('button', { name: 'Add 2 persons' }).click();
      await page.getByText('2 added; 0 already on the list.').waitFor();
      const entries = page.getByTestId('exchange-entries');
      await entries.locator('tbody tr').nth(1).waitFor();
      await entries.getByText('Not verified yet').first().waitFor();

      // One entry as the other side's list writes it.
      await page.getByRole('tab', { name: 'As written by the other side' }).click();
      const written = page.getByTestId('exchange-written');
      await written.getByRole('button', { name: 'Add the entry' }).click();
      await written.getByText('Give at least a name.').waitFor();
      await written.getByLabel('Full name as written').fill('Invented Nobody');
      await written.getByRole('button', { name: 'Add the entry' }).click();
      await entries.locator('tbody tr').nth(2).waitFor();

      await page.getByTestId('exchange-verify').click();
      await page.getByText('3 entries checked; 2 with findings to look at.').waitFor();
      const kovalchuk = entries.locator('tr[data-entry="1"]');
      const row = await kovalchuk.innerText();
      assert.match(row, /Ковальчук Андрій Петрович/);
      assert.match(row, /100\s?%/);
      assert.match(row, /In custody/);
      assert.match(row, /Olenivka/);
      assert.match(row, /Sources disagree: date of birth/);
      assert.match(await entries.locator('tr[data-entry="3"]').innerText(), /Not found in the registry/);
      await shot(page, 'exchange-list-laptop');

      // Through the steps to completed; each step recorded.
      await kovalchuk.getByRole('button', { name: 'Details of entry 1' }).click();
      const panel = page.getByTestId('entry-panel');
      await panel.waitFor();
      for (const [to, label] of [
        ['verified', 'Verified'],
        ['agreed', 'Agreed'],
        ['completed', 'Completed'],
      ] as const) {
        await panel.getByRole('combobox', { name: 'Move to' }).selectOption(to);
        if (to === 'completed') {
          await panel.getByLabel('Date it happened').fill('2022-09-21');
          await panel.getByLabel('Note (optional)').fill('handed over at the crossing');
        }
        await panel.getByTestId('entry-transition').click();
        await panel
          .getByTestId('entry-steps')
          .getByText(new RegExp(`→ ${label}`))
          .waitFor();
      }
      await panel
        .getByTestId('entry-event')
        .getByText(/Recorded in the person’s timeline: Exchanged, 21 Sept? 2022/)
        .waitFor();
      await panel.getByText('No further step: the entry is completed.').waitFor();
      await page.waitForTimeout(400); // the drawer slides in
      const steps = await panel.getByTestId('entry-steps').innerText();
      assert.match(
        steps,
        /Proposed\n.*Proposed → Verified\n.*Verified → Agreed\n.*Agreed → Completed — handed over at the crossing/,
      );
      await shot(page, 'exchange-entry-completed');
      await page.keyboard.press('Escape');
      await entries.locator('tr[data-entry="1"]').getByText('Completed').waitFor();

      // The export, as a download.
      await page.getByRole('button', { name: 'Export' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^exchange-list-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const lines = csv.trim().split(/\r?\n/);
      assert.equal(lines.length, 4);
      assert.match(lines[1]!, /^1,completed,,1,conflicting date_of_birth,/);
      assert.match(lines[1]!, /Ковальчук,Андрій,Петрович/);
      assert.match(lines[1]!, /exchanged,2022-09-21/);
      assert.match(lines[3]!, /^3,proposed,Invented Nobody,0,not found in the registry,/);

      // The exchange is on the person's timeline, from the list as its source.
      await page
        .getByTestId('exchange-entries')
        .getByRole('link', { name: 'Ковальчук Андрій Петрович' })
        .click();
      const timeline = page.getByTestId('timeline');
      await timeline.waitFor();
      await timeline.getByText('Exchanged').waitFor();
      await timeline.getByText('exchange list: September exchange (B)').waitFor();
      await page.getByTestId('person-state').filter({ hasText: 'Released' }).waitFor();
      await shot(page, 'exchange-person-timeline');
    } finally {
      await b.close();
    }
  });

  test('the list page fits a tablet: nothing wider than the screen but the entries table, which scrolls', async () => {
    assert.ok(listUrl, 'the first test created the list');
    const b = await openBrowser({ width: 800, height: 1180 });
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      await b.page.goto(listUrl);
      await b.page.getByTestId('exchange-entries').waitFor();
      const overflow = await b.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await shot(b.page, 'exchange-list-tablet');
      await b.page.getByRole('button', { name: 'Details of entry 3' }).click();
      await b.page.getByTestId('entry-panel').waitFor();
      await b.page.waitForTimeout(400); // the drawer slides in
      await shot(b.page, 'exchange-entry-tablet');
    } finally {
      await b.close();
    }
  });
});
