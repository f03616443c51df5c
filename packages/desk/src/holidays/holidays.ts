import { msg, str } from '@lit/localize';
import type { HolidayCalendar, HolidayYear, HolidayYearInput } from '@sipas/schema';
import type { FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { calendarDate, vietnamDateTime } from '../shared/time.js';
import { holidaysStyles } from './holidays.styles.js';

/** `dd/mm/yyyy` → `yyyy-mm-dd`, when it is a real date. */
function isoDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

const weekday = (date: string): string =>
  new Intl.DateTimeFormat('vi-VN', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/**
 * <sipas-desk-holidays>: the "Ngày nghỉ lễ" admin tab. Shows each year in use (this year, and the
 * next from October) with its days off — the law's days computed from the lunar calendar until an
 * admin confirms the year's decision — and a warning for a year in use with no confirmed list.
 * The admin confirms or amends a year by copying the decision's days (extra and compensatory days).
 */
export class SipasDeskHolidays extends AdminPanel {
  static override styles = holidaysStyles;

  static override properties = {
    ...AdminPanel.properties,
    years: { state: true },
    editing: { state: true },
  };

  declare protected years: HolidayYear[] | undefined;
  declare protected editing: number | undefined;

  /** Merges a calendar answer into the years shown (years in use first, then the others asked for). */
  private merge(calendar: HolidayCalendar): void {
    const byYear = new Map((this.years ?? []).map((y) => [y.year, y]));
    for (const year of calendar.years) byYear.set(year.year, year);
    this.years = [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  protected override async load(year?: number): Promise<void> {
    this.merge(await this.admin<HolidayCalendar>(`holidays${year ? `?year=${year}` : ''}`));
  }

  private showYear(event: SubmitEvent): Promise<void> {
    const year = String(new FormData(event.target as HTMLFormElement).get('year') ?? '').trim();
    const errors = /^(19|20|21)\d\d$/.test(year) ? [] : [{ field: 'year', message: msg('Nhập năm, ví dụ 2027', { id: 'admin.holidays.yearInvalid' }) }];
    return this.io.submit(event, errors, async () => {
      await this.load(Number(year));
      return `#year-${year}`;
    }, { field: 'year', blocking: false });
  }

  private edit(year: number): Promise<void> {
    this.editing = year;
    this.io.errors = [];
    this.io.notice = undefined;
    return this.io.focus('#decision');
  }

  private save(event: SubmitEvent, year: number): Promise<void> {
    const data = new FormData(event.target as HTMLFormElement);
    const decision = String(data.get('decision') ?? '').trim();
    const errors: FieldError[] = [];
    if (decision.length < 3) errors.push({ field: 'decision', message: msg('Nhập văn bản quyết định, ví dụ Thông báo 6150/TB-BNV ngày 01/11/2026', { id: 'admin.holidays.decisionRequired' }) });
    const days: HolidayYearInput['days'] = [];
    String(data.get('days') ?? '')
      .split('\n')
      .forEach((raw, index) => {
        const line = raw.trim();
        if (!line) return;
        const [date = '', ...name] = line.split(/\s+/);
        const iso = isoDate(date);
        if (!iso || name.join(' ').replace(/^[-–:]\s*/, '').length === 0) {
          errors.push({ field: 'days', message: msg(str`Dòng ${index + 1}: cần ngày dạng dd/mm/yyyy rồi tên ngày nghỉ`, { id: 'admin.holidays.dayInvalid' }) });
        } else days.push({ date: iso, name: name.join(' ').replace(/^[-–:]\s*/, '') });
      });
    if (days.length === 0 && !errors.some((e) => e.field === 'days')) errors.push({ field: 'days', message: msg('Nhập ít nhất một ngày nghỉ', { id: 'admin.holidays.daysRequired' }) });
    const workingDays: string[] = [];
    String(data.get('workingDays') ?? '')
      .split('\n')
      .forEach((raw, index) => {
        const line = raw.trim();
        if (!line) return;
        const iso = isoDate(line);
        if (iso) workingDays.push(iso);
        else errors.push({ field: 'workingDays', message: msg(str`Dòng ${index + 1}: cần ngày dạng dd/mm/yyyy`, { id: 'admin.holidays.workingInvalid' }) });
      });
    return this.io.submit(event, errors, async () => {
      this.merge(await this.admin<HolidayCalendar>(`holidays/${year}`, { method: 'PUT', body: { decision, days, workingDays } }));
      this.editing = undefined;
      this.io.notice = msg(str`Đã lưu danh sách ngày nghỉ năm ${year}; hạn trả lời phản ánh tính theo danh sách này.`, { id: 'admin.holidays.saved' });
      return '#holidays-status';
    }, { field: 'days', fields: ['decision', 'days', 'workingDays'] });
  }

  private removeYear(year: number): Promise<void> {
    return this.io.act(async () => {
      this.merge(await this.admin<HolidayCalendar>(`holidays/${year}`, { method: 'DELETE' }));
      return msg(str`Đã bỏ danh sách đã xác nhận năm ${year}: trở về ngày nghỉ tính theo luật.`, { id: 'admin.holidays.removed' });
    });
  }

  private renderEditor(year: HolidayYear) {
    return html`<form class="add" novalidate @submit=${(e: SubmitEvent) => void this.save(e, year.year)}>
      <h4>${msg(str`Xác nhận ngày nghỉ năm ${year.year}`, { id: 'admin.holidays.editTitle' })}</h4>
      ${this.io.summary(msg('Chưa lưu được', { id: 'admin.settings.error' }))}
      ${this.io.field({ id: 'decision', label: msg('Theo văn bản', { id: 'admin.holidays.decision' }), value: year.decision ?? '' })}
      ${this.io.field({
        id: 'days',
        lines: true,
        label: msg('Các ngày nghỉ', { id: 'admin.holidays.daysLabel' }),
        hint: msg('Mỗi dòng một ngày: dd/mm/yyyy rồi tên, ví dụ "03/09/2027 Nghỉ bù Quốc khánh". Ghi đủ cả ngày lễ theo luật và ngày nghỉ thêm, nghỉ bù.', { id: 'admin.holidays.daysHint' }),
        value: year.days.map((d) => `${calendarDate(d.date)} ${d.name}`).join('\n'),
      })}
      ${this.io.field({
        id: 'workingDays',
        lines: true,
        label: msg('Thứ Bảy, Chủ nhật đi làm bù', { id: 'admin.holidays.workingLabel' }),
        hint: msg('Mỗi dòng một ngày dd/mm/yyyy; để trống nếu không có.', { id: 'admin.holidays.workingHint' }),
        value: year.workingDays.map(calendarDate).join('\n'),
      })}
      <p>
        <button type="submit" ?disabled=${this.io.busy}>${msg(str`Lưu danh sách năm ${year.year}`, { id: 'admin.holidays.save' })}</button>
        <button type="button" class="secondary" @click=${() => ((this.editing = undefined), (this.io.errors = []))}>${msg('Hủy', { id: 'admin.holidays.cancel' })}</button>
      </p>
    </form>`;
  }

  private renderYear(year: HolidayYear) {
    const ownDecision = year.confirmed && year.decidedBy === this.unit;
    return html`<section class="year" aria-labelledby="year-${year.year}">
      <h3 id="year-${year.year}" tabindex="-1">${msg(str`Năm ${year.year}`, { id: 'admin.holidays.year' })}${year.inUse ? html` <span class="muted">${msg('(đang dùng)', { id: 'admin.holidays.inUse' })}</span>` : nothing}</h3>
      ${year.warning ? html`<p class="warning">${year.warning}</p>` : nothing}
      ${year.confirmed
        ? html`<p class="confirmed">
            ${msg(str`Đã xác nhận theo ${year.decision ?? ''}`, { id: 'admin.holidays.confirmedBy' })}${year.decidedBy && year.decidedBy !== this.unit
              ? msg(str` (do đơn vị ${year.decidedBy} nhập)`, { id: 'admin.holidays.fromParent' })
              : ''}${year.updatedBy && year.updatedAt ? html`<br /><span class="muted">${year.updatedBy} · ${vietnamDateTime(year.updatedAt)}</span>` : nothing}
          </p>`
        : year.warning
          ? nothing
          : html`<p class="hint">${msg('Chưa xác nhận: ngày nghỉ dự kiến theo Bộ luật Lao động.', { id: 'admin.holidays.computed' })}</p>`}
      <table>
        <caption>${year.confirmed ? msg(str`Ngày nghỉ năm ${year.year}`, { id: 'admin.holidays.caption' }) : msg(str`Ngày nghỉ dự kiến năm ${year.year}`, { id: 'admin.holidays.captionComputed' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Ngày', { id: 'admin.holidays.date' })}</th>
            <th scope="col">${msg('Thứ', { id: 'admin.holidays.weekday' })}</th>
            <th scope="col">${msg('Ngày nghỉ', { id: 'admin.holidays.name' })}</th>
          </tr>
        </thead>
        <tbody>
          ${year.days.map(
            (day) => html`<tr>
              <td data-label=${msg('Ngày', { id: 'admin.holidays.date' })}>${calendarDate(day.date)}</td>
              <td data-label=${msg('Thứ', { id: 'admin.holidays.weekday' })}>${weekday(day.date)}</td>
              <td data-label=${msg('Ngày nghỉ', { id: 'admin.holidays.name' })}>${day.name}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${year.workingDays.length
        ? html`<p>${msg(str`Đi làm bù: ${year.workingDays.map(calendarDate).join(', ')}`, { id: 'admin.holidays.working' })}</p>`
        : nothing}
      ${this.editing === year.year
        ? this.renderEditor(year)
        : html`<p>
            <button type="button" ?disabled=${this.io.busy} @click=${() => void this.edit(year.year)}>
              ${year.confirmed ? msg(str`Sửa danh sách năm ${year.year}`, { id: 'admin.holidays.edit' }) : msg(str`Xác nhận danh sách năm ${year.year}`, { id: 'admin.holidays.confirm' })}
            </button>
            ${ownDecision
              ? html`<button type="button" class="secondary" ?disabled=${this.io.busy} @click=${() => void this.removeYear(year.year)}>
                  ${msg(str`Bỏ danh sách đã xác nhận năm ${year.year}`, { id: 'admin.holidays.remove' })}
                </button>`
              : nothing}
          </p>`}
    </section>`;
  }

  override render() {
    return html`<h2>${msg('Ngày nghỉ lễ, Tết', { id: 'admin.holidays.title' })}</h2>
      <p>
        ${msg('Hạn trả lời phản ánh không tính thứ Bảy, Chủ nhật và các ngày nghỉ dưới đây. Máy chủ tính sẵn ngày lễ theo luật (cả Tết và Giỗ Tổ theo âm lịch); mỗi năm, nhập thêm ngày nghỉ bù, nghỉ thêm theo thông báo của Bộ Nội vụ.', {
          id: 'admin.holidays.intro',
        })}
      </p>
      ${this.io.status('holidays-status', this.years !== undefined)}
      ${this.editing === undefined
        ? html`<form class="other" novalidate @submit=${this.showYear}>
            ${this.io.summary(msg('Chưa xem được', { id: 'admin.holidays.yearError' }))}
            ${this.io.field({ id: 'year', label: msg('Xem năm khác', { id: 'admin.holidays.other' }), inputmode: 'numeric' })}
            <button type="submit" class="secondary">${msg('Xem', { id: 'admin.holidays.show' })}</button>
          </form>`
        : nothing}
      ${this.years ? this.years.map((year) => this.renderYear(year)) : nothing}`;
  }
}
