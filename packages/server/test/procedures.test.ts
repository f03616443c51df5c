import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ProcedureCatalogue, ProcedureList, type Procedure } from '@sipas/schema';
import { DEMO_PROCEDURES_FILE, seedDemoProcedures } from '../src/procedures/demo.js';
import { importProcedures } from '../src/procedures/import.js';
import { parseChannels, parseDocuments, parseLegalBasis } from '../src/procedures/national.js';
import { parseCsv } from '../src/procedures/parse.js';
import { etagMatches } from '../src/http/conditional.js';
import { ProcedureStore } from '../src/procedures/store.js';
import { ORIGIN, testApp } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;

const REFERENCE = fileURLToPath(new URL('../../../../../shared/data/tthc-cap-xa.json', import.meta.url));

const procedure = (code: string, name: string, extra: Partial<Procedure> = {}): Procedure => ({
  code,
  name,
  level: 'Cấp xã',
  field: 'Hộ tịch',
  applicants: ['Công dân Việt Nam'],
  agency: 'Ủy ban nhân dân cấp xã',
  steps: ['Nộp hồ sơ', 'Nhận kết quả'],
  channels: [{ kind: 'direct', timeLimit: '1 ngày', fee: 'Miễn phí' }],
  documents: [{ name: 'Tờ khai', copies: '1 bản chính' }],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  result: 'Giấy khai sinh',
  updatedAt: '2026-10-01',
  ...extra,
});

const count = async (server: Server, unit: string) => new ProcedureStore(server.ctx.db).count(unit);

describe('procedures: the national database layout', () => {
  it('takes the flattened ways to submit apart: kind, time limit, fee, description', () => {
    const warnings: string[] = [];
    const channels = parseChannels(
      'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 NgàyKhông có thông tinNộp trực tiếp tại trụ sởTrực tuyến3 Ngày làm việc10,000 Việt Nam Đồng(/lần)Qua cổng',
      warnings,
    );
    assert.deepEqual(channels, [
      { kind: 'direct', timeLimit: '7 ngày', fee: '', description: 'Nộp trực tiếp tại trụ sở' },
      { kind: 'online', timeLimit: '3 ngày làm việc', fee: '10,000 Việt Nam Đồng (/lần)', description: 'Qua cổng' },
    ]);
    assert.deepEqual(warnings, []);
  });

  it('takes documents apart with their template file, copies and case', () => {
    const documents = parseDocuments(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinhTo khai dang ky khai sinh.doc1 bản chínhGiấy chứng sinh1 bản chính, 1 bản sao',
      [],
    );
    assert.deepEqual(documents, [
      { name: 'Tờ khai đăng ký khai sinh', template: 'To khai dang ky khai sinh.doc', copies: '1 bản chính' },
      { name: 'Giấy chứng sinh', copies: '1 bản chính, 1 bản sao' },
    ]);
  });

  it('takes the legal basis apart by document number', () => {
    const legal = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnLuật Nhập cảnh của người nước ngoài tại Việt NamLuật 47/2014/QH13Nghị định 59/2018/NĐ-CP59/2018/NĐ-CPThông tư quy định cách thức khai báo53/2016/TT-BCA',
      [],
    );
    assert.deepEqual(
      legal.map((l) => [l.number, l.title]),
      [
        ['47/2014/QH13', 'Luật Nhập cảnh của người nước ngoài tại Việt Nam'],
        ['59/2018/NĐ-CP', 'Nghị định 59/2018/NĐ-CP'],
        ['53/2016/TT-BCA', 'Thông tư quy định cách thức khai báo'],
      ],
    );
  });

  it('reads RFC 4180 CSV with quotes, commas and line breaks in cells', () => {
    const rows = parseCsv('a,b\n"x, ""y""","1\n2"\n\nz,w\n');
    assert.deepEqual(rows, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '1\n2'] },
      { line: 5, cells: ['z', 'w'] },
    ]);
  });
});

