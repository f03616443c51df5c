import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/widgets/src/feedback/define.js';
import type { SipasFeedback } from '../../packages/widgets/src/feedback/feedback.js';
import { flushOutbox } from '../../packages/widgets/src/shared/outbox.js';
import { serverStart, serverStop, sql, testServer, waitFor, withoutIndexedDB } from '../support/commands.js';

const { endpoint, unit } = testServer();
const XSS = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

async function feedback(attrs: { view?: string; procedure?: string } = {}): Promise<SipasFeedback> {
  indexedDB.deleteDatabase('sipas-drafts');
  const el = await fixture<SipasFeedback>(
    html`<sipas-feedback endpoint=${endpoint} unit=${unit} view=${attrs.view ?? 'form'} procedure=${attrs.procedure ?? ''}></sipas-feedback>`,
  );
  await waitFor(() => el.shadowRoot!.querySelector('nav'), 'the element');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: SipasFeedback, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function type(el: SipasFeedback, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function click(el: SipasFeedback, selector: string): void {
  $(el, selector).click();
}

async function fillValid(el: SipasFeedback, text = 'Ghế chờ bị hỏng'): Promise<void> {
  click(el, '#topic-other');
  await el.updateComplete;
  type(el, 'title', text);
  type(el, 'content', `${text}: hai ghế ở khu chờ bị gãy chân, đề nghị thay sớm.`);
  type(el, 'name', text.length > 100 ? 'Vũ Thị Mai' : `Vũ Thị Mai ${text}`.slice(0, 120));
  type(el, 'address', `Số 3 ngõ 7, phường Tân Hòa ${text}`.slice(0, 300));
  type(el, 'phone', '0977 888 999');
  type(el, 'email', 'mai@example.com');
  click(el, '#consent');
  await el.updateComplete;
}

const button = (el: SipasFeedback, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!;
const submit = (el: SipasFeedback) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

describe('<sipas-feedback>', () => {
  it('is accessible on load and shows no error before any interaction', async () => {
    const el = await feedback();
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(false);
    expect(el.shadowRoot!.textContent).to.contain('Khiếu nại, tố cáo');
  });

  it('shows a GOV.UK error summary that takes focus on an empty submit', async () => {
    const el = await feedback();
    button(el, 'Gửi phản ánh, kiến nghị').click();
    await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
    const title = $(el, '#title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.contain('title-error');
    expect($(el, '#consent').getAttribute('aria-describedby')).to.equal('consent-error');
    await expect(el).to.be.accessible();
  });

  it('preselects the procedure topic from the procedure attribute', async () => {
    const el = await feedback({ procedure: '1.001193' });
    await waitFor(() => el.shadowRoot!.querySelector('#procedureCode'), 'the procedure field');
    expect($<HTMLInputElement>(el, '#topic-procedure').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#procedureCode').value).to.equal('1.001193');
    await expect(el).to.be.accessible();
  });

  it('sends feedback once and shows an unambiguous tracking code and secret; markup stays text', async () => {
    const el = await feedback();
    let submitted: CustomEvent | undefined;
    el.addEventListener('sipas-feedback-submitted', (e) => (submitted = e as CustomEvent));
    await fillValid(el, XSS.slice(0, 190));
    button(el, 'Gửi phản ánh, kiến nghị').click();
    const receipt = await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    const codes = [...receipt!.querySelectorAll('.code')].map((c) => c.textContent!);
    expect(codes[0]).to.match(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
    expect(codes[1]).to.match(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/);
    expect(submitted?.detail.trackingCode).to.equal(codes[0]);
    await expect(el).to.be.accessible();
    const rows = await sql<{ title: string; consent_version: string }>('SELECT title, consent_version FROM feedback_cases WHERE tracking_code = ?', [codes[0]]);
    expect(rows.length).to.equal(1);
    expect(rows[0]!.title).to.equal(XSS.slice(0, 190));
    expect(rows[0]!.consent_version).to.equal('pakn-2026-01');

    // The lookup shows the case, its title inert.
    button(el, 'Tra cứu').click();
    await el.updateComplete;
    type(el, 'code', codes[0]!.toLowerCase().replace('-', ''));
    type(el, 'proof', '8999');
    submit(el);
    const found = await waitFor(() => el.shadowRoot!.querySelector('.case'), 'the case');
    expect(found!.querySelector('img, script')).to.equal(null);
    expect(found!.textContent).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('looks up a published demo case with its timeline and answer', async () => {
    const el = await feedback({ view: 'lookup' });
    await expect(el).to.be.accessible();
    type(el, 'code', 'TANH-2345');
    type(el, 'proof', 'DEMQ2345');
    submit(el);
    const found = await waitFor(() => el.shadowRoot!.querySelector('.case'), 'the case');
    expect(found!.querySelectorAll('.timeline li.done').length).to.equal(5);
    expect(found!.querySelector('[aria-current="step"]')!.textContent).to.contain('Đã công khai');
    expect(found!.querySelector('.answer')!.textContent).to.contain('xin lỗi');
    await expect(el).to.be.accessible();
  });

  it('says so when the codes do not match', async () => {
    const el = await feedback({ view: 'lookup' });
    type(el, 'code', 'TANH-2345');
    type(el, 'proof', '0000');
    submit(el);
    const summary = await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('Không tìm thấy');
    await expect(el).to.be.accessible();
  });

  it('lists published answers, searchable without diacritics, without personal data', async () => {
    const el = await feedback({ view: 'answers' });
    await waitFor(() => el.shadowRoot!.querySelector('article'), 'an answer');
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('trích lục khai sinh');
    for (const personal of ['Lê Văn Bình', '0912', 'binh.le@example.com', 'ngõ 3']) expect(text).not.to.contain(personal);
    await expect(el).to.be.accessible();
    type(el, 'q', 'khong co gi nhu the nay');
    button(el, 'Tìm').click();
    await waitFor(() => !el.shadowRoot!.querySelector('article'), 'no answers');
    type(el, 'q', 'trich luc');
    button(el, 'Tìm').click();
    await waitFor(() => el.shadowRoot!.querySelector('article'), 'the answer again');
  });

  it('keeps the feedback in the outbox when the server is unreachable and sends it once it is back', async () => {
    const el = await feedback();
    await fillValid(el, 'Phản ánh gửi khi mất mạng');
    await serverStop();
    try {
      button(el, 'Gửi phản ánh, kiến nghị').click();
      await waitFor(() => el.shadowRoot!.textContent!.includes('Chưa gửi được'), 'the queued notice');
      await expect(el).to.be.accessible();
    } finally {
      await serverStart();
    }
    await flushOutbox({ force: true });
    const receipt = await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt after reconnecting');
    const code = receipt!.querySelector('.code')!.textContent!;
    const rows = await sql('SELECT 1 FROM feedback_cases WHERE tracking_code = ?', [code]);
    expect(rows.length).to.equal(1);
  });

  it('without IndexedDB, keeps the feedback in the page, says to keep it open, and sends it once the server is back', async () => {
    const el = await feedback();
    await fillValid(el, 'Phản ánh từ trình duyệt không lưu được');
    const giveBack = withoutIndexedDB();
    try {
      await serverStop();
      button(el, 'Gửi phản ánh, kiến nghị').click();
      // Not stuck on "Đang gửi…": the citizen is told the truth.
      await waitFor(() => el.shadowRoot!.textContent!.includes('xin giữ trang này mở'), 'the keep-the-page-open notice');
      expect(el.shadowRoot!.textContent).not.to.contain('Đang gửi');
      await serverStart();
      await flushOutbox({ force: true });
      const receipt = await waitFor(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt once delivered');
      const [code, secret] = [...receipt!.querySelectorAll('.code')].map((node) => node.textContent!);
      expect(secret).to.match(/^[2-9A-HJKMNP-TW-Z]{8}$/);
      expect(await sql('SELECT 1 FROM feedback_cases WHERE tracking_code = ?', [code])).to.have.length(1);
    } finally {
      giveBack();
      await serverStart();
    }
  });

  it('validates with the schema’s rules: title, content, name, address, phone, email and consent', async () => {
    const el = await feedback();
    await fillValid(el);
    type(el, 'title', 'abc');
    type(el, 'phone', 'gọi tôi');
    type(el, 'email', 'mai@');
    button(el, 'Gửi phản ánh, kiến nghị').click();
    await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    const links = [...el.shadowRoot!.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#title', '#phone', '#email']);
  });

  it('keeps a draft of what was typed across a reload', async () => {
    const el = await feedback();
    type(el, 'title', 'Bản nháp không được mất');
    await new Promise((r) => setTimeout(r, 200));
    el.remove();
    const again = await fixture<SipasFeedback>(html`<sipas-feedback endpoint=${endpoint} unit=${unit}></sipas-feedback>`);
    await waitFor(() => again.shadowRoot!.querySelector<HTMLInputElement>('#title')?.value === 'Bản nháp không được mất', 'the draft');
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.checked).to.equal(false);
  });
});
