import { msg, str } from '@lit/localize';
import {
  FEEDBACK_STATUSES,
  redactPersonal,
  type FeedbackAction,
  type FeedbackCase,
  type FeedbackInbox,
  type FeedbackStatus,
} from '@sipas/schema';
import { html, nothing } from 'lit';
import { vietnamDate } from '@sipas/schema/rules';
import { HttpError } from '@sipas/widgets/shared/client.js';
import { formatWhen } from '@sipas/widgets/shared/format.js';
import { statusLabel, topicLabel } from '@sipas/widgets/shared/labels.js';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { DeskPanel } from '../shared/panel.js';
import { feedbackStyles } from './feedback.styles.js';

const actionLabel = (action: string) =>
  ({
    received: msg('Tiếp nhận', { id: 'feedback.desk.a.received' }),
    route: msg('Chuyển xử lý', { id: 'feedback.desk.route' }),
    start: msg('Bắt đầu xử lý', { id: 'feedback.desk.start' }),
    answer: msg('Trả lời', { id: 'feedback.desk.a.answer' }),
    publish: msg('Công khai', { id: 'feedback.desk.a.publish' }),
    note: msg('Ghi chú', { id: 'feedback.desk.a.note' }),
    email_sent: msg('Đã gửi thư báo', { id: 'feedback.desk.a.emailSent' }),
    email_failed: msg('Gửi thư báo lỗi', { id: 'feedback.desk.a.emailFailed' }),
  })[action] ?? action;

const date = (value: string) => formatWhen(value, 'short');
const dateTime = (value: string) => formatWhen(value, 'dateTime');
const today = () => vietnamDate();

/**
 * <sipas-desk-feedback>: the desk tab where staff handle feedback (PAKN): the inbox (overdue
 * first, due dates visible, filter by status), a case with the sender's details and its audit
 * trail, and the actions route → in progress → answer → publish a redacted public version.
 * Exports a period's cases to CSV.
 *
 * @fires sipas-feedback-case-changed - a staff action was recorded; detail: { trackingCode, action, status }
 * @csspart inbox - the table of cases
 */
export class SipasDeskFeedback extends DeskPanel {
  static override styles = feedbackStyles;

