import { msg, str } from '@lit/localize';
import type { StaffAccount, StaffAccountList, StaffAccountWithPassword } from '@sipas/schema';
import type { FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { accountsStyles } from './accounts.styles.js';

/**
 * <sipas-desk-accounts>: the "Tài khoản" admin tab. Admins add staff accounts (the server makes
 * the password and it is shown here once), reset a password, disable or re-enable an account and
 * change its role. The server refuses to remove the unit's last admin.
 */
export class SipasDeskAccounts extends AdminPanel {
  static override styles = accountsStyles;

  static override properties = {
    ...AdminPanel.properties,
    accounts: { state: true },
    shown: { state: true },
  };

  declare protected accounts: StaffAccount[] | undefined;
  /** The password just made: shown once, gone when dismissed or the tab changes. */
  declare protected shown: StaffAccountWithPassword | undefined;

  protected override async load(): Promise<void> {
    this.accounts = (await this.admin<StaffAccountList>('accounts')).accounts;
  }

  private roleName(role: StaffAccount['role']): string {
    return role === 'admin' ? msg('Quản trị', { id: 'admin.role.admin' }) : msg('Cán bộ', { id: 'admin.role.staff' });
  }

  private add(event: SubmitEvent): Promise<void> {
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      username: String(data.get('username') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'staff'),
    };
    const errors: FieldError[] = [];
    if (!body.username) errors.push({ field: 'username', message: msg('Nhập tên đăng nhập', { id: 'desk.usernameRequired' }) });
    if (!body.name) errors.push({ field: 'name', message: msg('Nhập họ tên', { id: 'admin.nameRequired' }) });
    return this.io.submit(event, errors, async () => {
      this.shown = await this.admin<StaffAccountWithPassword>('accounts', { method: 'POST', body });
      form.reset();
      await this.io.load();
      return '.once';
    }, { field: 'username', fields: ['username', 'name', 'role'] });
  }

  private resetPassword(account: StaffAccount) {
    return this.io.act(async () => {
      this.shown = await this.admin<StaffAccountWithPassword>(`accounts/${encodeURIComponent(account.username)}/password`, { method: 'POST' });
      await this.io.focus('.once');
    });
  }

  private change(account: StaffAccount, patch: Partial<Pick<StaffAccount, 'role' | 'disabled'>>) {
    const who = account.username;
    return this.io.act(async () => {
      await this.admin(`accounts/${encodeURIComponent(who)}`, { method: 'PATCH', body: patch });
      await this.io.load();
      if (patch.disabled !== undefined) {
        return patch.disabled
          ? msg(str`Đã khóa ${who}: người này không đăng nhập được nữa.`, { id: 'admin.disabled.done' })
          : msg(str`Đã mở khóa ${who}: người này đăng nhập được lại.`, { id: 'admin.enabled.done' });
      }
      return patch.role === 'admin'
        ? msg(str`${who} giờ là quản trị viên.`, { id: 'admin.promoted.done' })
        : msg(str`${who} giờ là cán bộ.`, { id: 'admin.demoted.done' });
    });
  }

  private renderShown(shown: StaffAccountWithPassword) {
    return html`<div class="once" tabindex="-1" role="region" aria-labelledby="once-title">
      <h3 id="once-title">${msg(str`Mật khẩu của ${shown.account.name} (${shown.account.username})`, { id: 'admin.password.title' })}</h3>
      <p class="secret" id="password-value">${shown.password}</p>
      <p>
        ${msg('Chỉ hiện một lần: hãy chép hoặc trao tận tay người dùng ngay bây giờ. Máy chủ không lưu mật khẩu này ở dạng đọc được.', {
          id: 'admin.password.once',
        })}
      </p>
      <button type="button" class="secondary" @click=${() => (this.shown = undefined)}>
        ${msg('Đã chép, ẩn mật khẩu', { id: 'admin.password.hide' })}
      </button>
    </div>`;
  }

  private renderRow(account: StaffAccount) {
    const me = account.id === this.staff?.id;
    const nextRole = account.role === 'admin' ? 'staff' : 'admin';
    return html`<tr>
      <td data-label=${msg('Tên đăng nhập', { id: 'desk.username' })}>${account.username}</td>
      <td data-label=${msg('Họ tên', { id: 'admin.name' })}>${account.name}${me ? html` <span class="muted">(${msg('bạn', { id: 'admin.you' })})</span>` : nothing}</td>
      <td data-label=${msg('Vai trò', { id: 'admin.role' })}>${this.roleName(account.role)}</td>
      <td data-label=${msg('Trạng thái', { id: 'admin.state' })}>
        ${account.disabled ? msg('Đã khóa', { id: 'admin.disabled' }) : msg('Đang dùng', { id: 'admin.enabled' })}
      </td>
      <td class="actions">
        <button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.resetPassword(account)}
          aria-label=${msg(str`Đặt lại mật khẩu cho ${account.username}`, { id: 'admin.reset.label' })}>
          ${msg('Đặt lại mật khẩu', { id: 'admin.reset' })}
        </button>
        <button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.change(account, { role: nextRole })}
          aria-label=${nextRole === 'admin'
            ? msg(str`Cấp quyền quản trị cho ${account.username}`, { id: 'admin.promote.label' })
            : msg(str`Chuyển thành cán bộ: ${account.username}`, { id: 'admin.demote.label' })}>
          ${nextRole === 'admin' ? msg('Cấp quyền quản trị', { id: 'admin.promote' }) : msg('Chuyển thành cán bộ', { id: 'admin.demote' })}
        </button>
        <button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.change(account, { disabled: !account.disabled })}
          aria-label=${account.disabled
            ? msg(str`Mở khóa ${account.username}`, { id: 'admin.enable.label' })
            : msg(str`Khóa ${account.username}`, { id: 'admin.disable.label' })}>
          ${account.disabled ? msg('Mở khóa', { id: 'admin.enable' }) : msg('Khóa', { id: 'admin.disable' })}
        </button>
      </td>
    </tr>`;
  }

  override render() {
    return html`<h2>${msg('Tài khoản cán bộ', { id: 'admin.accounts.title' })}</h2>
      ${this.shown ? this.renderShown(this.shown) : nothing}
      ${this.io.status('accounts-status', this.accounts !== undefined)}
      ${this.accounts
        ? html`<table>
            <caption>${msg(str`${this.accounts.length} tài khoản`, { id: 'admin.accounts.count' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Tên đăng nhập', { id: 'desk.username' })}</th>
                <th scope="col">${msg('Họ tên', { id: 'admin.name' })}</th>
                <th scope="col">${msg('Vai trò', { id: 'admin.role' })}</th>
                <th scope="col">${msg('Trạng thái', { id: 'admin.state' })}</th>
                <th scope="col">${msg('Thao tác', { id: 'admin.actions' })}</th>
              </tr>
            </thead>
            <tbody>
              ${this.accounts.map((account) => this.renderRow(account))}
            </tbody>
          </table>`
        : nothing}
      <h3>${msg('Thêm tài khoản', { id: 'admin.accounts.add' })}</h3>
      <form class="add" novalidate @submit=${this.add}>
        ${this.io.summary(msg('Chưa thêm được tài khoản', { id: 'admin.accounts.error' }))}
        ${this.io.field({
          id: 'username',
          label: msg('Tên đăng nhập', { id: 'desk.username' }),
          hint: msg('Chữ thường không dấu, số, dấu chấm hoặc gạch ngang, ví dụ nguyen.lan', { id: 'admin.username.hint' }),
        })}
        ${this.io.field({ id: 'name', label: msg('Họ tên', { id: 'admin.name' }) })}
        <fieldset class="choices">
          <legend>${msg('Vai trò', { id: 'admin.role' })}</legend>
          <label><input type="radio" name="role" value="staff" checked /> ${this.roleName('staff')}</label>
          <label><input type="radio" name="role" value="admin" /> ${this.roleName('admin')}</label>
        </fieldset>
        <p class="hint">${msg('Máy chủ tạo mật khẩu và hiện một lần sau khi thêm.', { id: 'admin.accounts.passwordHint' })}</p>
        <button type="submit" ?disabled=${this.io.busy}>${msg('Thêm tài khoản', { id: 'admin.accounts.add' })}</button>
      </form>`;
  }
}
