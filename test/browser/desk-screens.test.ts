import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clear, createStore } from 'idb-keyval';
import '../../packages/desk/src/define.js';
import '../../packages/widgets/src/survey/define.js';
import { qrCode } from '../../packages/desk/src/kiosks/qr.js';
import type { SipasDeskQrLabel } from '../../packages/desk/src/labels/label.js';
import type { SipasSurvey } from '../../packages/widgets/src/survey/survey.js';
import { render, svg } from 'lit';
import { sql, testServer, waitFor } from '../support/commands.js';
import { openSection, sectionNames, signedInDesk } from '../support/desk.js';

/**
 * The desk's remaining screens as a ward uses them: the clerk prints a dossier's QR label (and
 * the citizen who scans it is checked at once, a second scan refused before any answer); the admin
 * sets the survey page, the closed field list, the channels and the token validity; confirms a
 * year's days off; imports the office's procedures file. Each state axe-clean; at 320 px no
 * sideways scrolling; every admin change in the change log.
 */
const { endpoint, unit } = testServer();
const CLERK = ['canbo', 'tanhoa-canbo-demo'] as const;
const ADMIN = ['quantri', 'tanhoa-quantri-demo'] as const;

const signedIn = ([username, password]: readonly [string, string]) => signedInDesk(username, password);


/** Types into a field as a keyboard user would: focus it, select what is there, type. */
async function type(root: ShadowRoot, id: string, text: string): Promise<void> {
  const input = root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

const button = (root: ShadowRoot, text: string) => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text);
  expect(found, `the button "${text}"`).to.exist;
  return found!;
};

async function press(root: ShadowRoot, text: string): Promise<void> {
  button(root, text).focus();
  await sendKeys({ press: 'Enter' });
}

const noSidewaysScroll = (what: string) => expect(document.documentElement.scrollWidth, `${what}: no sideways scroll`).to.be.at.most(window.innerWidth);

/** The Vietnam year now (the holidays screen always shows it, in use). */
const vietnamYear = () => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

let printed = 0;
const realPrint = window.print;
const drafts = createStore('sipas-drafts', 'drafts');
const outboxStores = ['sipas-outbox', 'sipas-outbox-delivered', 'sipas-outbox-rejected'].map((db) => createStore(db, 'entries'));

