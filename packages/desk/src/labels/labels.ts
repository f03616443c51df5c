import { msg, str } from '@lit/localize';
import type { DossierToken, SurveySettings } from '@sipas/schema';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { calendarDate } from '../shared/time.js';
import type { SipasDeskQrLabel } from './label.js';
import { labelPrintStyles, labelsStyles } from './labels.styles.js';

const PRINT_STYLE_ID = 'sipas-desk-label-print';

/** Puts a copy of the label at the top of the page, the only thing the page-level print style lets print. */
function printCopy(token: DossierToken): void {
  if (!document.getElementById(PRINT_STYLE_ID)) {
    const style = document.createElement('style');
    style.id = PRINT_STYLE_ID;
    style.textContent = labelPrintStyles;
    document.head.append(style);
  }
  let copy = document.querySelector<SipasDeskQrLabel>('sipas-desk-qr-label[data-print]');
  if (!copy) {
    copy = document.createElement('sipas-desk-qr-label');
    copy.dataset.print = '';
    document.body.prepend(copy);
  }
  Object.assign(copy, { url: token.url, dossier: token.dossier, procedure: token.procedure, expires: token.expires });
}

/**
 * <sipas-desk-labels>: the clerk's "Nhãn QR hồ sơ" tab. The clerk types the dossier code (or scans
 * the receipt's barcode: a USB scanner types it and presses Enter) and, optionally, the procedure
 * code; the unit signs a token and the label — QR code to the survey page, dossier code in text —
 * opens in the browser's print dialog. The field is emptied and focused again for the next receipt.
 */
export class SipasDeskLabels extends AdminPanel {
  static override styles = labelsStyles;

  static override properties = {
    ...AdminPanel.properties,
    settings: { state: true },
    printed: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare protected settings: SurveySettings | undefined;
  declare protected printed: DossierToken | undefined;
  declare protected errors: FieldError[];
  declare protected notice: string | undefined;
  declare protected busy: boolean;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.settings = await this.admin<SurveySettings>('survey-settings');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#dossier')?.focus();
    } catch (error) {
      this.notice = this.problemErrors(error, 'dossier')[0]!.message;
    }
  }

  private async sign(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const dossier = String(data.get('dossier') ?? '').trim();
    const procedure = String(data.get('procedure') ?? '').trim();
    this.errors = dossier ? [] : [{ field: 'dossier', message: msg('Nhập hoặc quét mã hồ sơ trên phiếu hẹn', { id: 'desk.label.dossierRequired' }) }];
    this.notice = undefined;
    if (this.errors.length === 0) {
      this.busy = true;
      try {
        const token = await this.admin<DossierToken>('dossier-tokens', { method: 'POST', body: { dossier, ...(procedure ? { procedure } : {}) } });
        if (!token.url) throw new Error('no survey page');
        this.printed = token;
        form.reset();
        this.notice = msg(str`Đã tạo nhãn cho hồ sơ ${token.dossier}. Hộp thoại in đã mở; quét phiếu tiếp theo khi in xong.`, { id: 'desk.label.printed' });
        await this.updateComplete;
        this.print();
        this.renderRoot.querySelector<HTMLInputElement>('#dossier')?.focus();
        return;
      } catch (error) {
        this.errors = this.problemErrors(error, 'dossier', ['dossier', 'procedure']);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private print(): void {
    if (!this.printed) return;
    printCopy(this.printed);
    // Let the copy render before the print dialog snapshots the page.
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  }

  private field(id: 'dossier' | 'procedure', label: string, hint: string) {
    const error = this.errors.find((e) => e.field === id);
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing}
      <input id=${id} name=${id} autocomplete="off" autocapitalize="characters" spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} />`;
  }

  private renderForm() {
    return html`<form class="add" novalidate @submit=${this.sign}>
      ${errorSummary(msg('Chưa tạo được nhãn', { id: 'desk.label.error' }), this.errors, (field) => focusField(this.shadowRoot, field))}
      ${this.field(
        'dossier',
        msg('Mã hồ sơ', { id: 'desk.label.dossier' }),
        msg('Gõ mã trên phiếu hẹn, hoặc đặt con trỏ ở đây rồi quét mã vạch: máy quét tự nhấn Enter.', { id: 'desk.label.dossierHint' }),
      )}
      ${this.field(
        'procedure',
        msg('Mã thủ tục (không bắt buộc)', { id: 'desk.label.procedureCode' }),
        msg('Ví dụ 1.001193; phiếu khảo sát sẽ ghi thủ tục này.', { id: 'desk.label.procedureHint' }),
      )}
      <p><button type="submit" ?disabled=${this.busy}>${msg('Tạo và in nhãn QR', { id: 'desk.label.submit' })}</button></p>
    </form>`;
  }

  override render() {
    const s = this.settings;
    return html`<h2>${msg('Nhãn QR hồ sơ', { id: 'desk.label.title' })}</h2>
      <p>
        ${msg('Dán nhãn lên phiếu hẹn: người dân quét mã để đánh giá đúng hồ sơ của mình, mỗi hồ sơ một lần.', { id: 'desk.label.intro' })}
      </p>
      <p id="label-status" role="status" class=${!s && this.notice ? 'field-error' : ''}>${this.notice ?? (s ? '' : msg('Đang tải…', { id: 'common.loading' }))}</p>
      ${s && !s.surveyUrl
        ? html`<p class="warning">
            ${msg('Quản trị viên chưa đặt địa chỉ trang khảo sát của đơn vị (thẻ "Cài đặt khảo sát"), nên chưa in được nhãn QR.', { id: 'desk.label.noSurveyUrl' })}
          </p>`
        : nothing}
      ${s?.surveyUrl ? this.renderForm() : nothing}
      ${this.printed
        ? html`<section class="printed" aria-labelledby="printed-title">
            <sipas-desk-qr-label .url=${this.printed.url} .dossier=${this.printed.dossier} .procedure=${this.printed.procedure} .expires=${this.printed.expires}></sipas-desk-qr-label>
            <div>
              <h3 id="printed-title">${msg(str`Nhãn vừa tạo: hồ sơ ${this.printed.dossier}`, { id: 'desk.label.lastTitle' })}</h3>
              <p>${msg(str`Mã QR dùng được đến hết ngày ${calendarDate(this.printed.expires)}, một lần.`, { id: 'desk.label.lastExpires' })}</p>
              <p><button type="button" class="secondary" @click=${() => this.print()}>${msg('In lại nhãn này', { id: 'desk.label.reprint' })}</button></p>
            </div>
          </section>`
        : nothing}`;
  }
}