describe('procedures: import-procedures', () => {
  let server: Server;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('reports every bad row with its position and imports nothing when any row is bad', async () => {
    const file = JSON.stringify([
      procedure('1.001193', 'Đăng ký khai sinh'),
      { ...procedure('1.000656', 'Đăng ký khai tử'), name: '' },
      procedure('1.001193', 'Đăng ký khai sinh (trùng mã)'),
      { ...procedure('bad code!', 'Mã sai'), channels: [{ kind: 'fax', timeLimit: '', fee: '' }] },
    ]);
    const report = await importProcedures(server.ctx.db, 'phuong-a', file, 'list.json');
    assert.equal(report.total, 4);
    assert.equal(report.saved, undefined);
    assert.deepEqual(
      report.invalid.map((i) => i.position),
      ['bản ghi 2', 'bản ghi 3', 'bản ghi 4'],
    );
    assert.match(report.invalid[0]!.problems.join(), /^name:/);
    assert.match(report.invalid[1]!.problems.join(), /code: 1\.001193 repeats bản ghi 1/);
    assert.ok(report.invalid[2]!.problems.some((p) => p.startsWith('code:')));
    assert.ok(report.invalid[2]!.problems.some((p) => p.startsWith('channels.0.kind:')));
    assert.equal(await count(server, 'phuong-a'), 0, 'all or nothing');

    const skipped = await importProcedures(server.ctx.db, 'phuong-a', file, 'list.json', { skipInvalid: true });
    assert.deepEqual(skipped.saved, { added: 1, changed: 0, unchanged: 0, removed: 0 });
    assert.equal(skipped.invalid.length, 3);
    assert.equal(await count(server, 'phuong-a'), 1);
  });

  it('imports CSV in our schema (lists one per line or as JSON) and in the national field names, by line number', async () => {
    const lines = [
      'code,name,level,field,agency,applicants,steps,channels,documents,legalBasis,result,updatedAt',
      '2.000908,Cấp bản sao từ sổ gốc,Cấp xã,Chứng thực,UBND cấp xã,"Công dân Việt Nam\nNgười nước ngoài","Nộp\nNhận","[{""kind"":""direct"",""timeLimit"":""1 ngày"",""fee"":""Miễn phí""}]",[],[],Bản sao,2026-09-01',
      ',Thiếu mã,Cấp xã,Chứng thực,,,,,,,,',
    ];
    const ours = lines.join('\n');
    const bad = await importProcedures(server.ctx.db, 'phuong-b', ours, 'ds.csv');
    assert.deepEqual(bad.invalid.map((i) => i.position), ['dòng 5'], 'the record after one with line breaks in its cells starts on line 5');
    assert.equal(await count(server, 'phuong-b'), 0);
    const good = await importProcedures(server.ctx.db, 'phuong-b', lines.slice(0, 2).join('\n'), 'ds.csv');
    assert.equal(good.saved?.added, 1);
    const stored = await new ProcedureStore(server.ctx.db).get('phuong-b', '2.000908');
    assert.deepEqual(stored?.procedure.applicants, ['Công dân Việt Nam', 'Người nước ngoài']);
    assert.equal(stored?.procedure.channels[0]?.timeLimit, '1 ngày');

    const csv = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    const national = [
      csv(['ma_thu_tuc', 'ten_thu_tuc', 'cap_thuc_hien', 'linh_vuc', 'cach_thuc_thuc_hien', 'thanh_phan_ho_so', 'can_cu_phap_ly', 'ket_qua_xu_ly']),
      csv([
        '1.001193',
        'Thủ tục đăng ký khai sinh',
        'Cấp xã',
        'Hộ tịch',
        'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcMiễn phí',
        '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính',
        'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13',
        'Giấy khai sinhMã: KQ.G15.000001Từ khóa',
      ]),
    ].join('\r\n');
    const report = await importProcedures(server.ctx.db, 'phuong-b', national, 'tthc.csv');
    assert.deepEqual(report.invalid, []);
    const khaiSinh = await new ProcedureStore(server.ctx.db).get('phuong-b', '1.001193');
    assert.equal(khaiSinh?.procedure.name, 'Thủ tục đăng ký khai sinh');
    assert.deepEqual(khaiSinh?.procedure.legalBasis, [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }]);
    assert.equal(khaiSinh?.procedure.result, 'Giấy khai sinh');
  });

  it(
    'imports the whole national reference file (../shared/data/tthc-cap-xa.json) and says how many records parsed cleanly',
    { skip: existsSync(REFERENCE) ? false : `the reference file ${REFERENCE} is absent (it is there in CI)` },
    async (t) => {
      const content = readFileSync(REFERENCE, 'utf8');
      const records = (JSON.parse(content) as unknown[]).length;
      const report = await importProcedures(server.ctx.db, 'tinh-a', content, 'tthc-cap-xa.json', { skipInvalid: true });
      t.diagnostic(
        `${records} records: ${report.valid} valid, ${report.clean} parsed without any doubt, ${report.invalid.length} invalid, ${report.warnings.length} with warnings`,
      );
      console.log(
        `    reference file: ${records} records, ${report.valid} valid and imported, ${report.clean} parsed cleanly (no warnings), ${report.invalid.length} invalid`,
      );
      assert.equal(report.total, records);
      assert.ok(report.valid >= records * 0.95, `at least 95 % valid (got ${report.valid})`);
      assert.equal(await count(server, 'tinh-a'), report.valid);
      const list = await server.app.inject({ method: 'GET', url: '/v1/units/tinh-a/procedures' });
      assert.equal(list.json().procedures.length, report.valid);
    },
  );
});

