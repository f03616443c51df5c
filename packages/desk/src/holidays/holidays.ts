import { msg, str } from '@lit/localize';
import type { HolidayCalendar, HolidayYear, HolidayYearInput } from '@sipas/schema';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
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
    errors: { state: true },
    notice: { state: true },
    failure: { state: true },
    busy: { state: true },
  };

  declare protected years: HolidayYear[] | undefined;
  declare protected editing: number | undefined;
  declare protected errors: FieldError[];
  declare protected notice: string | undefined;
  declare protected failure: string | undefined;
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

  /** Merges a calendar answer into the years shown (years in use first, then the others asked for). */
  private merge(calendar: HolidayCalendar): void {
    const byYear = new Map((this.years ?? []).map((y) => [y.year, y]));
    for (const year of calendar.years) byYear.set(year.year, year);
    this.years = [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  private async load(year?: number): Promise<void> {
    try {
      this.merge(await this.admin<HolidayCalendar>(`holidays${year ? `?year=${year}` : ''}`));
    } catch (error) {
      this.failure = this.problemErrors(error, 'list')[0]!.message;
    }
  }

  private async showYear(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const year = String(new FormData(event.target as HTMLFormElement).get('year') ?? '').trim();
    if (!/^(19|20|21)\d\d$/.test(year)) {
      this.errors = [{ field: 'year', message: msg('Nhập năm, ví dụ 2027', { id: 'admin.holidays.yearInvalid' }) }];
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    this.errors = [];
    await this.load(Number(year));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#year-${year}`)?.focus();
  }

  private async edit(year: number): Promise<void> {
    this.editing = year;
    this.errors = [];
    this.notice = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#decision')?.focus();
  }

  private async save(event: SubmitEvent, year: number): Promise<void> {
    event.preventDefault();
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
    this.errors = errors;
    if (errors.length === 0) {
      this.busy = true;
      try {
        this.merge(await this.admin<HolidayCalendar>(`holidays/${year}`, { method: 'PUT', body: { decision, days, workingDays } }));
        this.editing = undefined;
        this.notice = msg(str`Đã lưu danh sách ngày nghỉ năm ${year}; hạn trả lời phản ánh tính theo danh sách này.`, { id: 'admin.holidays.saved' });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#holidays-status')?.focus();
        return;
      } catch (error) {
        this.errors = this.problemErrors(error, 'days', ['decision', 'days', 'workingDays']);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private async removeYear(year: number): Promise<void> {
    this.busy = true;
    try {
      this.merge(await this.admin<HolidayCalendar>(`holidays/${year}`, { method: 'DELETE' }));
      this.notice = msg(str`Đã bỏ danh sách đã xác nhận năm ${year}: trở về ngày nghỉ tính theo luật.`, { id: 'admin.holidays.removed' });
    } catch (error) {
      this.notice = this.problemErrors(error, 'list')[0]!.message;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#holidays-status')?.focus();
  }

  private error(id: string) {
    const error = this.errors.find((e) => e.field === id);
    return error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing;
  }

  private textarea(id: 'days' | 'workingDays', label: string, hint: string, value: string) {
    const invalid = this.errors.some((e) => e.field === id);
    return html`<label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${this.errors.filter((e) => e.field === id).map((e) => html`<span class="field-error">${e.message}</span>`)}
      <textarea id=${id} name=${id} spellcheck="false" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="${id}-hint" .value=${value}></textarea>`;
  }

  private renderEditor(year: HolidayYear) {
    const invalid = this.errors.some((e) => e.field === 'decision');
    return html`<form class="add" novalidate @submit=${(e: SubmitEvent) => void this.save(e, year.year)}>
      <h4>${msg(str`Xác nhận ngày nghỉ năm ${year.year}`, { id: 'admin.holidays.editTitle' })}</h4>
      ${errorSummary(msg('Chưa lưu được', { id: 'admin.settings.error' }), this.errors, (field) => focusField(this.shadowRoot, field))}
      <label for="decision">${msg('Theo văn bản', { id: 'admin.holidays.decision' })}</label>
      ${this.error('decision')}
      <input id="decision" name="decision" .value=${year.decision ?? ''} autocomplete="off"
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'decision-error' : nothing} />
      ${this.textarea(
        'days',
        msg('Các ngày nghỉ', { id: 'admin.holidays.daysLabel' }),
        msg('Mỗi dòng một ngày: dd/mm/yyyy rồi tên, ví dụ "03/09/2027 Nghỉ bù Quốc khánh". Ghi đủ cả ngày lễ theo luật và ngày nghỉ thêm, nghỉ bù.', { id: 'admin.holidays.daysHint' }),
        year.days.map((d) => `${calendarDate(d.date)} ${d.name}`).join('\n'),
      )}
      ${this.textarea(
        'workingDays',
        msg('Thứ Bảy, Chủ nhật đi làm bù', { id: 'admin.holidays.workingLabel' }),
        msg('Mỗi dòng một ngày dd/mm/yyyy; để trống nếu không có.', { id: 'admin.holidays.workingHint' }),
        year.workingDays.map(calendarDate).join('\n'),
      )}
      <p>
        <button type="submit" ?disabled=${this.busy}>${msg(str`Lưu danh sách năm ${year.year}`, { id: 'admin.holidays.save' })}</button>
        <button type="button" class="secondary" @click=${() => ((this.editing = undefined), (this.errors = []))}>${msg('Hủy', { id: 'admin.holidays.cancel' })}</button>
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
            <button type="button" ?disabled=${this.busy} @click=${() => void this.edit(year.year)}>
              ${year.confirmed ? msg(str`Sửa danh sách năm ${year.year}`, { id: 'admin.holidays.edit' }) : msg(str`Xác nhận danh sách năm ${year.year}`, { id: 'admin.holidays.confirm' })}
            </button>
            ${ownDecision
              ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.removeYear(year.year)}>
                  ${msg(str`Bỏ danh sách đã xác nhận năm ${year.year}`, { id: 'admin.holidays.remove' })}
                </button>`
              : nothing}
          </p>`}
    </section>`;
  }

  override render() {
    const yearInvalid = this.errors.some((e) => e.field === 'year');
    return html`<h2>${msg('Ngày nghỉ lễ, Tết', { id: 'admin.holidays.title' })}</h2>
      <p>
        ${msg('Hạn trả lời phản ánh không tính thứ Bảy, Chủ nhật và các ngày nghỉ dưới đây. Máy chủ tính sẵn ngày lễ theo luật (cả Tết và Giỗ Tổ theo âm lịch); mỗi năm, nhập thêm ngày nghỉ bù, nghỉ thêm theo thông báo của Bộ Nội vụ.', {
          id: 'admin.holidays.intro',
        })}
      </p>
      <p id="holidays-status" role="status" tabindex="-1" class=${this.failure ? 'field-error' : ''}>${this.failure ?? this.notice ?? ''}</p>
      ${this.editing === undefined
        ? html`<form class="other" novalidate @submit=${this.showYear}>
            ${errorSummary(msg('Chưa xem được', { id: 'admin.holidays.yearError' }), this.errors, (field) => focusField(this.shadowRoot, field))}
            <label for="year">${msg('Xem năm khác', { id: 'admin.holidays.other' })}</label>
            ${this.error('year')}
            <input id="year" name="year" inputmode="numeric" autocomplete="off" aria-invalid=${yearInvalid ? 'true' : 'false'} aria-describedby=${yearInvalid ? 'year-error' : nothing} />
            <button type="submit" class="secondary">${msg('Xem', { id: 'admin.holidays.show' })}</button>
          </form>`
        : nothing}
      ${this.years ? this.years.map((year) => this.renderYear(year)) : this.failure ? nothing : html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`}`;
  }
}
