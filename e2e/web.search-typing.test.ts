/**
 * Search as you type when the server is slower than the typing: the box asks at once, one search
 * is answered at a time, searches typed past while another was answered are never sent, and what
 * is shown answers the whole name.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, shot, signIn, skipReason, startWorld, type World } from './harness.js';
import { seed } from './seed.js';

const skip = skipReason();
/** Added to every search answer, so that keystrokes (every 30 ms) outrun the server. */
const SLOW_MS = 250;

describe('search while typing', { skip: skip ?? false }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    await seed(world.app, world.users.tracing_officer.actor);
  });
  after(async () => world?.close());

  test('a slow server gets one search at a time, never the ones typed past, and the last answers', async () => {
    const b = await openBrowser();
    try {
      await signIn(b.page, world.url, world.users.tracing_officer.username);
      const sent: string[] = [];
      let open = 0;
      let mostOpen = 0;
      await b.page.route(/\/api\/(search|persons)\?/, async (route) => {
        sent.push(new URL(route.request().url()).searchParams.get('q') ?? '');
        mostOpen = Math.max(mostOpen, ++open);
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        open--;
        await route.fulfill({ response });
      });
      const typed = 'Ковальчук Андрій';
      const started = Date.now();
      await b.page.getByTestId('search-box').pressSequentially(typed, { delay: 30 });
      await b.page.locator(`[data-answered="${typed}"]`).waitFor();
      const took = Date.now() - started;
      await b.page
        .getByTestId('search-results')
        .getByRole('link', { name: /Ковальчук Андрій/ })
        .waitFor();
      await shot(b.page, 'search-typing-slow-server');
      assert.equal(mostOpen, 1, 'one search at a time');
      assert.equal(
        sent[0],
        'Ко',
        'the first search goes out at the second letter, without waiting for a pause',
      );
      assert.equal(sent[sent.length - 1], typed, 'the whole name is asked last');
      // 15 searches were typed (from the second letter); while one is answered (250 ms, about eight
      // keystrokes) the ones typed past are dropped, so only a handful reach the server.
      assert.ok(sent.length <= Math.ceil(took / SLOW_MS) + 1, `${sent.length} searches in ${took} ms`);
      assert.ok(sent.length < typed.length - 5, `searches typed past were dropped: ${sent.join(' | ')}`);
    } finally {
      await b.close();
    }
  });
});
