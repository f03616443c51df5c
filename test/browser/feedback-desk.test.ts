import { expect, fixture, html } from '@open-wc/testing';
import type { StaffSession } from '@sipas/schema';
import '../../packages/desk/src/define.js';
import type { SipasDeskFeedback } from '../../packages/desk/src/feedback/feedback.js';
import { testServer, waitFor } from '../support/commands.js';

const { endpoint, unit } = testServer();
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

async function session(): Promise<StaffSession> {
  const response = await fetch(`${endpoint}/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Publishing is admin-only (the permission matrix, docs/operations.md).
    body: JSON.stringify({ unit, username: 'quantri', password: 'tanhoa-quantri-demo' }),
  });
  return (await response.json()) as StaffSession;
}

async function sendHostile(): Promise<string> {
  const response = await fetch(`${endpoint}/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      unit,
      topic: 'other',
      title: `Tiêu đề ${XSS}`.slice(0, 200),
      content: `Nội dung có mã độc ${XSS}`,
      sender: { name: `Tên ${XSS}`.slice(0, 120), address: `Địa chỉ ${XSS}`, phone: '0911 222 333', email: '' },
      consent: { accepted: true, textVersion: 'pakn-2026-01', text: `Đồng ý xử lý dữ liệu ${XSS}` },
    }),
  });
  return ((await response.json()) as { trackingCode: string }).trackingCode;
}

describe('<sipas-desk-feedback>', () => {
  let staff: StaffSession;
  before(async () => {
    staff = await session();
  });

  async function panel(): Promise<SipasDeskFeedback> {
    const el = await fixture<SipasDeskFeedback>(
      html`<sipas-desk-feedback .endpoint=${endpoint} .unit=${unit} .token=${staff.token} .staff=${staff.staff}></sipas-desk-feedback>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('table'), 'the inbox');
    return el;
  }

  it('is accessible and lists overdue cases first with their due dates', async () => {
    const el = await panel();
    await expect(el).to.be.accessible();
    const first = el.shadowRoot!.querySelector('tbody tr')!;
    expect(first.textContent).to.contain('TANH-3456');
    expect(first.querySelector('.overdue')).to.not.equal(null);
  });

  it('renders markup from every text field as inert text in the inbox and the case', async () => {
    const code = await sendHostile();
    const el = await panel();
    const open = [...el.shadowRoot!.querySelectorAll('tbody button')].find((b) => b.textContent?.includes(code)) as HTMLButtonElement;
    expect(el.shadowRoot!.querySelector('img, tbody script')).to.equal(null);
    open.click();
    await waitFor(() => el.shadowRoot!.querySelector('#case-title'), 'the case');
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelectorAll('script').length).to.equal(0);
    expect(root.textContent).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows an error summary when the public version still holds personal data', async () => {
    const el = await panel();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => b.textContent?.includes('TANH-2345'))!.click();
    await waitFor(() => el.shadowRoot!.querySelector('#publish-title'), 'the publish form');
    // The redacted public draft is prefilled and holds no phone number.
    const content = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#publish-content')!;
    expect(content.value).not.to.contain('0912 345 678');
    content.value = 'Ông Lê Văn Bình phản ánh chậm trả trích lục khai sinh.';
    el.shadowRoot!.querySelector<HTMLButtonElement>('#publish-content')!.closest('form')!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const summary = await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('họ tên');
    expect(el.shadowRoot!.querySelector('#publish-content')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('refuses without a session', async () => {
    const response = await fetch(`${endpoint}/v1/staff/units/${unit}/feedback`);
    expect(response.status).to.equal(401);
  });
});
