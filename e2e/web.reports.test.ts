/**
 * Reports in the browser: an officer submits an invented news report, sees its figures and the
 * person it names, accepts the lead into the registry person (the person page then shows the
 * report's event), submits a second report and sees the sum across the two. Field errors come from
 * the client (nothing pasted) and from the server (an internal address) in the user's language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, shot, signIn, skipReason, startWorld, VIEWPORTS, type World } from './harness.js';
import { seed, type Seeded } from './seed.js';

const skip = skipReason();

// Invented: the plant, the towns, the numbers, the sergeant (who matches the seeded Ковальчук Андрій).
const DAY1 = `Zorya garrison: the ministry's figures

Published: 17 May 2022

Since Monday, 264 servicemen have surrendered at the Zorya plant in Brovarske, including 51 seriously wounded, the Ministry of Defence said. Of them, 40 were evacuated to a hospital in Novolymanske.

Sergeant Andrii Kovalchuk, 28, reportedly surrendered on Monday, a spokesman said. The ministry declined to comment on his condition.`;
const DAY2 = `Zorya garrison: the second day

Published: 18 May 2022

A total of 959 servicemen have surrendered at the Zorya plant since May 16, the Ministry of Defence said. In the last 24 hours, 695 servicemen surrendered.

"It was an evacuation of our defenders," the regional governor said.`;

async function submit(page: Page, text: string): Promise<void> {
  await page.getByTestId('report-add').click();
  const form = page.getByTestId('report-form');
  await form.getByLabel('Text of the report').fill(text);
  await form.getByLabel('Publisher (optional)').fill('Invented Daily');
  await form.getByTestId('report-submit').click();
  await page.getByTestId('report-figures').waitFor();
}

/** No element wider than the page: nothing is cut off or scrolls the whole page sideways. */
async function assertNoPageOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  assert.ok(overflow <= 1, `${what}: the page scrolls sideways by ${overflow}px`);
}

describe('reports', { skip: skip ?? false }, () => {
  let world: World;
  let seeded: Seeded;
  before(async () => {
    world = await startWorld();
    seeded = await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  test('an officer submits a report, accepts its lead into the registry, and sees the sum across two reports', async () => {
    const b = await openBrowser();
    const { page } = b;
    try {
      await signIn(page, world.url, world.users.tracing_officer.username);
      await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Reports' }).waitFor();

      // Field errors: nothing pasted (client), then an internal address (server).
      await page.getByTestId('report-add').click();
      const form = page.getByTestId('report-form');
      await form.getByTestId('report-submit').click();
      await form.getByText('This is required.').waitFor();
      await form.getByText('Web address', { exact: true }).click();
      await form.getByRole('textbox', { name: /Web address/ }).fill('http://127.0.0.1:9/statement');
      await form.getByTestId('report-submit').click();
      await form.getByText('Addresses inside this network are never fetched.').waitFor();
      await shot(page, 'reports-form-errors-laptop');
      await form.getByRole('button', { name: 'Cancel' }).click();

      // The first report: its figures and the person it names.
      await submit(page, DAY1);
      const figures = page.getByTestId('report-figures');
      await figures
        .getByTestId('figure')
        .filter({ hasText: /264\s+Surrendered\s+servicemen/ })
        .waitFor();
      await figures
        .getByText(/from 16 May 2022 to 17 May 2022/)
        .first()
        .waitFor();
      assert.equal(await page.getByTestId('figure').count(), 3);
      await shot(page, 'reports-figures-laptop');
      await assertNoPageOverflow(page, 'figures on a laptop');

      await page.getByTestId('tab-people').click();
      const mention = page.getByTestId('mention').filter({ hasText: 'Andrii Kovalchuk' });
      await mention.getByText(/sergeant · 28 years old/).waitFor();
      await mention
        .getByTestId('mention-statuses')
        .getByText(/Surrendered · 16 May 2022/)
        .waitFor();
      await mention.getByText('unconfirmed').first().waitFor();
      const candidates = mention.getByTestId('lead-candidates');
      await candidates.getByRole('link', { name: 'Ковальчук Андрій Петрович' }).waitFor();
      await candidates.getByRole('button', { name: 'Why' }).click();
      await candidates.getByTestId('contributions').waitFor();
      await shot(page, 'reports-lead-laptop');
      await candidates.getByTestId('lead-accept').click();
      await mention.getByTestId('lead-accepted').waitFor();
      await mention.getByTestId('lead-status').filter({ hasText: 'Accepted' }).waitFor();

      // The person page shows the report's event, unconfirmed, with the report as its source.
      await mention.getByRole('link', { name: 'Open the person' }).click();
      await page.waitForURL(`**/persons/${seeded.kovalchukId}`);
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('Surrendered').waitFor();
      await timeline.getByText(/Zorya garrison: the ministry's figures/).waitFor();
      await shot(page, 'reports-person-after-accept-laptop');

      // The second report, then the reconciliation across both.
      await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
      await submit(page, DAY2);
      await page.getByRole('link', { name: '← All reports' }).click();
      await page.getByTestId('reports').getByText('Zorya garrison: the second day').waitFor();
      await shot(page, 'reports-list-laptop');
      await page.getByRole('tab', { name: 'Across reports' }).click();
      const sum = page.getByTestId('finding-sum');
      await sum.getByText('264 + 695 = 959').waitFor();
      await sum.getByText(/An earlier total plus the counts since equals the later total/).waitFor();
      await page
        .getByTestId('framing-differences')
        .getByText(/“defenders”/)
        .waitFor();
      await page.getByTestId('registry-comparison').waitFor();
      await shot(page, 'reports-reconciliation-laptop');
      await assertNoPageOverflow(page, 'reconciliation on a laptop');

      // The same pages on a tablet and in Ukrainian: nothing overflows, nothing left in English.
      await page.setViewportSize(VIEWPORTS.tablet);
      await shot(page, 'reports-reconciliation-tablet');
      await assertNoPageOverflow(page, 'reconciliation on a tablet');
      await page.getByTestId('language').selectOption('uk');
      await page.getByTestId('finding-sum').getByText('Сума', { exact: true }).waitFor();
      await shot(page, 'reports-reconciliation-tablet-uk');
      await page.getByRole('tab', { name: 'Додані повідомлення' }).click();
      await page
        .getByTestId('reports')
        .getByRole('link', { name: "Zorya garrison: the ministry's figures" })
        .click();
      await page
        .getByTestId('figure')
        .filter({ hasText: /264\s+Здалися в полон/ })
        .waitFor();
      await shot(page, 'reports-figures-tablet-uk');
      await assertNoPageOverflow(page, 'figures on a tablet');
    } catch (e) {
      await shot(page, 'reports-failure');
      throw e;
    } finally {
      await b.close();
    }
  });
});