describe('procedures: GET /v1/units/:unit/procedures[/:code]', () => {
  let server: Server;
  before(async () => {
    server = await testApp();
    await seedDemoProcedures(server.ctx, 'phuong-a');
  });
  after(async () => server.dispose());

  it('lists the catalogue per the contract, sorted in Vietnamese order, with ETag and Cache-Control', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures', headers: { origin: ORIGIN } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers.etag), /^"[\w-]+"$/);
    assert.match(String(response.headers['cache-control']), /max-age=\d+/);
    const list = ProcedureList.parse(response.json());
    assert.ok(list.procedures.length >= 100);
    assert.ok(list.procedures.some((p) => p.name === 'Đăng ký khai sinh' && p.code === '1.001193' && p.online));
    const names = list.procedures.map((p) => p.name);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('vi').compare));
  });

  it('answers 304 without a body on a matching If-None-Match, 200 after a change', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures' });
    const etag = String(first.headers.etag);
    const again = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const weak = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures', headers: { 'if-none-match': `"x", W/${etag}` } });
    assert.equal(weak.statusCode, 304);

    await seedDemoProcedures(server.ctx, 'phuong-a');
    const reseeded = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures', headers: { 'if-none-match': etag } });
    assert.equal(reseeded.statusCode, 304, 'seeding again changes nothing');

    await new ProcedureStore(server.ctx.db).save('phuong-a', [procedure('9.999999', 'Thủ tục thử')]);
    const changed = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.ok(changed.json().procedures.some((p: { code: string }) => p.code === '9.999999'));
  });

  it('gives a procedure in full, with its own ETag and 304', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures/1.001193' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.name, 'Đăng ký khai sinh');
    assert.ok(body.documents.length > 0 && body.channels.length > 0 && body.legalBasis.length > 0);
    const again = await server.app.inject({
      method: 'GET',
      url: '/v1/units/phuong-a/procedures/1.001193',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
  });

  it('answers problems: unknown procedure 404, unknown unit 404, bad code 400, foreign origin 403', async () => {
    const missing = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures/1.000000' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'procedure_not_found');
    assert.equal((await server.app.inject({ method: 'GET', url: '/v1/units/khong-co/procedures' })).statusCode, 404);
    assert.equal((await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/procedures/a%20b' })).statusCode, 400);
    const foreign = await server.app.inject({
      method: 'GET',
      url: '/v1/units/phuong-a/procedures',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(foreign.statusCode, 403);
  });

  it('a unit without procedures has an empty list with an ETag', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/units/phuong-b/procedures' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { unit: 'phuong-b', updatedAt: null, procedures: [] });
    assert.ok(response.headers.etag);
  });

  it('parses If-None-Match lists, weak tags and *', () => {
    assert.equal(etagMatches('"a", "b"', '"b"'), true);
    assert.equal(etagMatches('W/"b"', '"b"'), true);
    assert.equal(etagMatches('*', '"b"'), true);
    assert.equal(etagMatches('"c"', '"b"'), false);
    assert.equal(etagMatches(undefined, '"b"'), false);
  });
});

describe('procedures: the demo dataset', () => {
  it('has at least 100 real commune-level procedures across the fields citizens need, valid against the schema', () => {
    const catalogue = ProcedureCatalogue.parse(JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8')));
    assert.ok(catalogue.procedures.length >= 100, `${catalogue.procedures.length} procedures`);
    const fields = new Set(catalogue.procedures.map((p) => p.field));
    for (const field of ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Đăng ký, quản lý cư trú', 'Hoạt động xây dựng', 'Giảm nghèo']) {
      assert.ok(fields.has(field), field);
    }
    assert.equal(new Set(catalogue.procedures.map((p) => p.code)).size, catalogue.procedures.length, 'codes are unique');
    for (const p of catalogue.procedures) assert.match(p.code, /^\d\.\d{6}$/);
  });

  it('lists every document in full: none cut off mid-sentence with "…" (completed from the national database)', () => {
    const catalogue = ProcedureCatalogue.parse(JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8')));
    const cut = catalogue.procedures.flatMap((p) => p.documents.filter((d) => /…\s*$/.test(d.name)).map((d) => `${p.code}: ${d.name}`));
    assert.deepEqual(cut, []);
    const birth = catalogue.procedures.find((p) => p.code === '1.001193')!;
    assert.ok(birth.documents.some((d) => d.name.endsWith('thì văn bản ủy quyền không phải chứng thực.')), 'the power of attorney, to its last sentence');
  });

  it('no result or legal title is cut off or loses its first letter; a title the source cannot give whole is left out, the number stands', () => {
    const catalogue = ProcedureCatalogue.parse(JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8')));
    const cut = catalogue.procedures.flatMap((p) => [p.result, ...p.legalBasis.map((l) => l.title)].filter((t) => /…\s*$/.test(t)).map((t) => `${p.code}: ${t}`));
    assert.deepEqual(cut, []);
    // The old split ate each result's capital: "Giấy khai sinh; rích lục đăng ký nhận cha, mẹ, con".
    const eaten = catalogue.procedures.filter((p) => /; (?:rích|iền|hông|ập|iấy|uyết|ản) /.test(p.result)).map((p) => `${p.code}: ${p.result}`);
    assert.deepEqual(eaten, []);
    assert.ok(catalogue.procedures.every((p) => !p.result.includes('Mã:')), 'result codes of the portal are not part of the result');
    for (const p of catalogue.procedures) for (const l of p.legalBasis) assert.ok(l.number.length > 0, `${p.code}: every legal basis keeps its number`);
  });

  it('the generated synthetic catalogue imports (bench/gen-procedures.mjs)', async () => {
    const gen = fileURLToPath(new URL('../../../../bench/gen-procedures.mjs', import.meta.url));
    const { generateCatalogue } = (await import(gen)) as { generateCatalogue: (n: number) => unknown };
    const dir = mkdtempSync(join(tmpdir(), 'sipas-gen-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(generateCatalogue(2000)));
    const catalogue = ProcedureCatalogue.parse(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')));
    assert.equal(catalogue.procedures.length, 2000);
    assert.equal(new Set(catalogue.procedures.map((p) => p.code)).size, 2000);
  });
});
