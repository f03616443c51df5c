import { msg } from '@lit/localize';
import type { StaffSession } from '@sipas/schema';
import { html, nothing } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { HttpError, requestJson } from '@sipas/widgets/shared/client.js';
import { SipasElement } from '@sipas/widgets/shared/element.js';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { deskPanels, SESSION_EXPIRED } from '../shared/panel.js';
import { SectionsController } from '../shared/sections.js';
import { deskStyles } from './desk.styles.js';

const SESSION_KEY = 'sipas-desk-session';

/**
 * <sipas-desk>: the staff desk shell. Staff sign in with their unit, username and password; the
 * session token lives in sessionStorage (gone when the tab closes). Each capability adds a tab.
 *
 * @fires sipas-desk-signed-in - detail: the staff member
 * @fires sipas-desk-signed-out
 * @csspart tabs - the sections' tab list (on a narrow screen: the navigation folded under its button)
 */
export class SipasDesk extends SipasElement {
  static override styles = deskStyles;

  static override properties = {
    ...SipasElement.properties,
    session: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  declare session: StaffSession | undefined;
  /** The desk's sections: tabs on a wide screen, a list folded under one button on a phone. */
  private readonly sections = new SectionsController(this, () => msg('Chức năng', { id: 'desk.sections' }));
  declare errors: FieldError[];
  declare busy: boolean;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    try {
      const saved = sessionStorage.getItem(SESSION_KEY);
      const session = saved ? (JSON.parse(saved) as StaffSession) : undefined;
      this.session = session && session.expiresAt > new Date().toISOString() ? session : undefined;
    } catch {
      this.session = undefined;
    }
    this.addEventListener(SESSION_EXPIRED, () => this.forget());
  }

  private forget(): void {
    sessionStorage.removeItem(SESSION_KEY);
    this.session = undefined;
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const unit = String(data.get('unit') ?? '').trim();
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const errors: FieldError[] = [];
    if (!unit) errors.push({ field: 'unit', message: msg('Nhập mã đơn vị', { id: 'desk.unitRequired' }) });
    if (!username) errors.push({ field: 'username', message: msg('Nhập tên đăng nhập', { id: 'desk.usernameRequired' }) });
    if (!password) errors.push({ field: 'password', message: msg('Nhập mật khẩu', { id: 'desk.passwordRequired' }) });
    this.errors = errors;
    if (errors.length === 0) {
      this.busy = true;
      try {
        const url = this.api('staff/sessions')!;
        const response = await requestJson<StaffSession>(url, { method: 'POST', body: { unit, username, password } });
        this.session = response.data;
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
        this.emit('sipas-desk-signed-in', this.session!.staff);
      } catch (error) {
        const message =
          error instanceof HttpError && error.problem
            ? error.problem.title
            : msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'desk.networkError' });
        this.errors = [{ field: 'username', message }];
      } finally {
        this.busy = false;
      }
    }
    if (this.errors.length > 0) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
    }
  }

  private async signOut(): Promise<void> {
    const token = this.session?.token;
    this.forget();
    this.emit('sipas-desk-signed-out', {});
    const url = this.api('staff/sessions/current');
    if (token && url) await requestJson(url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  }

  private fieldError(id: string) {
    const error = this.errors.find((e) => e.field === id);
    return error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing;
  }

  private input(id: string, label: string, type: string, autocomplete: string) {
    const error = this.errors.some((e) => e.field === id);
    return html`<label for=${id}>${label}</label>${this.fieldError(id)}
      <input
        id=${id}
        name=${id}
        type=${type}
        autocomplete=${autocomplete}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${id === 'unit' ? (this.resolvedUnit ?? '') : ''}
      />`;
  }

  private renderSignIn() {
    return html`<form class="sign-in" novalidate @submit=${this.signIn}>
      ${errorSummary(msg('Chưa đăng nhập được', { id: 'desk.errorTitle' }), this.errors, (field) => focusField(this.shadowRoot, field))}
      ${this.input('unit', msg('Mã đơn vị', { id: 'desk.unit' }), 'text', 'organization')}
      ${this.input('username', msg('Tên đăng nhập', { id: 'desk.username' }), 'text', 'username')}
      ${this.input('password', msg('Mật khẩu', { id: 'desk.password' }), 'password', 'current-password')}
      <p><button type="submit" ?disabled=${this.busy}>${msg('Đăng nhập', { id: 'desk.signIn' })}</button></p>
    </form>`;
  }

  private renderDesk(session: StaffSession) {
    const panels = deskPanels(session.staff);
    // `#origins` (a link from the configurator) opens that section when this member may see it.
    const active = this.sections.current(panels, location.hash.slice(1));
    return html`<p class="who">
        ${session.staff.name} · ${session.staff.unit}
        <button class="secondary" @click=${this.signOut}>${msg('Đăng xuất', { id: 'desk.signOut' })}</button>
      </p>
      ${active
        ? html`${this.sections.nav(panels, active)}
          ${this.sections.panel(
            active,
            staticHtml`<${unsafeStatic(active.tag)} .endpoint=${this.resolvedEndpoint} .unit=${session.staff.unit} .token=${session.token} .staff=${session.staff}></${unsafeStatic(active.tag)}>`,
          )}`
        : html`<p>${msg('Chưa có chức năng nào.', { id: 'desk.noPanels' })}</p>`}`;
  }

  override render() {
    // The desk is the whole page: its own banner and main landmark (axe: landmark-one-main, region).
    return html`<header><h1>${msg('Bàn làm việc cán bộ', { id: 'desk.title' })}</h1></header>
      <main>${this.session ? this.renderDesk(this.session) : this.renderSignIn()}</main>`;
  }
}
