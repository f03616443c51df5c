import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../packages/desk/src/define.js';
import { sql, testServer, waitFor } from '../support/commands.js';
import { openSection, SECTIONS, sectionNames, signedInDesk } from '../support/desk.js';

/**
 * The desk's admin area as a unit's admin uses it (and as a clerk does not see it): accounts,
 * kiosk keys with their pairing QR, allowed sites, feedback settings and the change log — each tab
 * keyboard-usable and axe-clean, and laid out as cards on a phone.
 */
const { endpoint, unit } = testServer();

const signedIn = signedInDesk;
const tabNames = sectionNames;

/** Types into a field as a keyboard user would: focus it, type. */
async function type(root: ShadowRoot, id: string, text: string): Promise<void> {
  const input = root.getElementById(id) as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

const button = (root: ShadowRoot, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;

describe('desk admin area', () => {
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('a clerk sees no admin tab; an admin sees them all', async () => {
    const clerk = await signedIn('canbo', 'tanhoa-canbo-demo');
    expect(tabNames(clerk)).to.not.include('Tài khoản');
    expect(tabNames(clerk)).to.not.include('Trang web được phép');
    clerk.remove();
    const admin = await signedIn('quantri', 'tanhoa-quantri-demo');
    expect(tabNames(admin)).to.include.members(['Tài khoản', 'Kiosk', 'Trang web được phép', 'Cài đặt phản ánh', 'Nhật ký quản trị']);
    await expect(admin).to.be.accessible();
  });

  it('adds a clerk with the keyboard; the password is shown once, takes focus, and signs the clerk in', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const panel = await openSection(el, 'Tài khoản', 'sipas-desk-accounts');
    const root = panel.shadowRoot;
    await expect(panel).to.be.accessible();
    // An empty submit: the GOV.UK error summary takes focus.
    button(root, 'Thêm tài khoản').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.activeElement?.classList.contains('error-summary'), 'the error summary focused');
    await expect(panel).to.be.accessible();
    await type(root, 'username', 'hoa.pham');
    await type(root, 'name', 'Phạm Thị Hoa');
    await sendKeys({ press: 'Enter' });
    const once = await waitFor(() => root.querySelector<HTMLElement>('.once'), 'the password shown once');
    await waitFor(() => root.activeElement === once, 'focus on the password');
    const password = root.getElementById('password-value')!.textContent!.trim();
    expect(password).to.match(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(root.querySelector('tbody')!.textContent).to.contain('Phạm Thị Hoa');
    await expect(panel).to.be.accessible();
    const signIn = await fetch(`${endpoint}/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit, username: 'hoa.pham', password }),
    });
    expect(signIn.status).to.equal(201);
    button(root, 'Đã chép, ẩn mật khẩu').click();
    await waitFor(() => !root.querySelector('.once'), 'the password hidden');
    expect(root.textContent).to.not.contain(password);
  });

  it('disables an account and refuses to demote the last admin, saying why', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const root = (await openSection(el, 'Tài khoản', 'sipas-desk-accounts')).shadowRoot;
    root.querySelector<HTMLButtonElement>('button[aria-label="Khóa hoa.pham"]')!.click();
    await waitFor(() => root.querySelector('button[aria-label="Mở khóa hoa.pham"]'), 'hoa.pham disabled');
    // Said in words too, where focus goes: a screen reader hears what changed.
    await waitFor(() => root.getElementById('accounts-status')!.textContent!.includes('Đã khóa hoa.pham'), 'the lock said');
    await waitFor(() => root.activeElement === root.getElementById('accounts-status'), 'focus on what was said');
    root.querySelector<HTMLButtonElement>('button[aria-label="Chuyển thành cán bộ: quantri"]')!.click();
    const error = root.getElementById('accounts-status')!;
    await waitFor(() => error.textContent!.includes('quản trị viên cuối cùng'), 'the refusal');
    expect(error.classList.contains('field-error')).to.equal(true);
    expect(error!.textContent).to.contain('quản trị viên cuối cùng');
    await waitFor(() => root.activeElement === error, 'focus on the refusal');
  });

  it('issues a kiosk key as a QR code the tablet scans, then revokes it', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const panel = await openSection(el, 'Kiosk', 'sipas-desk-kiosks');
    const root = panel.shadowRoot;
    await type(root, 'label', 'Quầy 2');
    await sendKeys({ press: 'Enter' });
    const once = await waitFor(() => root.querySelector<HTMLElement>('.once'), 'the pairing QR');
    await waitFor(() => root.activeElement === once, 'focus on the pairing QR');
    const qr = once!.querySelector('svg[role=img]')!;
    expect(qr.getAttribute('aria-label')).to.equal('Mã QR ghép nối máy Quầy 2');
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(1000);
    const url = new URL(once!.querySelector('.url')!.textContent!.trim());
    expect(url.pathname).to.equal('/kiosk/');
    expect(new URLSearchParams(url.hash.slice(1)).get('unit')).to.equal(unit);
    const waiting = await waitFor(() => root.querySelector('tbody')?.textContent?.includes('Chờ quét mã đến') && root.querySelector('tbody')!.textContent, 'the key listed');
    expect(waiting).to.contain('(UTC+7)');
    await expect(panel).to.be.accessible();
    // The tablet scans: the code gives a key once.
    const code = new URLSearchParams(url.hash.slice(1)).get('code');
    const paired = await fetch(`${endpoint}/v1/kiosk/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unit, code }) });
    expect(paired.status).to.equal(201);
    root.querySelector<HTMLButtonElement>('button[aria-label="Thu hồi khóa Quầy 2"]')!.click();
    await waitFor(() => root.getElementById('kiosk-status')!.textContent!.includes('Đã thu hồi khóa Quầy 2'), 'the revocation said');
    await waitFor(() => !root.querySelector('button[aria-label="Thu hồi khóa Quầy 2"]'), 'the key gone from the list');
    // Revoked in the database itself: the server checks it there on every kiosk request (server tests prove the refusal).
    const [row] = await sql<{ revoked_at: string | null; revoked_by: string | null }>("SELECT revoked_at, revoked_by FROM kiosk_keys WHERE label = 'Quầy 2'");
    expect(row!.revoked_at).to.be.a('string');
    expect(row!.revoked_by).to.equal('Trần Văn Minh');
  });

  it('allows a site: a page address is refused with the origin it meant, the origin is accepted', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const panel = await openSection(el, 'Trang web được phép', 'sipas-desk-origins');
    const root = panel.shadowRoot;
    await type(root, 'origin', 'https://tanhoa.hanoi.gov.vn/gop-y.html');
    await sendKeys({ press: 'Enter' });
    const summary = await waitFor(() => root.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('không kèm đường dẫn: https://tanhoa.hanoi.gov.vn');
    expect(root.getElementById('origin')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(panel).to.be.accessible();
    await type(root, 'origin', 'https://tanhoa.hanoi.gov.vn');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('ul.origins')?.textContent?.includes('https://tanhoa.hanoi.gov.vn'), 'the new site listed');
    expect(root.getElementById('origins-status')!.textContent).to.contain('không cần khởi động lại máy chủ');
    await expect(panel).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button[aria-label="Bỏ https://tanhoa.hanoi.gov.vn"]')!.click();
    await waitFor(() => !root.querySelector('ul.origins')?.textContent?.includes('tanhoa.hanoi'), 'the site removed');
  });

  it('saves feedback settings and shows the server’s reason for a wrong mail server', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const panel = await openSection(el, 'Cài đặt phản ánh', 'sipas-desk-settings');
    const root = panel.shadowRoot;
    await expect(panel).to.be.accessible();
    await type(root, 'workingDays', '12');
    await type(root, 'smtpUrl', 'mail.tanhoa.gov.vn');
    await sendKeys({ press: 'Enter' });
    const summary = await waitFor(() => root.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('smtp://');
    await type(root, 'smtpUrl', 'smtp://tanhoa:mat-khau-thu@mail.tanhoa.gov.vn:587');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.getElementById('settings-status')?.textContent?.includes('Đã lưu'), 'saved');
    expect((root.getElementById('smtpUrl') as HTMLInputElement).value).to.equal('smtp://tanhoa:***@mail.tanhoa.gov.vn:587');
    const [row] = await sql<{ settings: string }>('SELECT settings FROM units WHERE id = ?', [unit]);
    expect(JSON.parse(row!.settings).feedback.workingDays).to.equal(12);
  });

  it('the change log says who did what, when, in Vietnam time', async () => {
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    const panel = await openSection(el, 'Nhật ký quản trị', 'sipas-desk-changes');
    const text = panel.shadowRoot.querySelector('tbody')!.textContent!;
    for (const line of ['Thêm tài khoản hoa.pham (Cán bộ)', 'Cấp khóa kiosk Quầy 2', 'Máy Quầy 2 đã quét mã và nhận khóa', 'Thu hồi khóa kiosk Quầy 2', 'Cho phép trang https://tanhoa.hanoi.gov.vn', 'Đổi cài đặt phản ánh']) {
      expect(text).to.contain(line);
    }
    expect(text).to.contain('Trần Văn Minh');
    expect(text).to.match(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)/);
    expect(text).to.not.contain('mat-khau-thu');
    await expect(panel).to.be.accessible();
  });

  it('on a phone every admin tab is laid out as cards, with no sideways scrolling', async () => {
    await setViewport({ width: 320, height: 740 });
    const el = await signedIn('quantri', 'tanhoa-quantri-demo');
    // The admin's own sections, after the clerk's four.
    for (const [name, tag] of SECTIONS.slice(4)) {
      const panel = await openSection(el, name, tag);
      expect(document.documentElement.scrollWidth, name).to.be.at.most(window.innerWidth);
      const row = panel.shadowRoot.querySelector('tbody tr');
      if (row) expect(getComputedStyle(row).display, `${name}: rows are cards`).to.equal('block');
      // The caption ("2 tài khoản") reads across the card, not one letter a line.
      const caption = panel.shadowRoot.querySelector('caption:not(.visually-hidden)');
      if (caption) expect(caption.getBoundingClientRect().width, `${name}: caption as wide as the table`).to.be.at.least(panel.shadowRoot.querySelector('table')!.getBoundingClientRect().width - 1);
      // Every tick box is the same size, however long its label.
      for (const box of panel.shadowRoot.querySelectorAll<HTMLInputElement>('.choices input')) {
        expect(box.getBoundingClientRect().width, `${name}: ${box.id || box.value} box`).to.be.at.least(23);
      }
      await expect(panel).to.be.accessible();
    }
  });
});
