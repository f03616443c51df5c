import { msg, str } from '@lit/localize';
import type {
  FeedbackLookup,
  FeedbackReceipt,
  FeedbackSubmission,
  FeedbackTopic,
  ProcedureList,
  PublicUnit,
  PublishedFeedbackList,
} from '@sipas/schema';
import { FEEDBACK_LIMITS, FEEDBACK_STATUSES, normalizeTrackingCode, randomCode, TRACKING_CODE_PATTERN, validateFeedback } from '@sipas/schema/rules';
import { newId } from '@sipas/schema/rules/ids';
import { html, nothing, type TemplateResult } from 'lit';
import { HttpError, isOriginRefusal, requestJson } from '../shared/client.js';
import { originRefusedText } from '../shared/localize.js';
import { CachedResource } from '../shared/controllers/cached-resource.js';
import { keepPageOpen, SubmissionController, type Kept, type Refusal, type When } from '../shared/controllers/submission.js';
import { clearDraft, loadDraft, saveDraft } from '../shared/drafts.js';
import { SipasElement } from '../shared/element.js';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '../shared/error-summary.js';
import { formatWhen } from '../shared/format.js';
import { statusLabel, topicLabel } from '../shared/labels.js';
import { feedbackErrors } from './messages.js';
import { styles } from './feedback.styles.js';

export type { FeedbackSubmittedDetail } from '../shared/events.js';
export type FeedbackView = 'form' | 'lookup' | 'answers';
type Phase = 'form' | 'sending' | 'queued' | 'sent';
type Values = Record<string, string>;

/** Version of the consent text below; recorded with every case together with the text itself. */
export const CONSENT_VERSION = 'pakn-2026-01';
const FIELDS = ['topic', 'procedureCode', 'title', 'content', 'name', 'address', 'phone', 'email'] as const;

const consentText = () =>
  msg(
    'Tôi đồng ý để cơ quan xử lý họ tên, địa chỉ, điện thoại, thư điện tử của tôi chỉ để giải quyết và trả lời phản ánh này. Các thông tin này không được công khai.',
    { id: 'feedback.consent' },
  );

/** A lookup secret the client chooses, so that a resend from the outbox knows it too. */
const newSecret = () => randomCode(8, (n) => crypto.getRandomValues(new Uint32Array(1))[0]! % n);

/** The form's values of a submission given back (refused after it waited). */
function valuesOf(body: FeedbackSubmission): Values {
  const { sender, ...rest } = body;
  return { ...(rest as unknown as Values), ...(sender as unknown as Values) };
}

/**
 * <sipas-feedback>: feedback and recommendations (phản ánh, kiến nghị — PAKN) to a unit about
 * administrative regulations, procedures and officials' conduct (Nghị định 20/2008/NĐ-CP). Three
 * views: the form, the lookup of a case by its tracking code, and the unit's published answers.
 * Nothing typed is lost: a draft is kept on the device, and a submission that cannot be sent
 * waits in the offline outbox and is sent (once) when the connection returns; its tracking code
 * and secret are shown here, also on the next visit when it was delivered from another page.
 *
 * @fires sipas-feedback-submitted - the server received the case; detail: { id, trackingCode, dueOn }
 * @fires sipas-feedback-queued - no connection: the case waits in the outbox; detail: { id }
 * @csspart nav - the switch between the three views
 * @csspart form - the feedback form
 * @csspart receipt - the tracking code shown after sending
 * @csspart timeline - the status timeline of a looked-up case
 * @csspart answer - an answer (in the lookup and the public list)
 * @csspart error-summary - the list of errors after a failed submit
 * @cssprop --sipas-color-primary - buttons, links, accents
 * @cssprop --sipas-color-success - the receipt's border and completed timeline steps
 * @cssprop --sipas-color-error - error messages and borders
 * @cssprop --sipas-touch-target - minimum height of controls
 */
export class SipasFeedback extends SipasElement {
  static override styles = styles;

  static override properties = {
    ...SipasElement.properties,
    view: { type: String, reflect: true },
    procedure: { type: String },
    complaintsUrl: { type: String, attribute: 'complaints-url' },
    values: { state: true },
    consent: { state: true },
    errors: { state: true },
    phase: { state: true },
    receipt: { state: true },
    notice: { state: true },
    lookup: { state: true },
    lookupErrors: { state: true },
    answers: { state: true },
    query: { state: true },
  };

