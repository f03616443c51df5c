import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BNV_2023 } from '@sipas/schema';
import { startE2E, type E2E } from './harness.js';

/** Sends a response through the API as the citizen element would, returning its receipt. */
async function respond(url: string) {
  const answers = Object.fromEntries(BNV_2023.items.map((item) => [item.id, item.factor === 'feedback' ? null : 4]));
  const response = await fetch(`${url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      unit: 'phuong-tan-hoa',
      questionnaire: { id: 'bnv-2023', version: 1 },
      answers,
      context: { channel: 'kiosk' },
    }),
  });
  return { status: response.status, body: (await response.json()) as { leaf?: { index: number; hash: string } } };
}

describe('opening the digital ballot box at the staff desk', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('a staff member opens the box before witnesses and prints A4 minutes with the signed checkpoint', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, body } = await respond(e2e.server.url);
      assert.equal(status, 201, JSON.stringify(body));
      assert.ok(body.leaf, 'the receipt carries its leaf');
    }
    const checkpoint = await (await fetch(`${e2e.server.url}/v1/units/phuong-tan-hoa/log/checkpoint`)).text();
    const size = Number(checkpoint.split('\n')[1]);
    assert.ok(size >= 3);

    const context = await e2e.context({ viewport: { width: 1280, height: 900 } });
    const page = await e2e.open(context, '/desk/');
    await page.getByLabel('Mã đơn vị').fill('phuong-tan-hoa');
    // Only an admin opens the box (the permission matrix, docs/operations.md).
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('tanhoa-quantri-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: 'Hòm phiếu' }).click();
    await page.getByText(`Trong hòm hiện có ${new Intl.NumberFormat('vi-VN').format(size)} phiếu.`).waitFor();

    await page.getByLabel('Từ ngày').fill('2020-01-01');
    await page.getByLabel('Trưởng bộ phận Một cửa — họ và tên').fill('Phạm Thị Hòa');
    await page.getByLabel('Đại diện Tổ công tác khảo sát — họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Đại diện Ủy ban MTTQ Việt Nam — họ và tên').fill('Lê Thị Bình');
    await page.getByLabel('Đại diện Hội Cựu chiến binh — họ và tên').fill('Trần Văn Cường');
    await page.getByLabel('Địa điểm (ghi trên biên bản)').fill('Tân Hòa');
    await page.getByRole('button', { name: 'Mở hòm phiếu và lập biên bản' }).click();

    const minutes = page.locator('.preview sipas-desk-minutes');
    await minutes.getByRole('heading', { name: 'BIÊN BẢN', exact: true }).waitFor();
    const text = await minutes.locator('article').innerText();
    assert.match(text, /Mở hòm phiếu khảo sát điện tử/);
    assert.match(text, /Phạm Thị Hòa/);
    assert.match(text, /Trần Văn Cường/);
    assert.match(text, /Trần Văn Minh/, 'who opened it');
    assert.ok(text.includes(checkpoint.split('\n\n')[0]!.split('\n')[0]!), 'the checkpoint origin');
    assert.match(text, new RegExp(`Tổng số phiếu trong hòm đến thời điểm mở:\\s*${size}`));
    assert.match(text, /Đây là lần mở hòm phiếu đầu tiên/);

    // The opening is recorded on the server.
    const rows = await e2e.server.ctx!.db.all<{ opened_by_name: string; size: number }>('SELECT opened_by_name, size FROM log_openings');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.opened_by_name, 'Trần Văn Minh');

    // Print: only the minutes, on A4.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'In biên bản (A4)' }).click();
    await page.locator('body > sipas-desk-minutes[data-print]').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('sipas-desk').isVisible(), false, 'the desk is hidden in print');
    assert.equal(await page.locator('body > sipas-desk-minutes[data-print]').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    assert.ok(pdf.length > 10_000);
    if (process.env.SIPAS_BALLOT_PDF) {
      // For a person to look at: the PDF, and the print view as a picture (A4 at 96 dpi).
      writeFileSync(join(process.env.SIPAS_BALLOT_PDF), pdf);
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: `${process.env.SIPAS_BALLOT_PDF}.png`, fullPage: true });
    }
    await context.close();
  });
});
