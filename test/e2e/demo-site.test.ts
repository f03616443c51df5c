import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startE2E, type E2E } from './harness.js';

describe('the demo ward site', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('serves the ward homepage with its elements upgraded from the script tag, and loads no other element', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/');
    assert.match(await page.title(), /Tân Hòa/);
    // sipas.js is a loader: it defines each element on the page once its chunk has arrived (after
    // the load event), and never fetches the elements the page does not show.
    for (const tag of ['sipas-procedures', 'sipas-badge']) {
      const upgraded = await page
        .waitForFunction((name) => customElements.get(name) !== undefined, tag, { timeout: 20_000 })
        .then(() => true, () => false);
      assert.ok(upgraded, `${tag} is registered`);
    }
    for (const tag of ['sipas-survey', 'sipas-feedback'])
      assert.equal(await page.evaluate((name) => customElements.get(name), tag), undefined, `${tag} is not on this page, so not loaded`);
    await context.close();
  });

  it('serves the API and its OpenAPI document next to the site', async () => {
    const health = await fetch(`${e2e.server.url}/healthz`);
    assert.equal(health.status, 200);
    const openapi = (await (await fetch(`${e2e.server.url}/openapi.json`)).json()) as { openapi: string };
    assert.equal(openapi.openapi, '3.1.0');
  });
});
