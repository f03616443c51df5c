import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startE2E, type E2E } from './harness.js';

describe('results on the demo ward site', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('the results page shows the demo ward’s published index, factors and trend from stored responses', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/ket-qua.html');
    const badge = page.locator('sipas-badge');
    await badge.locator('[part~="factors"]').waitFor();
    const value = (await badge.locator('[part~="value"]').textContent())!.trim();
    assert.match(value, /^\d{2},\d{2}\s?%$/);
    assert.equal(await badge.locator('[part~="factors"] li').count(), 5);
    assert.equal(await badge.locator('[part~="trend"] li').count(), 4);
    const api = (await (await fetch(`${e2e.server.url}/v1/units/phuong-tan-hoa/results`)).json()) as { forms: number; published: boolean };
    assert.equal(api.published, true);
    assert.match((await badge.locator('[part~="meta"]').textContent())!, new RegExp(`${api.forms} phiếu khảo sát`));
    // Reloaded: the stored figure is there at once.
    await page.reload();
    await badge.locator('[part~="value"]').waitFor();
    assert.equal((await badge.locator('[part~="value"]').textContent())!.trim(), value);
    await context.close();
  });

  it('staff download the quarter’s report as CSV, XLSX and printable HTML; without a session it is refused', async () => {
    const session = (await (
      await fetch(`${e2e.server.url}/v1/staff/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unit: 'phuong-tan-hoa', username: 'canbo', password: 'tanhoa-canbo-demo' }),
      })
    ).json()) as { token: string };
    const report = (format: string, token?: string) =>
      fetch(`${e2e.server.url}/v1/staff/units/phuong-tan-hoa/report?format=${format}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const csv = await report('csv', session.token);
    assert.equal(csv.status, 200);
    assert.match(await csv.text(), /"Tư pháp – Hộ tịch",\d+,\d+,\d+,"\d{2},\d{2}\s?%"/);
    const xlsx = await report('xlsx', session.token);
    assert.equal(xlsx.status, 200);
    assert.equal((await xlsx.arrayBuffer()).byteLength > 4000, true);
    const html = await report('html', session.token);
    assert.match(await html.text(), /BÁO CÁO KẾT QUẢ KHẢO SÁT/);
    assert.equal((await report('csv')).status, 401);
  });
});