  static override properties = {
    ...DeskPanel.properties,
    inbox: { state: true },
    status: { state: true },
    current: { state: true },
    errors: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  declare inbox: FeedbackInbox | undefined;
  declare status: string;
  declare current: FeedbackCase | undefined;
  declare errors: FieldError[];
  declare message: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.status = '';
    this.errors = [];
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private base() {
    return `staff/units/${this.unit ?? this.staff?.unit}/feedback`;
  }

  private async refresh(): Promise<void> {
    try {
      this.inbox = (await this.staffRequest<FeedbackInbox>(`${this.base()}${this.status ? `?status=${this.status}` : ''}`)).data;
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  private async open(code: string): Promise<void> {
    this.errors = [];
    this.message = undefined;
    this.current = (await this.staffRequest<FeedbackCase>(`${this.base()}/${code}`)).data;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#case-title')?.focus();
  }

  private async act(event: SubmitEvent, build: (data: FormData) => FeedbackAction): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const action = build(new FormData(form));
    this.busy = true;
    this.errors = [];
    this.message = undefined;
    try {
      this.current = (
        await this.staffRequest<FeedbackCase>(`${this.base()}/${this.current!.trackingCode}/actions`, { method: 'POST', body: action })
      ).data;
      this.message = msg('Đã lưu.', { id: 'feedback.desk.saved' });
      this.emit('sipas-feedback-case-changed', { trackingCode: this.current!.trackingCode, action: action.action, status: this.current!.status });
      void this.refresh();
    } catch (error) {
      const problem = error instanceof HttpError ? error.problem : undefined;
      const prefix = `${action.action}-`;
      this.errors = problem?.errors?.length
        ? problem.errors.map((e) => ({ field: `${prefix}${e.path}`, message: e.message }))
        : [{ field: form.querySelector('[name]')?.id ?? '', message: problem?.title ?? (error as Error).message }];
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
    } finally {
      this.busy = false;
    }
  }

  private async exportCsv(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    try {
      await this.download(`staff/units/${this.unit ?? this.staff?.unit}/feedback-export?from=${from}&to=${to}`, `phan-anh-${from}-${to}.csv`);
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  private control(id: string, label: string, value = '', long = false) {
    const error = this.errors.find((e) => e.field === id);
    const described = error ? `${id}-error` : nothing;
    const name = id.slice(id.indexOf('-') + 1);
    return html`<label for=${id}>${label}</label>
      ${error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing}
      ${long
        ? html`<textarea id=${id} name=${name} rows="6" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} .value=${value}></textarea>`
        : html`<input id=${id} name=${name} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} .value=${value} />`}`;
  }

  /** The section's heading, over the inbox and over an open case alike (the case is an h3 under it). */
  private heading() {
    return html`<h2>${msg('Phản ánh, kiến nghị', { id: 'feedback.nav' })}</h2>`;
  }

  private renderInbox() {
    const inbox = this.inbox;
    const start = today().slice(0, 8) + '01';
    return html`${this.heading()}
      <div class="tools">
        <div>
          <label for="status">${msg('Trạng thái', { id: 'feedback.desk.status' })}</label>
          <select
            id="status"
            @change=${(e: Event) => {
              this.status = (e.target as HTMLSelectElement).value;
              void this.refresh();
            }}
          >
            <option value="">${msg('Tất cả', { id: 'feedback.desk.all' })}</option>
            ${FEEDBACK_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${statusLabel(s)}</option>`)}
          </select>
        </div>
        <form class="tools" style="border:0;padding:0;margin:0" @submit=${this.exportCsv} aria-label=${msg('Xuất CSV', { id: 'feedback.desk.export' })}>
          <div><label for="from">${msg('Từ ngày', { id: 'feedback.desk.from' })}</label><input id="from" name="from" type="date" required .value=${start} /></div>
          <div><label for="to">${msg('Đến ngày', { id: 'feedback.desk.to' })}</label><input id="to" name="to" type="date" required .value=${today()} /></div>
          <button type="submit" class="secondary">${msg('Xuất CSV', { id: 'feedback.desk.export' })}</button>
        </form>
      </div>
      ${inbox
        ? inbox.cases.length
          ? html`<table part="inbox">
              <caption class="visually-hidden">${msg('Hộp thư phản ánh, kiến nghị', { id: 'feedback.desk.inbox' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Mã', { id: 'feedback.desk.code' })}</th>
                  <th scope="col">${msg('Tiêu đề', { id: 'feedback.title' })}</th>
                  <th scope="col">${msg('Người gửi', { id: 'feedback.desk.sender' })}</th>
                  <th scope="col">${msg('Trạng thái', { id: 'feedback.desk.status' })}</th>
                  <th scope="col">${msg('Ngày nhận', { id: 'feedback.desk.received' })}</th>
                  <th scope="col">${msg('Hạn trả lời', { id: 'feedback.desk.due' })}</th>
                </tr>
              </thead>
              <tbody>
                ${inbox.cases.map(
                  (c) => html`<tr>
                    <td><button class="secondary" @click=${() => this.open(c.trackingCode)}>${c.trackingCode}</button></td>
                    <td data-label=${msg('Tiêu đề', { id: 'feedback.title' })}>${c.title}</td>
                    <td data-label=${msg('Người gửi', { id: 'feedback.desk.sender' })}>${c.senderName}</td>
                    <td data-label=${msg('Trạng thái', { id: 'feedback.desk.status' })}>${statusLabel(c.status)}</td>
                    <td data-label=${msg('Ngày nhận', { id: 'feedback.desk.received' })}>${date(c.receivedAt)}</td>
                    <td data-label=${msg('Hạn trả lời', { id: 'feedback.desk.due' })}>${date(c.dueOn)} ${c.overdue ? html`<span class="overdue">${msg('Quá hạn', { id: 'feedback.overdue' })}</span>` : nothing}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${msg('Không có phản ánh nào.', { id: 'feedback.desk.empty' })}</p>`
        : html`<p>${msg('Đang tải…', { id: 'common.loading' })}</p>`}`;
  }

  private renderCase(c: FeedbackCase) {
    const s = c.status;
    const redact = (text: string) => redactPersonal(text, c.sender);
    const can = (...statuses: FeedbackStatus[]) => statuses.includes(s);
    return html`${this.heading()}
      <p><button class="secondary" @click=${() => (this.current = undefined)}>${msg('← Hộp thư', { id: 'feedback.desk.back' })}</button></p>
      ${errorSummary(msg('Chưa lưu được', { id: 'feedback.desk.errorTitle' }), this.errors, (f) => focusField(this.shadowRoot, f))}
      ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
      <h3 id="case-title" tabindex="-1">${c.trackingCode} · ${c.title}</h3>
      <p>
        ${statusLabel(s)} · ${msg(str`Hạn trả lời: ${date(c.dueOn)}.`, { id: 'feedback.due' })}
        ${c.overdue ? html`<span class="overdue">${msg('Quá hạn', { id: 'feedback.overdue' })}</span>` : nothing}
        ${c.routedTo ? html` · ${msg('Chuyển đến', { id: 'feedback.desk.routedTo' })}: ${c.routedTo}` : nothing}
      </p>
      <div class="grid">
        <section>
          <h4>${msg('Nội dung', { id: 'feedback.desk.content' })}</h4>
          <p>${topicLabel(c.topic)}${c.procedureCode ? ` (${c.procedureCode})` : ''} · ${dateTime(c.receivedAt)}</p>
          <div class="text">${c.content}</div>
          ${c.answer ? html`<h4>${msg('Trả lời của cơ quan', { id: 'feedback.answer' })}</h4><div class="text">${c.answer}</div>` : nothing}
        </section>
        <section>
          <h4>${msg('Người gửi (không công khai)', { id: 'feedback.desk.senderPrivate' })}</h4>
          <dl>
            <dt>${msg('Họ và tên', { id: 'feedback.name' })}</dt><dd>${c.sender.name}</dd>
            <dt>${msg('Địa chỉ liên hệ', { id: 'feedback.address' })}</dt><dd>${c.sender.address}</dd>
            <dt>${msg('Số điện thoại', { id: 'feedback.phone' })}</dt><dd>${c.sender.phone}</dd>
            <dt>${msg('Thư điện tử', { id: 'feedback.email' })}</dt><dd>${c.sender.email || '—'}</dd>
            <dt>${msg('Đồng ý xử lý dữ liệu', { id: 'feedback.desk.consent' })}</dt>
            <dd>${dateTime(c.consent.at)} · ${c.consent.textVersion}: “${c.consent.text}”</dd>
          </dl>
        </section>
      </div>
      <div class="grid">
        ${can('received', 'routed', 'in_progress')
          ? html`<form @submit=${(e: SubmitEvent) => this.act(e, (d) => ({ action: 'route', routedTo: String(d.get('routedTo')), note: String(d.get('note') ?? '') }))}>
              <h4>${msg('Chuyển xử lý', { id: 'feedback.desk.route' })}</h4>
              ${this.control('route-routedTo', msg('Chuyển đến (bộ phận, cán bộ)', { id: 'feedback.desk.routeTo' }), c.routedTo ?? '')}
              ${this.control('route-note', msg('Ghi chú', { id: 'feedback.desk.a.note' }))}
              <button type="submit" ?disabled=${this.busy}>${msg('Chuyển xử lý', { id: 'feedback.desk.route' })}</button>
            </form>`
          : nothing}
        ${can('received', 'routed')
          ? html`<form @submit=${(e: SubmitEvent) => this.act(e, () => ({ action: 'start' }))}>
              <h4>${msg('Bắt đầu xử lý', { id: 'feedback.desk.start' })}</h4>
              <button type="submit" ?disabled=${this.busy}>${msg('Đánh dấu đang xử lý', { id: 'feedback.desk.startButton' })}</button>
            </form>`
          : nothing}
        ${can('received', 'routed', 'in_progress', 'answered')
          ? html`<form @submit=${(e: SubmitEvent) => this.act(e, (d) => ({ action: 'answer', answer: String(d.get('answer')) }))}>
              <h4>${msg('Trả lời người gửi', { id: 'feedback.desk.answerTitle' })}</h4>
              ${this.control('answer-answer', msg('Nội dung trả lời', { id: 'feedback.desk.answerText' }), c.answer ?? '', true)}
              <button type="submit" ?disabled=${this.busy}>${msg('Lưu trả lời', { id: 'feedback.desk.answerButton' })}</button>
            </form>`
          : nothing}
        ${can('answered', 'published')
          ? html`<form
              @submit=${(e: SubmitEvent) =>
                this.act(e, (d) => ({ action: 'publish', title: String(d.get('title')), content: String(d.get('content')), answer: String(d.get('answer')) }))}
            >
              <h4>${msg('Bản công khai', { id: 'feedback.desk.publicTitle' })}</h4>
              <p class="hint">
                ${msg('Thông tin cá nhân đã được che tự động; hãy đọc lại và sửa trước khi công khai.', { id: 'feedback.desk.redactHint' })}
              </p>
              ${this.control('publish-title', msg('Tiêu đề', { id: 'feedback.title' }), c.public?.title ?? redact(c.title))}
              ${this.control('publish-content', msg('Nội dung', { id: 'feedback.desk.content' }), c.public?.content ?? redact(c.content), true)}
              ${this.control('publish-answer', msg('Nội dung trả lời', { id: 'feedback.desk.answerText' }), c.public?.answer ?? redact(c.answer ?? ''), true)}
              <button type="submit" ?disabled=${this.busy}>${msg('Công khai trả lời', { id: 'feedback.desk.publishButton' })}</button>
            </form>`
          : nothing}
        <form @submit=${(e: SubmitEvent) => this.act(e, (d) => ({ action: 'note', note: String(d.get('note')) }))}>
          <h4>${msg('Ghi chú nội bộ', { id: 'feedback.desk.noteTitle' })}</h4>
          ${this.control('note-note', msg('Ghi chú', { id: 'feedback.desk.a.note' }), '', true)}
          <button type="submit" class="secondary" ?disabled=${this.busy}>${msg('Lưu ghi chú', { id: 'feedback.desk.noteButton' })}</button>
        </form>
      </div>
      <h4>${msg('Nhật ký xử lý', { id: 'feedback.desk.audit' })}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Thời gian', { id: 'feedback.desk.when' })}</th>
            <th scope="col">${msg('Người thực hiện', { id: 'feedback.desk.who' })}</th>
            <th scope="col">${msg('Thao tác', { id: 'feedback.desk.what' })}</th>
            <th scope="col">${msg('Chi tiết', { id: 'feedback.desk.detail' })}</th>
          </tr>
        </thead>
        <tbody>
          ${c.audit.map(
            (a) => html`<tr>
              <td>${dateTime(a.at)}</td>
              <td>${a.actor}</td>
              <td>${actionLabel(a.action)}${a.toStatus && a.toStatus !== a.fromStatus ? html` → ${statusLabel(a.toStatus)}` : nothing}</td>
              <td class="text">${a.detail ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  override render() {
    if (this.current) return this.renderCase(this.current);
    return html`${this.message ? html`<p class="notice" role="alert">${this.message}</p>` : nothing}${this.renderInbox()}`;
  }
}
