import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { vietnamDate } from '@sipas/schema';
import { formatReport } from '../src/log/audit.js';
import { StaffStore } from '../src/staff/store.js';
import { auditUnit, fullAnswers, surveyBody, testApp } from './helpers.js';

/**
 * The audit covers every copy the database keeps of a response: the row, the leaf's own receive
 * time (log_leaves.received_at, by which openings count a period) and the result aggregates the
 * published figures are read from. Each copy is changed directly in the database, as a database
 * administrator could, and the audit must name it; an untouched box stays clean.
 */
type Server = Awaited<ReturnType<typeof testApp>>;
const servers: Server[] = [];
after(async () => {
  for (const server of servers) await server.dispose().catch(() => undefined);
});

async function seeded(n = 6) {
  const server = await testApp({ rateLimitPerMinute: 100_000 });
  servers.push(server);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = surveyBody({ answers: fullAnswers((i % 5) + 1), context: { channel: 'kiosk', field: i % 2 ? 'Tư pháp – Hộ tịch' : 'Địa chính – Xây dựng – Nông nghiệp – Môi trường' } });
    const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body });
    assert.equal(response.statusCode, 201, response.body);
    ids.push(body.id);
  }
  return { server, ids };
}

const bad = (report: Awaited<ReturnType<typeof auditUnit>>) => report.findings.filter((f) => f.status === 'bad').map((f) => f.text);

describe('the audit covers every copy', () => {
  it('an untouched box is clean, the aggregates recomputed and equal', async () => {
    const { server } = await seeded();
    const report = await auditUnit(server);
    assert.equal(report.ok, true, bad(report).join('\n'));
    assert.ok(report.findings.some((f) => f.status === 'ok' && /Đã tính lại số liệu tổng hợp kết quả từ 6 phiếu/.test(f.text)));
    assert.match(formatReport(report), /KẾT LUẬN: HÒM PHIẾU TOÀN VẸN/);
  });

  it('a leaf receive time moved in log_leaves is caught and named, and the box cannot be opened on it', async () => {
    const { server } = await seeded();
    await server.ctx.db.run("UPDATE log_leaves SET received_at = '2020-03-01T03:00:00.000Z' WHERE unit = 'phuong-a' AND leaf_index = 2");
    const report = await auditUnit(server);
    assert.equal(report.ok, false);
    assert.equal(report.firstBadLeaf, 2);
    assert.match(bad(report).join('\n'), /Lá số 2 \(phiếu thứ 3\).*giờ nhận ghi trong hòm phiếu .* KHÁC giờ nhận của phiếu/);

    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-quan-tri' });
    const token = (
      await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'minh', password: 'mat-khau-quan-tri' } })
    ).json().token;
    const opening = await server.app.inject({
      method: 'POST',
      url: '/v1/staff/units/phuong-a/log/openings',
      headers: { authorization: `Bearer ${token}` },
      payload: { from: '2020-01-01', to: '2020-12-31', witnesses: [{ role: 'mttq', name: 'Lê Thị Bình' }] },
    });
    assert.equal(opening.statusCode, 409, opening.body);
    assert.equal(opening.json().code, 'ballot_box_inconsistent');
    assert.match(opening.json().detail, /sipas-server audit --unit phuong-a/);
    assert.equal(Number((await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM log_openings'))!.n), 0, 'no minutes of a wrong count');
  });

  it('an opening counts the period from the verified leaves', async () => {
    const { server } = await seeded(4);
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-quan-tri' });
    const token = (
      await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'minh', password: 'mat-khau-quan-tri' } })
    ).json().token;
    const today = vietnamDate(new Date());
    const open = (from: string, to: string) =>
      server.app.inject({
        method: 'POST',
        url: '/v1/staff/units/phuong-a/log/openings',
        headers: { authorization: `Bearer ${token}` },
        payload: { from, to, witnesses: [{ role: 'mttq', name: 'Lê Thị Bình' }] },
      });
    const now = (await open(today, today)).json();
    assert.deepEqual([now.responsesInPeriod, now.firstLeaf, now.lastLeaf], [4, 0, 3]);
    const before = (await open('2020-01-01', '2020-12-31')).json();
    assert.deepEqual([before.responsesInPeriod, before.firstLeaf, before.lastLeaf], [0, null, null]);
  });

  it('a multiplied aggregate is reported with a clear line in the Vietnamese report', async () => {
    const { server } = await seeded();
    await server.ctx.db.run("UPDATE result_forms SET forms = forms * 3 WHERE unit = 'phuong-a' AND field = 'Địa chính – Xây dựng – Nông nghiệp – Môi trường'");
    const report = await auditUnit(server);
    assert.equal(report.ok, false);
    assert.equal(report.aggregatesAltered, true);
    const text = formatReport(report);
    assert.match(text, /✗ SỐ LIỆU TỔNG HỢP KẾT QUẢ BỊ SỬA: ngày \d\d\/\d\d\/\d{4}, phiếu bnv-2023@1, bộ phận\/lĩnh vực "Địa chính – Xây dựng – Nông nghiệp – Môi trường": kết quả ghi 9 phiếu nhưng tính lại từ các phiếu trong hòm chỉ được 3 phiếu \(gấp 3 lần\)\./);
    assert.match(text, /KẾT LUẬN: PHÁT HIỆN SAI LỆCH\. Số liệu tổng hợp kết quả/);
    // The box itself is untouched: the leaves still verify.
    assert.ok(report.findings.some((f) => f.status === 'ok' && /cả 6 phiếu khớp/.test(f.text)));
  });

  it('changed criterion counts and an invented aggregate row are reported too', async () => {
    const { server } = await seeded();
    await server.ctx.db.run("UPDATE result_items SET n5 = n5 + 40 WHERE unit = 'phuong-a' AND item = 'q15'");
    let report = await auditUnit(server);
    assert.equal(report.ok, false);
    assert.match(bad(report).join('\n'), /dòng điểm theo tiêu chí khác với điểm tính lại/);

    const other = (await seeded(2)).server;
    await other.ctx.db.run(
      "INSERT INTO result_forms (unit, day, questionnaire, questionnaire_version, field, source, forms) VALUES ('phuong-a', '2026-01-05', 'bnv-2023', 1, 'Tư pháp – Hộ tịch', 'web', 500)",
    );
    report = await auditUnit(other);
    assert.match(bad(report).join('\n'), /ngày 05\/01\/2026, .* kết quả ghi 500 phiếu nhưng tính lại từ các phiếu trong hòm chỉ được 0 phiếu/);
  });

  it('a response row whose receive time was moved is caught by its leaf', async () => {
    const { server, ids } = await seeded();
    await server.ctx.db.run("UPDATE survey_responses SET received_at = '2020-03-01T03:00:00.000Z' WHERE id = ?", [ids[1]!]);
    const report = await auditUnit(server);
    assert.equal(report.ok, false);
    assert.equal(report.firstBadLeaf, 1);
  });
});
