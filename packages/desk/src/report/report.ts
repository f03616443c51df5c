import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { DeskPanel } from '../shared/panel.js';
import { reportStyles } from './report.styles.js';

type Format = 'csv' | 'xlsx' | 'html';

/** Vietnam's calendar year today (UTC+7). */
const vietnamYear = () => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

/**
 * <sipas-desk-report>: the "Báo cáo" tab. Staff pick a reporting period (quý I–IV, 6 tháng,
 * 9 tháng, cả năm, as seed 000 asks) and download the report as CSV, XLSX or printable HTML.
 */
export class SipasDeskReport extends DeskPanel {
  static override styles = reportStyles;

  static override properties = {
    ...DeskPanel.properties,
    year: { state: true },
    kind: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare protected year: number;
  declare protected kind: string;
  declare protected busy: Format | undefined;
  declare protected error: string | undefined;

  constructor() {
    super();
    const now = new Date(Date.now() + 7 * 3_600_000);
    this.year = now.getUTCFullYear();
    this.kind = `-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    this.busy = undefined;
    this.error = undefined;
  }

  private get periodId(): string {
    return `${this.year}${this.kind}`;
  }

  private async fetchReport(format: Format): Promise<void> {
    if (!this.unit) return;
    // The print view opens now, in the click, so no popup blocker stops it; the report fills it.
    const view = format === 'html' ? window.open('', '_blank') : null;
    this.busy = format;
    this.error = undefined;
    try {
      if (view) {
        await this.printView(view, `staff/units/${encodeURIComponent(this.unit)}/report?period=${this.periodId}&format=html`);
        return;
      }
      await this.download(
        `staff/units/${encodeURIComponent(this.unit)}/report?period=${this.periodId}&format=${format}`,
        `bao-cao-sipas-${this.unit}-${this.periodId}.${format}`,
      );
    } catch {
      view?.close();
      this.error = msg('Chưa tải được báo cáo. Vui lòng thử lại.', { id: 'badge.report.failed' });
    } finally {
      this.busy = undefined;
    }
  }

  /** Writes the A4 report into the opened window and opens the browser's print dialog there. */
  private async printView(view: Window, path: string): Promise<void> {
    const url = this.api(path);
    if (!url) throw new Error('no endpoint');
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.text();
    view.document.open();
    view.document.write(page);
    view.document.close();
    view.focus();
    view.print();
  }

  override render() {
    const parts: [string, string][] = [
      ['-Q1', msg('Quý I', { id: 'badge.report.q1' })],
      ['-Q2', msg('Quý II', { id: 'badge.report.q2' })],
      ['-Q3', msg('Quý III', { id: 'badge.report.q3' })],
      ['-Q4', msg('Quý IV', { id: 'badge.report.q4' })],
      ['-H1', msg('6 tháng đầu năm', { id: 'badge.report.h1' })],
      ['-9M', msg('9 tháng', { id: 'badge.report.9m' })],
      ['', msg('Cả năm', { id: 'badge.report.year' })],
    ];
    const years = [0, 1, 2, 3].map((back) => vietnamYear() - back);
    const button = (format: Format, label: string) =>
      html`<button type="button" class=${format === 'html' ? '' : 'secondary'} ?disabled=${this.busy !== undefined} @click=${() => void this.fetchReport(format)}>
        ${this.busy === format ? msg('Đang tải…', { id: 'common.loading' }) : label}
      </button>`;
    return html`
      <h2>${msg('Báo cáo kết quả khảo sát', { id: 'badge.report.title' })}</h2>
      <p>
        ${msg(
          'Bảng theo bộ phận (số phiếu, số điểm, tổng điểm, tỷ lệ), điểm từng yếu tố trên 6 và tổng trên 30, kết quả từng tiêu chí.',
          { id: 'badge.report.intro' },
        )}
      </p>
      <div class="row">
        <div>
          <label for="part">${msg('Kỳ báo cáo', { id: 'badge.report.period' })}</label>
          <select id="part" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value)}>
            ${parts.map(([value, label]) => html`<option value=${value} ?selected=${value === this.kind}>${label}</option>`)}
          </select>
        </div>
        <div>
          <label for="year">${msg('Năm', { id: 'badge.report.yearLabel' })}</label>
          <select id="year" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
            ${years.map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}</option>`)}
          </select>
        </div>
      </div>
      <div class="row" role="group" aria-label=${msg(str`Tải báo cáo ${this.periodId}`, { id: 'badge.report.download' })}>
        ${button('html', msg('Bản in A4 (mở hộp thoại in)', { id: 'badge.report.print' }))} ${button('xlsx', msg('Excel (XLSX)', { id: 'badge.report.xlsx' }))}
        ${button('csv', 'CSV')}
      </div>
      ${this.error ? html`<p role="alert" class="field-error">${this.error}</p>` : nothing}
    `;
  }
}
