import { msg, str } from '@lit/localize';
import type { DossierToken, SurveySettings } from '@sipas/schema';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { calendarDate } from '../shared/time.js';
import type { SipasDeskQrLabel } from './label.js';
import { labelPrintStyles, labelsStyles } from './labels.styles.js';
import { printCopy } from '../shared/print.js';

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
  };

  declare protected settings: SurveySettings | undefined;
  declare protected printed: DossierToken | undefined;

  protected override async load(): Promise<void> {
    this.settings = await this.admin<SurveySettings>('survey-settings');
    await this.io.focus('#dossier');
  }

  private sign(event: SubmitEvent): Promise<void> {
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const dossier = String(data.get('dossier') ?? '').trim();
    const procedure = String(data.get('procedure') ?? '').trim();
    const errors = dossier ? [] : [{ field: 'dossier', message: msg('Nhập hoặc quét mã hồ sơ trên phiếu hẹn', { id: 'desk.label.dossierRequired' }) }];
    return this.io.submit(event, errors, async () => {
      const token = await this.admin<DossierToken>('dossier-tokens', { method: 'POST', body: { dossier, ...(procedure ? { procedure } : {}) } });
      if (!token.url) throw new Error('no survey page');
      this.printed = token;
      form.reset();
      this.io.notice = msg(str`Đã tạo nhãn cho hồ sơ ${token.dossier}. Hộp thoại in đã mở; quét phiếu tiếp theo khi in xong.`, { id: 'desk.label.printed' });
      await this.updateComplete;
      this.print();
      return '#dossier';
    }, { field: 'dossier', fields: ['dossier', 'procedure'] });
  }

  private print(): void {
    if (!this.printed) return;
    const { url, dossier, procedure, expires } = this.printed;
    printCopy<SipasDeskQrLabel>('sipas-desk-qr-label', labelPrintStyles, { url, dossier, procedure, expires });
  }

  private field(id: 'dossier' | 'procedure', label: string, hint: string) {
    return this.io.field({ id, label, hint, code: true });
  }

  private renderForm() {
    return html`<form class="add" novalidate @submit=${this.sign}>
      ${this.io.summary(msg('Chưa tạo được nhãn', { id: 'desk.label.error' }))}
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
      <p><button type="submit" ?disabled=${this.io.busy}>${msg('Tạo và in nhãn QR', { id: 'desk.label.submit' })}</button></p>
    </form>`;
  }

  override render() {
    const s = this.settings;
    return html`<h2>${msg('Nhãn QR hồ sơ', { id: 'desk.label.title' })}</h2>
      <p>
        ${msg('Dán nhãn lên phiếu hẹn: người dân quét mã để đánh giá đúng hồ sơ của mình, mỗi hồ sơ một lần.', { id: 'desk.label.intro' })}
      </p>
      ${this.io.status('label-status', s !== undefined)}
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