describe('desk screens: dossier labels, survey settings, holidays, procedure import', () => {
  before(() => {
    // The browser's print dialog is not ours to test: we count that the desk opened it.
    window.print = () => void printed++;
  });
  after(async () => {
    window.print = realPrint;
    document.querySelector('sipas-desk-qr-label[data-print]')?.remove();
    history.replaceState(null, '', location.pathname);
    await setViewport({ width: 800, height: 600 });
  });

  it('a clerk sees the label tab but no admin screen; without a survey page the label tab says whom to ask', async () => {
    const el = await signedIn(CLERK);
    const names = sectionNames(el);
    expect(names).to.include('Nhãn QR hồ sơ');
    expect(names).to.not.include.members(['Cài đặt khảo sát', 'Ngày nghỉ lễ', 'Nhập thủ tục']);
    const panel = await openSection(el, 'Nhãn QR hồ sơ', 'sipas-desk-labels');
    expect(panel.shadowRoot.querySelector('.warning')!.textContent).to.contain('Quản trị viên chưa đặt địa chỉ trang khảo sát');
    expect(panel.shadowRoot.querySelector('form')).to.equal(null);
    await expect(panel).to.be.accessible();
  });

  it('the admin sets the survey page, edits the closed field list and the token validity; mistakes are named', async () => {
    const el = await signedIn(ADMIN);
    expect(sectionNames(el)).to.include.members(['Cài đặt khảo sát', 'Ngày nghỉ lễ', 'Nhập thủ tục']);
    const panel = await openSection(el, 'Cài đặt khảo sát', 'sipas-desk-survey');
    const root = panel.shadowRoot;
    await expect(panel).to.be.accessible();
    const before = [...root.querySelectorAll<HTMLInputElement>('ul.fields input')].map((i) => i.value);
    expect(before).to.include('Tư pháp – Hộ tịch');
    // Wrong: no channel, 0 days, a page address that is not one.
    for (const channel of ['dossier', 'kiosk', 'web']) (root.getElementById(`channel-${channel}`) as HTMLInputElement).checked = false;
    await type(root, 'tokenDays', '0');
    await sendKeys({ press: 'Enter' });
    const summary = await waitFor(() => root.querySelector<HTMLElement>('.error-summary'), 'the error summary');
    await waitFor(() => root.activeElement === summary, 'focus on the error summary');
    expect(summary!.textContent).to.contain('Chọn ít nhất một kênh').and.contain('Nhập số ngày từ 1 đến 366');
    expect(root.getElementById('tokenDays')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(panel).to.be.accessible();
    (root.getElementById('channel-dossier') as HTMLInputElement).checked = true;
    (root.getElementById('channel-kiosk') as HTMLInputElement).checked = true;
    await type(root, 'tokenDays', '60');
    await type(root, 'surveyUrl', 'tanhoa.gov.vn/khao-sat');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('.error-summary')?.textContent?.includes('https://'), 'the server’s reason for the address');
    expect(root.getElementById('surveyUrl')!.getAttribute('aria-invalid')).to.equal('true');
    // The label's QR code leads to this test page, so the test can open it as a phone would.
    await type(root, 'surveyUrl', `${location.origin}${location.pathname}`);
    // Add two fields, rename one, remove the other: the list as saved.
    await type(root, 'new-field', 'Văn phòng – Thống kê');
    await sendKeys({ press: 'Enter' });
    await type(root, 'new-field', 'Tạm thời');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelectorAll('ul.fields input').length === before.length + 2, 'two fields added');
    await type(root, `field-${before.length}`, 'Văn hóa – Thông tin');
    root.querySelector<HTMLButtonElement>('button[aria-label="Bỏ lĩnh vực Tạm thời"]')!.click();
    await waitFor(() => root.querySelectorAll('ul.fields input').length === before.length + 1, 'one field removed');
    await press(root, 'Lưu cài đặt khảo sát');
    await waitFor(() => root.getElementById('survey-status')!.textContent!.includes('Đã lưu cài đặt khảo sát'), 'saved');
    await waitFor(() => root.activeElement === root.getElementById('survey-status'), 'focus on the saved notice');
    await expect(panel).to.be.accessible();
    const [row] = await sql<{ settings: string }>('SELECT settings FROM units WHERE id = ?', [unit]);
    const settings = JSON.parse(row!.settings) as { fields: string[]; dossierTokenDays: number; surveyUrl: string; publishedChannels: string[] };
    expect(settings.fields).to.deep.equal([...before, 'Văn hóa – Thông tin']);
    expect(settings.dossierTokenDays).to.equal(60);
    expect(settings.surveyUrl).to.equal(`${location.origin}${location.pathname}`);
    expect(settings.publishedChannels, 'the channels, unchanged, are not written').to.equal(undefined);
    // The public list a survey may name follows at once.
    const fields = (await (await fetch(`${endpoint}/v1/units/${unit}/fields`, { cache: 'no-store' })).json()) as { fields: string[] };
    expect(fields.fields).to.include('Văn hóa – Thông tin');
  });

  it('the clerk scans a receipt: the label prints with the QR of the survey page and the dossier code; the citizen is checked at once, a second scan refused before any answer', async () => {
    const el = await signedIn(CLERK);
    const panel = await openSection(el, 'Nhãn QR hồ sơ', 'sipas-desk-labels');
    const root = panel.shadowRoot;
    await waitFor(() => root.activeElement === root.getElementById('dossier'), 'the dossier field focused for the scanner');
    await expect(panel).to.be.accessible();
    // Enter with nothing, then a code the server refuses: each said, in Vietnamese, on the field.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('.error-summary')?.textContent?.includes('Nhập hoặc quét mã hồ sơ'), 'the empty code named');
    await type(root, 'dossier', 'HS 2026 #1');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('.error-summary')?.textContent?.includes('mã hồ sơ: chữ, số'), 'the server’s reason');
    expect(root.getElementById('dossier')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(panel).to.be.accessible();
    // The USB scanner types the code and presses Enter.
    const dossier = `HS-2026-${Date.now() % 1_000_000}`;
    const printedBefore = printed;
    await type(root, 'procedure', '1.001193');
    await type(root, 'dossier', dossier);
    await sendKeys({ press: 'Enter' });
    const label = await waitFor(() => root.querySelector<SipasDeskQrLabel>('sipas-desk-qr-label'), 'the label');
    await waitFor(() => printed === printedBefore + 1, 'the print dialog opened');
    const copy = document.querySelector<SipasDeskQrLabel>('sipas-desk-qr-label[data-print]')!;
    expect(copy.dossier).to.equal(dossier);
    await copy.updateComplete;
    expect(copy.shadowRoot!.textContent).to.contain(dossier).and.contain('Quét mã để đánh giá');
    // The QR code encodes exactly the label's URL: this test page with the signed token.
    const url = new URL(label!.url!);
    expect(`${url.origin}${url.pathname}`).to.equal(`${location.origin}${location.pathname}`);
    const token = url.searchParams.get('token')!;
    expect(token).to.match(/^[A-Za-z0-9_-]{20,}$/);
    const expected = document.createElement('div');
    render(svg`<svg>${qrCode(label!.url!)}</svg>`, expected);
    expect(copy.shadowRoot!.querySelector('svg path')!.getAttribute('d')).to.equal(expected.querySelector('path')!.getAttribute('d'));
    expect(root.getElementById('label-status')!.textContent).to.contain(`Đã tạo nhãn cho hồ sơ ${dossier}`);
    // Ready for the next receipt: the field emptied and focused.
    expect((root.getElementById('dossier') as HTMLInputElement).value).to.equal('');
    expect(root.activeElement).to.equal(root.getElementById('dossier'));
    await expect(panel).to.be.accessible();
    el.remove();

    // The citizen opens the QR URL: the survey checks the claim before the first question.
    await clear(drafts);
    for (const store of outboxStores) await clear(store);
    history.replaceState(null, '', `${url.pathname}${url.search}`);
    const first = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit}></sipas-survey>`);
    const $ = (s: SipasSurvey, selector: string) => s.shadowRoot!.querySelector<HTMLElement>(selector);
    await waitFor(() => $(first, 'form') && first.shadowRoot!.textContent!.includes('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn'), 'the claim checked: a verified dossier');
    for (let i = 0; i < 12 && !$(first, '[part=review]'); i++) {
      for (const group of first.shadowRoot!.querySelectorAll('fieldset')) group.querySelector<HTMLInputElement>('input[value="4"]')?.click();
      await first.updateComplete;
      $(first, 'button[type=submit]')!.click();
      await waitFor(async () => (await first.updateComplete, true), 'a step');
    }
    $(first, 'button[type=submit]')!.click();
    await waitFor(() => $(first, '[part=receipt]'), 'the receipt');
    const rows = await waitFor(async () => {
      const rows = await sql<{ source: string; procedure_code: string }>('SELECT source, procedure_code FROM survey_responses WHERE dossier = ?', [dossier]);
      return rows.length ? rows : undefined;
    }, 'the stored response');
    expect(rows![0]).to.include({ source: 'dossier', procedure_code: '1.001193' });
    first.remove();

    // The same QR scanned again: refused as the survey opens, before any answer.
    await clear(drafts);
    const second = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit}></sipas-survey>`);
    const refusal = await waitFor(() => $(second, '.refused'), 'the refusal');
    expect(refusal!.textContent).to.contain('Hồ sơ này đã được đánh giá');
    expect($(second, 'form')).to.equal(null);
    await expect(second).to.be.accessible();
    second.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('holidays: the computed days per year, a warning for a year in use with no confirmed list; the admin confirms, amends and removes a year', async () => {
    const year = vietnamYear();
    const el = await signedIn(ADMIN);
    const panel = await openSection(el, 'Ngày nghỉ lễ', 'sipas-desk-holidays');
    const root = panel.shadowRoot;
    const section = () => root.getElementById(`year-${year}`)!.closest('section')!;
    expect(section().querySelector('.warning')!.textContent).to.contain(`Chưa có danh sách ngày nghỉ năm ${year} đã xác nhận`);
    expect(section().querySelector('tbody')!.textContent).to.contain(`01/01/${year}`).and.contain('Tết Nguyên đán (mùng 1)').and.contain('Giỗ Tổ Hùng Vương');
    await expect(panel).to.be.accessible();
    // Another year on demand: Tết 2027 is on 6 February.
    await type(root, 'year', '2027');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.getElementById('year-2027'), 'the year 2027');
    expect(root.getElementById('year-2027')!.closest('section')!.textContent).to.contain('06/02/2027');
    // Confirm this year with a wrong line first.
    await press(root, `Xác nhận danh sách năm ${year}`);
    await waitFor(() => root.activeElement === root.getElementById('decision'), 'the editor open');
    const days = root.getElementById('days') as HTMLTextAreaElement;
    days.value = `${days.value}\n31/02/${year} Ngày không có`;
    root.getElementById('decision')!.focus();
    await sendKeys({ press: 'Enter' });
    const summary = await waitFor(() => root.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('Nhập văn bản quyết định').and.match(/Dòng \d+: cần ngày dạng dd\/mm\/yyyy/);
    await expect(panel).to.be.accessible();
    days.value = days.value.replace(`31/02/${year} Ngày không có`, `31/12/${year} Nghỉ thêm cuối năm (thử)`);
    await type(root, 'decision', 'Thông báo 6150/TB-BNV ngày 01/11/2026 của Bộ Nội vụ');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.getElementById('holidays-status')!.textContent!.includes(`Đã lưu danh sách ngày nghỉ năm ${year}`), 'saved');
    expect(section().querySelector('.warning')).to.equal(null);
    expect(section().querySelector('.confirmed')!.textContent).to.contain('Thông báo 6150/TB-BNV').and.contain('Trần Văn Minh').and.contain('(UTC+7)');
    expect(section().querySelector('tbody')!.textContent).to.contain(`31/12/${year}`).and.contain('Nghỉ thêm cuối năm (thử)');
    await expect(panel).to.be.accessible();
    const [row] = await sql<{ days: string }>('SELECT days FROM holiday_years WHERE unit = ? AND year = ?', [unit, year]);
    expect(JSON.parse(row!.days)).to.deep.include({ date: `${year}-12-31`, name: 'Nghỉ thêm cuối năm (thử)' });
    // Removing it goes back to the law's days, and the warning is back.
    await press(root, `Bỏ danh sách đã xác nhận năm ${year}`);
    await waitFor(() => section().querySelector('.warning'), 'the warning back');
    expect(await sql('SELECT year FROM holiday_years WHERE unit = ? AND year = ?', [unit, year])).to.have.length(0);
  });

  it('imports the office’s CSV: preview with each row’s problem in Vietnamese, then confirm', async () => {
    const el = await signedIn(ADMIN);
    const panel = await openSection(el, 'Nhập thủ tục', 'sipas-desk-imports');
    const root = panel.shadowRoot;
    await expect(panel).to.be.accessible();
    const choose = (name: string, content: string) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      (root.getElementById('file') as HTMLInputElement).files = transfer.files;
    };
    await press(root, 'Gửi tệp và xem trước');
    await waitFor(() => root.querySelector('.error-summary')?.textContent?.includes('Chọn tệp danh mục thủ tục'), 'no file named');
    choose('hong.json', '{"ma_thu_tuc": ');
    await press(root, 'Gửi tệp và xem trước');
    await waitFor(() => root.querySelector('.error-summary') && !root.querySelector('.error-summary')!.textContent!.includes('Chọn tệp'), 'the unreadable file named');
    await expect(panel).to.be.accessible();
    // What Excel writes on Vietnamese Windows: semicolons, Vietnamese headings; row 3 has no name.
    const code = `1.9${String(Date.now()).slice(-5)}`;
    const csv = `Mã thủ tục;Tên thủ tục;Cấp thực hiện;Lĩnh vực\r\n${code};Đăng ký tổ chức lễ hội truyền thống cấp xã;Cấp Xã;Văn hóa cơ sở\r\n1.999999;;Cấp Xã;Văn hóa cơ sở\r\n`;
    choose('danh-muc.csv', csv);
    await press(root, 'Gửi tệp và xem trước');
    const preview = await waitFor(() => root.querySelector<HTMLElement>('.preview'), 'the preview');
    await waitFor(() => root.activeElement === preview, 'focus on the preview');
    expect(preview!.textContent).to.contain('Thêm mới: 1 thủ tục').and.contain('1 dòng lỗi');
    const problem = preview!.querySelector('tbody')!.textContent!;
    expect(problem).to.contain('dòng 3').and.contain('ô trống, cần điền').and.contain('cột 2 "Tên thủ tục"');
    expect(preview!.querySelector('.blocked')!.textContent).to.contain('Bỏ qua dòng lỗi');
    await expect(panel).to.be.accessible();
    expect(await sql('SELECT code FROM procedures WHERE unit = ? AND code = ?', [unit, code])).to.have.length(0);
    // Leave out the wrong row, preview again, confirm.
    choose('danh-muc.csv', csv);
    (root.getElementById('skipInvalid') as HTMLInputElement).checked = true;
    await press(root, 'Gửi tệp và xem trước');
    await waitFor(() => root.querySelector('.preview button'), 'the confirm button');
    expect(root.querySelector('.preview')!.textContent).to.contain(code);
    await press(root, 'Xác nhận nhập vào danh mục');
    await waitFor(() => root.getElementById('import-status')!.textContent!.includes('Đã nhập: thêm 1'), 'imported');
    await waitFor(() => root.activeElement === root.getElementById('import-status'), 'focus on the result');
    await expect(panel).to.be.accessible();
    const [stored] = await sql<{ name: string }>('SELECT name FROM procedures WHERE unit = ? AND code = ?', [unit, code]);
    expect(stored!.name).to.equal('Đăng ký tổ chức lễ hội truyền thống cấp xã');
  });

  it('the change log records each of these changes: who, when, what', async () => {
    const el = await signedIn(ADMIN);
    const panel = await openSection(el, 'Nhật ký quản trị', 'sipas-desk-changes');
    const text = panel.shadowRoot.querySelector('tbody')!.textContent!;
    expect(text).to.contain('Đổi cài đặt khảo sát').and.contain('Văn hóa – Thông tin').and.contain('số ngày dùng mã QR: (trống) → 60');
    expect(text, 'unchanged channels are not logged as changed').to.not.contain('kênh tính vào chỉ số');
    expect(text).to.contain(`Xác nhận ngày nghỉ năm ${vietnamYear()}`).and.contain(`Xóa danh sách ngày nghỉ đã xác nhận năm ${vietnamYear()}`);
    expect(text).to.contain('Nhập danh mục thủ tục từ tệp danh-muc.csv: thêm 1, sửa 0, bỏ 0');
    expect(text).to.contain('Trần Văn Minh');
    await expect(panel).to.be.accessible();
  });

  it('at 320 px every new screen fits with no sideways scrolling and stays axe-clean', async () => {
    await setViewport({ width: 320, height: 640 });
    const clerk = await signedIn(CLERK);
    const labels = await openSection(clerk, 'Nhãn QR hồ sơ', 'sipas-desk-labels');
    await type(labels.shadowRoot, 'dossier', `HS-320-${Date.now() % 100_000}`);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => labels.shadowRoot.querySelector('sipas-desk-qr-label'), 'the label');
    noSidewaysScroll('labels');
    await expect(labels).to.be.accessible();
    clerk.remove();
    const admin = await signedIn(ADMIN);
    for (const [name, tag] of [
      ['Cài đặt khảo sát', 'sipas-desk-survey'],
      ['Ngày nghỉ lễ', 'sipas-desk-holidays'],
      ['Nhập thủ tục', 'sipas-desk-imports'],
      ['Nhật ký quản trị', 'sipas-desk-changes'],
    ] as const) {
      const panel = await openSection(admin, name, tag);
      noSidewaysScroll(name);
      const row = panel.shadowRoot.querySelector('tbody tr');
      if (row) expect(getComputedStyle(row).display, `${name}: rows are cards`).to.equal('block');
      await expect(panel).to.be.accessible();
    }
    const holidays = await openSection(admin, 'Ngày nghỉ lễ', 'sipas-desk-holidays');
    await press(holidays.shadowRoot, `Xác nhận danh sách năm ${vietnamYear()}`);
    noSidewaysScroll('the holidays editor');
    await expect(holidays).to.be.accessible();
  });
});
