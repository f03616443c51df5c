import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/desk/src/define.js';
import type { SipasDesk } from '../../packages/desk/src/app/desk.js';
import { testServer, waitFor } from '../support/commands.js';

const { endpoint, unit } = testServer();

async function desk(): Promise<SipasDesk> {
  sessionStorage.clear();
  return fixture<SipasDesk>(html`<sipas-desk endpoint=${endpoint} unit=${unit}></sipas-desk>`);
}

function fill(el: SipasDesk, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    (el.shadowRoot!.getElementById(id) as HTMLInputElement).value = value;
  }
}

const submit = (el: SipasDesk) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

describe('<sipas-desk>', () => {
  it('is accessible when signed out', async () => {
    await expect(await desk()).to.be.accessible();
  });

  it('shows no error on load, then an error summary that takes focus on an empty submit', async () => {
    const el = await desk();
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    fill(el, { username: '', password: '' });
    submit(el);
    await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
    const password = el.shadowRoot!.getElementById('password')!;
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-describedby')).to.equal('password-error');
    await expect(el).to.be.accessible();
  });

  it('says so in Vietnamese when the password is wrong', async () => {
    const el = await desk();
    fill(el, { username: 'canbo', password: 'sai-mat-khau' });
    submit(el);
    const summary = await waitFor(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
    expect(summary!.textContent).to.contain('Sai đơn vị, tên đăng nhập hoặc mật khẩu');
  });

  it('signs a demo staff member in and out', async () => {
    const el = await desk();
    fill(el, { username: 'canbo', password: 'tanhoa-canbo-demo' });
    submit(el);
    await waitFor(() => el.shadowRoot!.textContent?.includes('Nguyễn Thị Lan'), 'the signed-in name');
    await expect(el).to.be.accessible();
    expect(sessionStorage.getItem('sipas-desk-session')).to.contain('st_');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Đăng xuất'))!.click();
    await waitFor(() => el.shadowRoot!.querySelector('form.sign-in'), 'the sign-in form');
    expect(sessionStorage.getItem('sipas-desk-session')).to.equal(null);
  });
});