  /** The view shown: `form` (default), `lookup` or `answers`. */
  declare view: FeedbackView;
  /** A procedure code to preselect (else the page's `?procedure=` query). */
  declare procedure: string | undefined;
  /** Where complaints and denunciations are filed; defaults to the unit's `complaintsUrl`. */
  declare complaintsUrl: string | undefined;
  declare values: Values;
  declare consent: boolean;
  declare errors: FieldError[];
  declare phase: Phase;
  declare receipt: FeedbackReceipt | undefined;
  declare notice: string | undefined;
  declare lookup: FeedbackLookup | undefined;
  declare lookupErrors: FieldError[];
  declare answers: PublishedFeedbackList | undefined;
  declare query: string;

  private readonly _unitInfo = new CachedResource<PublicUnit>(this);
  private readonly _catalogue = new CachedResource<ProcedureList>(this);
  private readonly _submission = new SubmissionController<FeedbackSubmission, FeedbackReceipt>(
    this,
    { kind: 'feedback', mine: (body) => body.unit === this.resolvedUnit },
    {
      delivered: (body, receipt, when) => this._sent({ ...receipt, secret: body.secret! }, when),
      queued: (body, kept) => this._queued(body, kept),
      refused: (body, refusal, when) => void this._refused(body, refusal, when),
    },
  );
  /** Where a queued case waits: on the device (sent from any page) or only in this page. */
  declare private _kept: Kept | undefined;

  constructor() {
    super();
    this.view = 'form';
    this.values = { topic: '' };
    this.consent = false;
    this.errors = [];
    this.phase = 'form';
    this.lookupErrors = [];
    this.query = '';
  }

  private get _draftKey() {
    return `feedback:${this.resolvedUnit}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    const unit = this.resolvedUnit;
    if (!unit) return;
    const code = this.procedure ?? new URLSearchParams(location.search).get('procedure');
    const draft = await loadDraft<Values>(this._draftKey);
    this.values = { ...this.values, ...draft, ...(code ? { topic: 'procedure', procedureCode: code } : {}) };
    await this._submission.restore();
    void this._unitInfo.load(this.api(`units/${unit}`)!);
    void this._catalogue.load(this.api(`units/${unit}/procedures`)!);
    if (this.view === 'answers' && !this.answers) void this._search();
  }

  /** The unit's catalogue; `null` when it cannot be had (the form then asks for a code). */
  private get _procedures(): { code: string; name: string }[] | null | undefined {
    const list = this._catalogue.data;
    if (list?.procedures.length) return list.procedures;
    return this._catalogue.state.failed || list ? null : undefined;
  }

  private _validate(): FieldError[] {
    return feedbackErrors(validateFeedback({ ...this.values, consent: this.consent }));
  }

  private _input(event: Event): void {
    const target = event.target as HTMLInputElement;
    if (target.name === 'consent') this.consent = target.checked;
    else {
      this.values = { ...this.values, [target.name]: target.value };
      const { website: _bot, ...draft } = this.values;
      void saveDraft(this._draftKey, draft);
    }
    // After a failed submit, errors follow what the citizen fixes.
    if (this.errors.length) this.errors = this._validate();
  }

  private async _submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this._submission.sending) return;
    this.notice = undefined;
    this.errors = this._validate();
    if (this.errors.length) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    const v = Object.fromEntries(Object.entries(this.values).map(([k, x]) => [k, x.trim()])) as Values;
    const body: FeedbackSubmission = {
      id: newId(),
      unit: this.resolvedUnit!,
      topic: v.topic as FeedbackTopic,
      ...(v.topic === 'procedure' ? { procedureCode: v.procedureCode! } : {}),
      title: v.title!,
      content: v.content!,
      sender: { name: v.name!, address: v.address!, phone: v.phone!, email: v.email ?? '' },
      consent: { accepted: true, textVersion: CONSENT_VERSION, text: consentText() },
      secret: newSecret(),
      ...(v.website ? { website: v.website } : {}),
    };
    this.phase = 'sending';
    await this._submission.send(this.api('feedback'), body);
  }

  private _queued(body: FeedbackSubmission, kept: Kept): void {
    this._kept = kept;
    this.phase = 'queued';
    // Kept on the device: the outbox has it. Kept in this page only: the draft stays as a second copy.
    if (kept === 'device') void clearDraft(this._draftKey);
    this.emit('sipas-feedback-queued', { id: body.id });
  }

  private async _refused(body: FeedbackSubmission, refusal: Refusal, when: When): Promise<void> {
    this.phase = 'form';
    if (when === 'later') {
      // A case that waited and was then refused: its text goes back into the form, with the reason.
      this.values = valuesOf(body);
      this.notice = `${msg('Phản ánh đã lưu chưa được nhận:', { id: 'feedback.refused' })} ${refusal.title}`;
      return;
    }
    const fields = (refusal.problem?.errors ?? []).map((e) => ({
      field: FIELDS.find((f) => e.path.endsWith(f)) ?? 'title',
      message: e.message,
    }));
    const title = refusal.code === 'origin_not_allowed' ? originRefusedText() : refusal.title;
    this.errors = fields.length ? fields : [{ field: 'title', message: title }];
    await this.updateComplete;
    focusErrorSummary(this.shadowRoot);
  }

  private _sent(receipt: FeedbackReceipt, when: When): void {
    // The form held this case (sent now, or shown waiting): empty it. A receipt restored on a later
    // visit leaves a new draft the citizen may have started alone.
    if (when === 'now' || this.phase === 'queued' || this.phase === 'sending') {
      this.values = { topic: '' };
      this.consent = false;
      void clearDraft(this._draftKey);
    }
    this.receipt = receipt;
    this.phase = 'sent';
    this.emit('sipas-feedback-submitted', { id: receipt.id, trackingCode: receipt.trackingCode, dueOn: receipt.dueOn });
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('.receipt')?.focus());
  }

  private _another(): void {
    this.phase = 'form';
    void this._submission.acknowledge();
  }

  private async _find(event: Event): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const code = normalizeTrackingCode(String(data.get('code') ?? ''));
    const proof = String(data.get('proof') ?? '').trim().toUpperCase();
    const errors: FieldError[] = [];
    if (!TRACKING_CODE_PATTERN.test(code)) errors.push({ field: 'code', message: msg('Nhập mã theo dõi gồm 8 ký tự', { id: 'feedback.err.code' }) });
    if (!proof) errors.push({ field: 'proof', message: msg('Nhập mã bí mật hoặc 4 số cuối số điện thoại', { id: 'feedback.err.proof' }) });
    this.lookup = undefined;
    if (!errors.length) {
      const param = /^\d{4}$/.test(proof) ? `phone=${proof}` : `secret=${encodeURIComponent(proof)}`;
      try {
        this.lookup = (await requestJson<FeedbackLookup>(this.api(`feedback/${code}?${param}`)!)).data;
      } catch (error) {
        errors.push({
          field: 'code',
          message:
            error instanceof HttpError && error.status === 404
              ? msg('Không tìm thấy phản ánh khớp các mã này', { id: 'feedback.err.notFound' })
              : isOriginRefusal(error)
                ? originRefusedText()
                : msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'feedback.err.network' }),
        });
      }
    }
    this.lookupErrors = errors;
    await this.updateComplete;
    if (errors.length) focusErrorSummary(this.shadowRoot);
    else this.shadowRoot?.querySelector<HTMLElement>('.case')?.focus();
  }

  private async _search(event?: Event, more = false): Promise<void> {
    event?.preventDefault();
    const offset = more ? (this.answers?.items.length ?? 0) : 0;
    const params = new URLSearchParams({ limit: '10', offset: String(offset), ...(this.query ? { q: this.query } : {}) });
    try {
      const list = (await requestJson<PublishedFeedbackList>(this.api(`units/${this.resolvedUnit}/feedback?${params}`)!)).data!;
      this.answers = more && this.answers ? { ...list, items: [...this.answers.items, ...list.items] } : list;
    } catch {
      this.notice = msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'feedback.err.network' });
    }
  }

  private _show(view: FeedbackView): void {
    this.view = view;
    this.notice = undefined;
    if (view === 'answers' && !this.answers) void this._search();
  }

  // ---- rendering

  private _error(id: string, list = this.errors) {
    const error = list.find((e) => e.field === id);
    return error ? html`<span class="field-error" id="${id}-error"><span class="visually-hidden">${msg('Lỗi:', { id: 'feedback.errorPrefix' })}</span> ${error.message}</span>` : nothing;
  }

  private _describedBy(id: string, extra?: string, list = this.errors) {
    const ids = [extra, list.some((e) => e.field === id) ? `${id}-error` : undefined].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private _field(id: string, label: string, options: { type?: string; autocomplete?: string; hint?: string; long?: boolean; max?: number; optional?: boolean } = {}) {
    const invalid = this.errors.some((e) => e.field === id);
    const value = this.values[id] ?? '';
    const hint = options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing;
    const counter = options.long
      ? html`<span class="hint" id="${id}-count">${msg(str`Đã nhập ${value.length} / ${FEEDBACK_LIMITS.content} ký tự`, { id: 'feedback.counter' })}</span>`
      : nothing;
    const described = this._describedBy(id, [options.hint ? `${id}-hint` : '', options.long ? `${id}-count` : ''].filter(Boolean).join(' ') || undefined);
    const common = {
      id,
      invalid: invalid ? 'true' : 'false',
    };
    return html`<div class="field">
      <label for=${id}>${label}${options.optional ? html` <span class="hint">(${msg('không bắt buộc', { id: 'feedback.optional' })})</span>` : nothing}</label>
      ${hint} ${this._error(id)}
      ${options.long
        ? html`<textarea id=${common.id} name=${id} rows="8" maxlength=${FEEDBACK_LIMITS.content} aria-invalid=${common.invalid} aria-describedby=${described} .value=${value}></textarea>`
        : html`<input
            id=${common.id}
            name=${id}
            type=${options.type ?? 'text'}
            autocomplete=${options.autocomplete ?? 'off'}
            maxlength=${options.max ?? 200}
            aria-invalid=${common.invalid}
            aria-describedby=${described}
            .value=${value}
          />`}
      ${counter}
    </div>`;
  }

  private _renderProcedure() {
    if (this.values.topic !== 'procedure') return nothing;
    const list = this._procedures;
    if (!list) return this._field('procedureCode', msg('Mã hoặc tên thủ tục hành chính', { id: 'feedback.procedureCode' }), { max: 32 });
    const id = 'procedureCode';
    const current = this.values[id] ?? '';
    return html`<div class="field">
      <label for=${id}>${msg('Thủ tục hành chính', { id: 'feedback.topic.procedure' })}</label>
      ${this._error(id)}
      <select id=${id} name=${id} aria-invalid=${this.errors.some((e) => e.field === id) ? 'true' : 'false'} aria-describedby=${this._describedBy(id)}>
        <option value="" .selected=${!current}>${msg('— Chọn thủ tục —', { id: 'feedback.chooseProcedure' })}</option>
        ${list.map((p) => html`<option value=${p.code} .selected=${p.code === current}>${p.name} (${p.code})</option>`)}
        ${current && !list.some((p) => p.code === current) ? html`<option value=${current} selected>${current}</option>` : nothing}
      </select>
    </div>`;
  }

  private _renderForm() {
    const complaints = this.complaintsUrl ?? this._unitInfo.data?.complaintsUrl;
    const topicInvalid = this.errors.some((e) => e.field === 'topic-regulation');
    return html`<p class="notice" id="scope">
        ${msg(
          'Mẫu này nhận phản ánh, kiến nghị về quy định, thủ tục hành chính và hành vi của cán bộ. Khiếu nại, tố cáo theo thủ tục riêng, không gửi qua mẫu này.',
          { id: 'feedback.scope' },
        )}
        ${complaints ? html`<a href=${complaints}>${msg('Cách gửi khiếu nại, tố cáo', { id: 'feedback.complaintsLink' })}</a>` : nothing}
      </p>
      <form part="form" novalidate @submit=${this._submit} @input=${this._input} @change=${this._input}>
        ${errorSummary(msg('Vui lòng kiểm tra lại', { id: 'feedback.errorTitle' }), this.errors, (f) => focusField(this.shadowRoot, f))}
        <fieldset aria-describedby=${topicInvalid ? 'topic-regulation-error' : nothing}>
          <legend>${msg('Phản ánh, kiến nghị về việc gì?', { id: 'feedback.topic' })}</legend>
          ${this._error('topic-regulation')}
          ${(['regulation', 'procedure', 'conduct', 'other'] as const).map(
            (topic) => html`<div class="choice">
              <input type="radio" id="topic-${topic}" name="topic" value=${topic} .checked=${this.values.topic === topic} aria-invalid=${topicInvalid ? 'true' : 'false'} />
              <label for="topic-${topic}">${topicLabel(topic)}</label>
            </div>`,
          )}
        </fieldset>
        ${this._renderProcedure()}
        ${this._field('title', msg('Tiêu đề', { id: 'feedback.title' }), { max: FEEDBACK_LIMITS.title })}
        ${this._field('content', msg('Nội dung phản ánh, kiến nghị', { id: 'feedback.content' }), {
          long: true,
          hint: msg('Nêu rõ sự việc, thời gian, địa điểm và đề nghị.', { id: 'feedback.contentHint' }),
        })}
        <fieldset>
          <legend>${msg('Thông tin người gửi', { id: 'feedback.sender' })}</legend>
          <p class="hint">${msg('Theo Nghị định 20/2008/NĐ-CP; không công khai.', { id: 'feedback.senderHint' })}</p>
          ${this._field('name', msg('Họ và tên', { id: 'feedback.name' }), { autocomplete: 'name', max: 120 })}
          ${this._field('address', msg('Địa chỉ liên hệ', { id: 'feedback.address' }), { autocomplete: 'street-address', max: 300 })}
          ${this._field('phone', msg('Số điện thoại', { id: 'feedback.phone' }), { type: 'tel', autocomplete: 'tel', max: 20 })}
          ${this._field('email', msg('Thư điện tử', { id: 'feedback.email' }), {
            type: 'email',
            autocomplete: 'email',
            optional: true,
            hint: msg('Để nhận thư báo khi có trả lời.', { id: 'feedback.emailHint' }),
          })}
        </fieldset>
        <div class="bot" aria-hidden="true">
          <label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        <div class="field choice">
          <input type="checkbox" id="consent" name="consent" .checked=${this.consent} aria-invalid=${this.errors.some((e) => e.field === 'consent') ? 'true' : 'false'} aria-describedby=${this._describedBy('consent')} />
          <label for="consent">${consentText()}</label>
        </div>
        ${this._error('consent')}
        <p><button type="submit" ?disabled=${this.phase === 'sending'}>${this.phase === 'sending' ? msg('Đang gửi…', { id: 'feedback.sending' }) : msg('Gửi phản ánh, kiến nghị', { id: 'feedback.submit' })}</button></p>
      </form>`;
  }

  private _renderReceipt(receipt: FeedbackReceipt) {
    return html`<div class="receipt" part="receipt" tabindex="-1" role="status">
      <h3>${msg('Đã gửi thành công', { id: 'feedback.sentTitle' })}</h3>
      <p>${msg('Mã theo dõi', { id: 'feedback.code' })}: <strong class="code">${receipt.trackingCode}</strong></p>
      <p>${msg('Mã bí mật', { id: 'feedback.secret' })}: <strong class="code">${receipt.secret}</strong></p>
      <p>${msg(str`Hạn trả lời: ${formatWhen(receipt.dueOn)}.`, { id: 'feedback.due' })}</p>
      <p>
        ${msg(
          'Hãy ghi lại hai mã này. Để xem kết quả, chọn “Tra cứu”, nhập mã theo dõi và mã bí mật (hoặc 4 số cuối điện thoại).',
          { id: 'feedback.howToLookUp' },
        )}
      </p>
      <button class="secondary" @click=${this._another}>${msg('Gửi phản ánh khác', { id: 'feedback.another' })}</button>
    </div>`;
  }

  private _renderLookup() {
    const c = this.lookup;
    const reached = (status: string) => c?.timeline.find((e) => e.status === status);
    return html`<form novalidate @submit=${this._find}>
        ${errorSummary(msg('Chưa tra cứu được', { id: 'feedback.lookupError' }), this.lookupErrors, (f) => focusField(this.shadowRoot, f))}
        <div class="field">
          <label for="code">${msg('Mã theo dõi', { id: 'feedback.code' })}</label>
          ${this._error('code', this.lookupErrors)}
          <input id="code" name="code" autocomplete="off" autocapitalize="characters" maxlength="12" aria-invalid=${this.lookupErrors.some((e) => e.field === 'code') ? 'true' : 'false'} aria-describedby=${this._describedBy('code', undefined, this.lookupErrors)} />
        </div>
        <div class="field">
          <label for="proof">${msg('Mã bí mật hoặc 4 số cuối số điện thoại', { id: 'feedback.proof' })}</label>
          ${this._error('proof', this.lookupErrors)}
          <input id="proof" name="proof" autocomplete="off" maxlength="32" aria-invalid=${this.lookupErrors.some((e) => e.field === 'proof') ? 'true' : 'false'} aria-describedby=${this._describedBy('proof', undefined, this.lookupErrors)} />
        </div>
        <p><button type="submit">${msg('Tra cứu', { id: 'feedback.lookupButton' })}</button></p>
      </form>
      ${c
        ? html`<section class="case" tabindex="-1" aria-labelledby="case-title">
            <h3 id="case-title">${c.title}</h3>
            <p>
              ${msg('Mã theo dõi', { id: 'feedback.code' })}: <strong class="code">${c.trackingCode}</strong> ·
              ${msg(str`Hạn trả lời: ${formatWhen(c.dueOn)}.`, { id: 'feedback.due' })}
              ${c.overdue ? html`<strong class="overdue">${msg('Quá hạn', { id: 'feedback.overdue' })}</strong>` : nothing}
            </p>
            <ol class="timeline" part="timeline">
              ${FEEDBACK_STATUSES.map((status, i) => {
                const event = reached(status);
                return html`<li class=${i <= FEEDBACK_STATUSES.indexOf(c.status) ? 'done' : ''} aria-current=${status === c.status ? 'step' : nothing}>
                  ${statusLabel(status)}${event ? html` <span class="hint">${formatWhen(event.at)}</span>` : nothing}
                </li>`;
              })}
            </ol>
            ${c.answer ? this._renderAnswer(c.answer) : nothing}
          </section>`
        : nothing}`;
  }

  private _renderAnswer(answer: string): TemplateResult {
    return html`<div class="answer" part="answer"><h4>${msg('Trả lời của cơ quan', { id: 'feedback.answer' })}</h4><p>${answer}</p></div>`;
  }

  private _renderAnswers() {
    const list = this.answers;
    return html`<form role="search" @submit=${(e: Event) => this._search(e)}>
        <label for="q">${msg('Tìm trong các trả lời đã công khai', { id: 'feedback.searchLabel' })}</label>
        <div class="row">
          <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
          <button type="submit">${msg('Tìm', { id: 'feedback.search' })}</button>
        </div>
      </form>
      ${list
        ? html`<p role="status">${msg(str`${list.total} trả lời`, { id: 'feedback.count' })}</p>
            ${list.items.map(
              (item) => html`<article aria-labelledby="a-${item.trackingCode}">
                <h3 id="a-${item.trackingCode}">${item.title}</h3>
                <p class="hint">${topicLabel(item.topic)}${item.procedureCode ? ` (${item.procedureCode})` : ''} · ${item.trackingCode} · ${formatWhen(item.publishedAt)}</p>
                <p>${item.content}</p>
                ${this._renderAnswer(item.answer)}
              </article>`,
            )}
            ${list.items.length < list.total
              ? html`<button class="secondary" @click=${() => this._search(undefined, true)}>${msg('Xem thêm', { id: 'feedback.more' })}</button>`
              : nothing}`
        : nothing}`;
  }

  override render() {
    if (!this.resolvedUnit || !this.resolvedEndpoint) {
      return html`<p class="notice">${msg('Chưa cấu hình đơn vị hoặc địa chỉ máy chủ.', { id: 'feedback.notConfigured' })}</p>`;
    }
    const tab = (view: FeedbackView, label: string) =>
      html`<button class="secondary" aria-current=${this.view === view ? 'page' : nothing} @click=${() => this._show(view)}>${label}</button>`;
    let body;
    if (this.view === 'lookup') body = this._renderLookup();
    else if (this.view === 'answers') body = this._renderAnswers();
    else if (this.phase === 'sent' && this.receipt) body = this._renderReceipt(this.receipt);
    else if (this.phase === 'queued')
      body = html`<div class="notice" role="status">
        <strong>${msg('Chưa gửi được do mất mạng hoặc máy chủ bận.', { id: 'feedback.queuedTitle' })}</strong>
        ${this._kept === 'page' ? keepPageOpen() : msg('Phản ánh đã lưu trên thiết bị và sẽ tự gửi khi có mạng; mã theo dõi sẽ hiện ở đây.', { id: 'feedback.queued' })}
      </div>`;
    else body = this._renderForm();
    return html`<nav part="nav" aria-label=${msg('Phản ánh, kiến nghị', { id: 'feedback.nav' })}>
        ${tab('form', msg('Gửi phản ánh', { id: 'feedback.nav.form' }))} ${tab('lookup', msg('Tra cứu', { id: 'feedback.lookupButton' }))}
        ${tab('answers', msg('Trả lời đã công khai', { id: 'feedback.nav.answers' }))}
      </nav>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing} ${body}`;
  }
}
