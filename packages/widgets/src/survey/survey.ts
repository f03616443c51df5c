import { msg, str } from '@lit/localize';
import {
  validateAnswers,
  type AnswerIssueCode,
  type Answers,
  type AnswerValue,
  type Item,
  type LocalizedText,
  type PublicUnit,
  type Questionnaire,
  type SurveyContext,
  type SurveyReceipt,
  type SurveyResponse,
} from '@sipas/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { HttpError, isRetryable, NetworkError, newId, requestJson } from '../shared/client.js';
import { clearDraft, loadDraft, saveDraft } from '../shared/drafts.js';
import { SipasElement } from '../shared/element.js';
import { errorSummary, focusErrorSummary, focusField } from '../shared/error-summary.js';
import { getLocale, intlLocale } from '../shared/localize.js';
import { enqueue, OUTBOX_DELIVERED, OUTBOX_REJECTED, type OutboxDelivered, type OutboxRejected } from '../shared/outbox.js';
import { styles } from './survey.styles.js';

/** Detail of the cancelable `sipas-survey-submit`: cancel it to send the response yourself. */
export interface SurveySubmitDetail {
  response: SurveyResponse;
}
/** Detail of `sipas-survey-submitted`: the server stored the response (directly or from the outbox). */
export interface SurveySubmittedDetail {
  response: SurveyResponse;
  receipt: SurveyReceipt;
}
/** Detail of `sipas-survey-queued`: kept on the device, it will be sent when the network is back. */
export interface SurveyQueuedDetail {
  response: SurveyResponse;
}
/** Detail of `sipas-survey-failed`: the server refused the response for good (or it could not be kept). */
export interface SurveyFailedDetail {
  response: SurveyResponse;
  /** HTTP status; 0 when nothing was answered (no endpoint, storage unavailable). */
  status: number;
  code?: string;
  title: string;
}

declare global {
  interface HTMLElementEventMap {
    'sipas-survey-submit': CustomEvent<SurveySubmitDetail>;
    'sipas-survey-submitted': CustomEvent<SurveySubmittedDetail>;
    'sipas-survey-queued': CustomEvent<SurveyQueuedDetail>;
    'sipas-survey-failed': CustomEvent<SurveyFailedDetail>;
  }
}

type Phase = 'loading' | 'unavailable' | 'refused' | 'form' | 'sending' | 'submitted' | 'queued';
interface Step {
  title: string;
  items: Item[];
}
interface Draft {
  id: string;
  answers: Answers;
  step: number;
}
interface Choice {
  value: string;
  label: string;
}
interface Notice {
  title: string;
  detail?: string | undefined;
}

const DEFAULT_QUESTIONNAIRE = 'bnv-2023';
const NOT_APPLICABLE = 'na';
/** A dossier token (base64url) as the receipt's QR code carries it. */
const TOKEN = /^[A-Za-z0-9_-]{1,300}$/;

/**
 * `<sipas-survey>`: the SIPAS satisfaction questionnaire. One factor per step with a review step
 * (or every question on one page), native radio groups, GOV.UK error summary, a draft kept in
 * IndexedDB, and an offline outbox so no response is lost or counted twice. `mode="kiosk"` is
 * for a tablet at the one-stop counter: large type, no personal questions, and a full reset after
 * each citizen.
 *
 * @fires sipas-survey-submit - Cancelable, before sending; `detail.response`. Cancel it to send yourself, then call `showReceipt()` or `showQueued()`.
 * @fires sipas-survey-submitted - The server stored the response; `detail.response`, `detail.receipt`.
 * @fires sipas-survey-queued - Kept in the outbox to be sent later; `detail.response`.
 * @fires sipas-survey-failed - Refused for good; `detail.status`, `detail.code`, `detail.title`.
 * @slot - Shown above the questions of the first step (e.g. the ward's introduction).
 * @csspart title - The questionnaire's title.
 * @csspart form - The form.
 * @csspart progress - "Bước 2/5 · …", the step heading.
 * @csspart question - One question (a fieldset, or a block with a text field).
 * @csspart option - One answer choice (label with its radio or checkbox).
 * @csspart button - Every button.
 * @csspart review - The review list before sending.
 * @csspart notice - Messages: refused, saved offline.
 * @csspart done - The thank-you screen.
 * @csspart receipt - The receipt code on the thank-you screen.
 * @csspart error-summary - The GOV.UK error summary.
 * @cssprop --sipas-color-primary - Buttons, chosen answers, progress.
 * @cssprop --sipas-font-size - Base type size (kiosk: `--sipas-kiosk-font-size`, default 22px).
 * @cssprop --sipas-touch-target - Minimum height of every choice and button (44px).
 */
export class SipasSurvey extends SipasElement {
  static override styles = styles;

  static override properties = {
    ...SipasElement.properties,
    questionnaire: { type: String },
    definition: { attribute: false },
    layout: { type: String },
    mode: { type: String, reflect: true },
    dossier: { type: String },
    token: { type: String },
    procedure: { type: String },
    field: { type: String },
    channel: { type: String },
    kioskKey: { type: String, attribute: 'kiosk-key' },
    resetAfter: { type: Number, attribute: 'reset-after' },
    idleAfter: { type: Number, attribute: 'idle-after' },
    answers: { attribute: false },
    phase: { state: true },
    step: { state: true },
    issues: { state: true },
    notice: { state: true },
    receipt: { state: true },
    loaded: { state: true },
    claimed: { state: true },
  };

  /** Id of the questionnaire to use (e.g. `hanoi-2025-ward`); else the unit's, else `bnv-2023`. */
  declare questionnaire: string | undefined;
  /** A questionnaire object to render as is (npm users, stories); nothing is fetched. */
  declare definition: Questionnaire | undefined;
  /** `steps` (one factor per step, then a review) or `single` (every question on one page). */
  declare layout: 'steps' | 'single';
  /** `kiosk` for a shared tablet at the counter; anything else is a personal device. */
  declare mode: 'web' | 'kiosk';
  /**
   * Mã hồ sơ; falls back to `?dossier=`. Kept for old pages: a dossier is claimed only with the
   * unit's signed `token`, so a bare code is not sent (the response counts as open web).
   */
  declare dossier: string | undefined;
  /** The dossier token of the receipt's QR code (docs/survey.md); falls back to `?token=`. */
  declare token: string | undefined;
  /** Procedure code; falls back to `?procedure=`. */
  declare procedure: string | undefined;
  /** Department or field (lĩnh vực); falls back to `?field=`. */
  declare field: string | undefined;
  /** `web` or `qr`; falls back to `?channel=`. Kiosk mode always sends `kiosk`. */
  declare channel: string | undefined;
  /** A kiosk key issued by the unit (`sipas-server kiosk-key`); sent as `x-sipas-kiosk-key`. */
  declare kioskKey: string | undefined;
  /** Kiosk: seconds the thank-you screen stays before the form starts afresh. */
  declare resetAfter: number;
  /** Kiosk: seconds without a touch or key before a half-filled form is wiped. */
  declare idleAfter: number;
  /** The answers so far, by item id; `null` is "không áp dụng". Settable to prefill. */
  declare answers: Answers;

  declare private phase: Phase;
  declare private step: number;
  declare private issues: { item: string; code: string }[];
  declare private notice: Notice | undefined;
  declare private receipt: SurveyReceipt | undefined;
  /** The loaded questionnaire. */
  declare private loaded: Questionnaire | undefined;
  /** The server said the token can still claim its dossier. */
  declare private claimed: boolean;

  declare private responseId: string;
  /** Id of the response waiting in the outbox, to show its receipt when it is delivered. */
  declare private queuedId: string | undefined;
  declare private honeypot: string;
  declare private loadedFor: string | undefined;
  declare private resetTimer: ReturnType<typeof setTimeout> | undefined;
  declare private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.layout = 'steps';
    this.mode = 'web';
    this.resetAfter = 15;
    this.idleAfter = 120;
    this.answers = {};
    this.phase = 'loading';
    this.step = 0;
    this.issues = [];
    this.onDelivered = this.onDelivered.bind(this);
    this.onRejected = this.onRejected.bind(this);
    for (const type of ['pointerdown', 'keydown', 'input']) this.addEventListener(type, () => this.armIdle());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(OUTBOX_DELIVERED, this.onDelivered);
    window.addEventListener(OUTBOX_REJECTED, this.onRejected);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(OUTBOX_DELIVERED, this.onDelivered);
    window.removeEventListener(OUTBOX_REJECTED, this.onRejected);
    clearTimeout(this.resetTimer);
    clearTimeout(this.idleTimer);
  }

  protected override willUpdate(_changed: PropertyValues): void {
    // Load again only when what names the questionnaire changed.
    const source = `${this.resolvedEndpoint}|${this.resolvedUnit}|${this.questionnaire}|${this.mode}`;
    if (this.definition ? this.loaded !== this.definition : source !== this.loadedFor) {
      this.loadedFor = source;
      void this.load();
    }
  }

  private get kiosk(): boolean {
    return this.mode === 'kiosk';
  }

  private get draftKey(): string {
    return `survey:${this.resolvedUnit}:${this.loaded?.id}@${this.loaded?.version}:${this.mode}`;
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    const form = this.definition ?? (await this.fetchForm());
    if (!form) {
      this.phase = 'unavailable';
      return;
    }
    this.loaded = form;
    if (!(await this.checkClaim())) return;
    // A draft wins over answers the host prefilled; without either the form starts empty.
    this.begin((await loadDraft<Draft>(this.draftKey)) ?? { id: newId(), answers: this.answers, step: 0 });
    if (this.step || Object.keys(this.answers).length) this.armIdle();
  }

  /** The named questionnaire, else the unit's, else bnv-2023; the last copy seen when offline. */
  private async fetchForm(): Promise<Questionnaire | undefined> {
    const cacheKey = `questionnaire:${this.resolvedUnit}:${this.questionnaire ?? ''}`;
    try {
      let id = this.questionnaire;
      const unit = this.resolvedUnit;
      if (!id && unit) id = (await requestJson<PublicUnit>(this.api(`units/${unit}`)!)).data?.questionnaire;
      const form = (await requestJson<Questionnaire>(this.api(`questionnaires/${id ?? DEFAULT_QUESTIONNAIRE}`)!)).data!;
      void saveDraft(cacheKey, form);
      return form;
    } catch {
      if (!this.resolvedEndpoint) console.warn('<sipas-survey>: no endpoint; set data-endpoint on the script tag.');
      return loadDraft<Questionnaire>(cacheKey);
    }
  }

  /**
   * With a dossier token, asks the server whether it can still claim its dossier — before the
   * first question, so nobody answers nineteen questions to be refused. A refusal (used, forged,
   * another unit's, expired) is shown instead of the form; offline, the form opens and the server
   * decides when the response arrives.
   */
  private async checkClaim(): Promise<boolean> {
    this.claimed = false;
    const token = this.context().token;
    const unit = this.resolvedUnit;
    if (!token || !unit) return true;
    try {
      await requestJson(this.api(`units/${unit}/dossier-claims?token=${encodeURIComponent(token)}`)!);
      this.claimed = true;
      return true;
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500 || error.status === 429) return true;
      const problem = error.problem;
      this.notice =
        problem?.code === 'dossier_already_rated'
          ? { title: msg('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.', { id: 'survey.dossier-taken' }) }
          : { title: problem?.title ?? msg('Máy chủ không nhận phiếu này.', { id: 'survey.refused' }), detail: problem?.detail };
      this.phase = 'refused';
      return false;
    }
  }

  /** Starts a response: from a draft, or empty with a fresh id. */
  private begin(draft?: Draft): void {
    this.responseId = draft?.id ?? newId();
    this.answers = draft?.answers ?? {};
    this.step = Math.min(draft?.step ?? 0, this.steps().length);
    this.issues = [];
    this.notice = undefined;
    this.receipt = undefined;
    this.queuedId = undefined;
    this.honeypot = '';
    this.phase = 'form';
  }

  /**
   * Clears everything of the current citizen — answers, draft, receipt, the DOM of the form — and
   * starts an empty response. Kiosk mode calls it after the thank-you screen and when idle.
   */
  async reset(): Promise<void> {
    clearTimeout(this.resetTimer);
    clearTimeout(this.idleTimer);
    const key = this.draftKey;
    // Render without the form once, so that it is rebuilt from nothing: no checked radio survives a citizen.
    this.phase = 'loading';
    await this.updateComplete;
    this.begin();
    await clearDraft(key);
    await this.updateComplete;
    if (this.kiosk) this.scrollIntoView({ block: 'start' });
  }

  /** For a host that cancelled `sipas-survey-submit` and sent the response itself. */
  showReceipt(receipt: SurveyReceipt): void {
    this.receipt = receipt;
    this.finish('submitted');
  }

  /** For a host that cancelled `sipas-survey-submit` and queued the response itself. */
  showQueued(): void {
    this.finish('queued');
  }

  private text(text: LocalizedText): string {
    return getLocale() === 'en' && text.en ? text.en : text.vi;
  }

  /** One step per factor with items, then the unit's own questions, then (not at a kiosk) demographics. */
  private steps(): Step[] {
    const form = this.loaded!;
    const factorIds = form.factors.map((factor) => factor.id as string);
    const steps: Step[] = form.factors.map((factor) => ({
      title: this.text(factor.title),
      items: form.items.filter((item) => item.factor === factor.id),
    }));
    steps.push({
      title: msg('Câu hỏi khác', { id: 'survey.other' }),
      items: form.items.filter((item) => !factorIds.includes(item.factor ?? '')),
    });
    if (!this.kiosk) steps.push({ title: msg('Thông tin chung (không bắt buộc)', { id: 'survey.about' }), items: form.demographics ?? [] });
    return steps.filter((step) => step.items.length > 0);
  }

  /** Number shown before a question: the printed form's, else its position. */
  private numberOf(item: Item): number {
    return item.number ?? [...this.loaded!.items, ...(this.loaded!.demographics ?? [])].indexOf(item) + 1;
  }

  private choices(item: Item): Choice[] {
    const levels = (labels: string[], top: number) => labels.map((label, i) => ({ value: String(top - i), label }));
    const choices =
      item.kind === 'rating5'
        ? levels(
            [
              msg('Rất hài lòng', { id: 'survey.level5' }),
              msg('Hài lòng', { id: 'survey.level4' }),
              msg('Bình thường', { id: 'survey.level3' }),
              msg('Không hài lòng', { id: 'survey.level2' }),
              msg('Rất không hài lòng', { id: 'survey.level1' }),
            ],
            5,
          )
        : item.kind === 'yes-no'
          ? [
              { value: 'yes', label: msg('Có', { id: 'survey.yes' }) },
              { value: 'no', label: msg('Không', { id: 'survey.no' }) },
            ]
          : item.options
            ? item.options.map((option) => ({ value: option.value, label: this.text(option.label) }))
            : levels(
                [
                  msg('Rất mong muốn', { id: 'survey.wish4' }),
                  msg('Mong muốn', { id: 'survey.wish3' }),
                  msg('Ít mong muốn', { id: 'survey.wish2' }),
                  msg('Không mong muốn', { id: 'survey.wish1' }),
                ],
                4,
              );
    return item.allowNotApplicable && item.kind !== 'multi'
      ? [...choices, { value: NOT_APPLICABLE, label: msg('Không áp dụng', { id: 'survey.na' }) }]
      : choices;
  }

  private message(item: Item, code: string): string {
    if (code !== 'required') return msg('Câu trả lời không hợp lệ, xin kiểm tra lại', { id: 'survey.invalid' });
    if (item.kind === 'rating5') return msg('Hãy chọn một mức độ hài lòng', { id: 'survey.required-rating' });
    return msg('Hãy trả lời câu này', { id: 'survey.required' });
  }

  override render() {
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`;
      case 'unavailable':
        return html`<div class="notice" role="alert" part="notice">
          <p>${msg('Chưa tải được phiếu khảo sát. Xin kiểm tra mạng rồi thử lại.', { id: 'survey.unavailable' })}</p>
          <button type="button" part="button" @click=${() => void this.load()}>${msg('Thử lại', { id: 'survey.retry' })}</button>
        </div>`;
      case 'refused':
        return html`<div class="notice refused" role="alert" part="notice">
          <p><strong>${this.notice?.title}</strong></p>
          ${this.notice?.detail ? html`<p>${this.notice.detail}</p>` : nothing}
        </div>`;
      case 'submitted':
      case 'queued':
        return this.renderDone();
      default:
        return this.renderForm();
    }
  }

  private renderForm(): TemplateResult {
    const steps = this.steps();
    const single = this.layout === 'single';
    const review = !single && this.step >= steps.length;
    const items = steps.flatMap((step) => step.items);
    const errors = this.issues.map((issue) => {
      const item = items.find((candidate) => candidate.id === issue.item)!;
      return {
        field: issue.item,
        message: msg(str`Câu ${this.numberOf(item)}: ${this.message(item, issue.code)}`, { id: 'survey.error-line' }),
      };
    });
    const context = this.context();
    const heading = (title: string, index: number) =>
      html`<h3 class="step-title" tabindex="-1" part="progress">
        ${single ? nothing : html`<span class="count">${msg(str`Bước ${index + 1}/${steps.length}`, { id: 'survey.step' })} · </span>`}${title}
      </h3>`;
    const sending = this.phase === 'sending';
    const sendLabel = sending ? msg('Đang gửi…', { id: 'survey.sending' }) : msg('Gửi phiếu', { id: 'survey.send' });
    return html`<h2 part="title">${this.text(this.loaded!.title)}</h2>
      ${this.step === 0 || single ? html`<slot></slot>` : nothing}
      ${this.claimed && context.token
        ? html`<p class="hint">${msg('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn của ông/bà.', { id: 'survey.dossier-verified' })}</p>`
        : nothing}
      <form novalidate part="form" @submit=${this.onSubmit} @input=${this.onInput}>
        ${errorSummary(msg('Phiếu chưa đầy đủ', { id: 'survey.errors-title' }), errors, (id) => focusField(this.renderRoot as ShadowRoot, id))}
        ${this.notice
          ? html`<div class="notice refused" role="alert" tabindex="-1" part="notice">
              <p><strong>${this.notice.title}</strong></p>
              ${this.notice.detail ? html`<p>${this.notice.detail}</p>` : nothing}
            </div>`
          : nothing}
        ${review
          ? this.renderReview(steps)
          : (single ? steps : [steps[this.step]!]).map(
              (step) => html`<section>
                ${heading(step.title, steps.indexOf(step))}
                ${steps.indexOf(step) === 0 || single
                  ? html`<p class="hint">${msg('Chọn một mức cho mỗi câu. Phiếu không ghi tên người trả lời.', { id: 'survey.hint' })}</p>`
                  : nothing}
                ${step.items.map((item) => this.renderItem(item))}
              </section>`,
            )}
        <div class="hp" aria-hidden="true">
          <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
        </div>
        <div class="nav">
          ${!single && this.step > 0
            ? html`<button type="button" class="secondary" part="button" @click=${() => this.go(this.step - 1)}>
                ${msg('Quay lại', { id: 'survey.back' })}
              </button>`
            : nothing}
          <button type="submit" part="button" ?disabled=${sending}>
            ${single || review ? sendLabel : msg('Tiếp tục', { id: 'survey.next' })}
          </button>
        </div>
      </form>`;
  }

  private renderItem(item: Item): TemplateResult {
    const id = item.id;
    const issue = this.issues.find((candidate) => candidate.item === id);
    const value = this.answers[id];
    const errorId = issue ? `${id}-error` : undefined;
    const legend = html`<span class="num">${this.numberOf(item)}.</span> ${this.text(item.text)}
      ${item.required ? nothing : html`<span class="optional">${msg('(không bắt buộc)', { id: 'survey.optional' })}</span>`}`;
    const error = issue
      ? html`<p class="field-error" id=${errorId!}>
          <span class="visually-hidden">${msg('Lỗi:', { id: 'survey.error-prefix' })}</span> ${this.message(item, issue.code)}
        </p>`
      : nothing;
    const invalid = issue ? 'true' : nothing;
    if (item.kind === 'text' || item.kind === 'number') {
      const text = value === undefined || value === null ? '' : String(value);
      return html`<div class="question ${issue ? 'invalid' : ''}" part="question">
        <label class="legend" for=${id}>${legend}</label>
        ${error}
        ${item.kind === 'text'
          ? html`<textarea id=${id} name=${id} maxlength=${item.max ?? 2000} .value=${text} aria-invalid=${invalid} aria-describedby=${errorId ?? nothing}></textarea>`
          : html`<input id=${id} name=${id} inputmode="decimal" .value=${text} aria-invalid=${invalid} aria-describedby=${errorId ?? nothing} />`}
      </div>`;
    }
    const multi = item.kind === 'multi';
    const chosen = (choice: Choice) =>
      choice.value === NOT_APPLICABLE ? value === null : Array.isArray(value) ? value.includes(choice.value) : String(value) === choice.value;
    return html`<fieldset class="question ${issue ? 'invalid' : ''}" part="question" aria-describedby=${errorId ?? nothing}>
      <legend>${legend}</legend>
      ${error}
      <div class="options">
        ${this.choices(item).map(
          (choice, i) => html`<label class="option ${choice.value === NOT_APPLICABLE ? 'na' : ''}" part="option">
            <input
              type=${multi ? 'checkbox' : 'radio'}
              id=${i ? `${id}-${i}` : id}
              name=${id}
              .value=${choice.value}
              .checked=${value !== undefined && chosen(choice)}
              aria-invalid=${invalid}
            />
            <span>${choice.label}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderReview(steps: Step[]): TemplateResult {
    const shown = (item: Item): string => {
      const value = this.answers[item.id];
      if (value === undefined || value === '') return msg('Chưa trả lời', { id: 'survey.unanswered' });
      if (item.kind === 'text') return String(value);
      if (typeof value === 'number' && item.kind === 'number') return new Intl.NumberFormat(intlLocale()).format(value);
      const values = Array.isArray(value) ? value : [value === null ? NOT_APPLICABLE : String(value)];
      return this.choices(item)
        .filter((choice) => values.includes(choice.value))
        .map((choice) => choice.label)
        .join(', ');
    };
    return html`<section part="review">
      <h3 class="step-title" tabindex="-1" part="progress">${msg('Xem lại trước khi gửi', { id: 'survey.review' })}</h3>
      ${steps.map(
        (step, index) => html`<div>
          <div class="review-head">
            <h4>${step.title}</h4>
            <button type="button" class="secondary" part="button" @click=${() => this.go(index)}>
              ${msg('Sửa', { id: 'survey.change' })}<span class="visually-hidden"> ${step.title}</span>
            </button>
          </div>
          <dl>
            ${step.items.map(
              (item) => html`<div><dt>${this.numberOf(item)}. ${this.text(item.text)}</dt><dd>${shown(item)}</dd></div>`,
            )}
          </dl>
        </div>`,
      )}
    </section>`;
  }

  private renderDone(): TemplateResult {
    const receipt = this.receipt;
    const queued = this.phase === 'queued';
    // A short, readable prefix of the ballot-box leaf hash: enough to find the response in the log.
    const leaf = receipt?.leaf?.hash.replace(/[^0-9a-z]/gi, '').slice(0, 8).toUpperCase();
    return html`<div class="done" part="done">
      <h2 tabindex="-1">
        ${queued ? msg('Phiếu đã được lưu trên máy này', { id: 'survey.saved-title' }) : msg('Cảm ơn ông/bà đã đánh giá!', { id: 'survey.thanks' })}
      </h2>
      ${queued
        ? html`<div class="notice" role="status" part="notice">
            <p>
              ${msg('Chưa gửi được do mất mạng hoặc máy chủ bận. Phiếu không bị mất: nó sẽ tự gửi khi có mạng, ông/bà không cần làm lại.', { id: 'survey.queued' })}
            </p>
            ${this.kiosk
              ? nothing
              : html`<p>${msg('Có thể đóng trang: phiếu sẽ được gửi khi ông/bà mở lại trang web của phường trên máy này.', { id: 'survey.queued-later' })}</p>`}
          </div>`
        : html`<p role="status">${msg('Phiếu của ông/bà đã được gửi.', { id: 'survey.sent' })}</p>
            ${receipt
              ? html`<p class="receipt" part="receipt">${msg('Mã biên nhận:', { id: 'survey.receipt' })} <strong>${receipt.receipt}</strong></p>`
              : nothing}
            ${leaf
              ? html`<p class="receipt" part="receipt">
                  ${msg('Mã xác nhận:', { id: 'survey.leaf' })} <strong>${leaf.slice(0, 4)} ${leaf.slice(4)}</strong>
                </p>`
              : nothing}
`}
      ${this.notice
        ? html`<div class="notice refused" role="alert" part="notice"><p><strong>${this.notice.title}</strong></p></div>`
        : nothing}
      ${this.kiosk
        ? html`<p>${msg(str`Màn hình sẽ trở về phiếu mới sau ${this.resetAfter} giây.`, { id: 'survey.kiosk-reset' })}</p>`
        : nothing}
      <button type="button" class="secondary" part="button" @click=${() => void this.reset()}>
        ${msg('Làm phiếu mới', { id: 'survey.again' })}
      </button>
    </div>`;
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'website') {
      this.honeypot = input.value;
      return;
    }
    const item = this.steps()
      .flatMap((step) => step.items)
      .find((candidate) => candidate.id === input.name);
    if (!item) return;
    let value: AnswerValue | undefined = input.value;
    if (input.type === 'checkbox') {
      value = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`input[name="${item.id}"]:checked`)].map((box) => box.value);
    } else if (input.type === 'radio' && value === NOT_APPLICABLE) {
      value = null;
    } else if (value === '' || (item.kind === 'text' && !value.trim())) {
      value = undefined;
    } else if (item.kind === 'rating5' || item.kind === 'scale4' || item.kind === 'number') {
      value = Number(value.replace(',', '.'));
    }
    const answers = { ...this.answers };
    if (value === undefined || (Array.isArray(value) && !value.length)) delete answers[item.id];
    else answers[item.id] = value;
    this.answers = answers;
    // A corrected answer loses its error at once; new errors only appear on the next submit.
    if (this.issues.some((issue) => issue.item === item.id) && !this.check([item]).length) {
      this.issues = this.issues.filter((issue) => issue.item !== item.id);
    }
    this.keepDraft();
  }

  private keepDraft(): void {
    void saveDraft<Draft>(this.draftKey, { id: this.responseId, answers: this.answers, step: this.step });
  }

  private check(items: Item[]): { item: string; code: AnswerIssueCode }[] {
    const ids = items.map((item) => item.id);
    return validateAnswers(this.loaded!, this.answers, { demographics: !this.kiosk, only: ids }).filter((issue) =>
      ids.includes(issue.item),
    );
  }

  private async go(step: number): Promise<void> {
    this.step = step;
    this.issues = [];
    this.notice = undefined;
    this.keepDraft();
    await this.updateComplete;
    const title = this.renderRoot.querySelector<HTMLElement>('.step-title');
    title?.scrollIntoView({ block: 'start' });
    title?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending') return;
    const steps = this.steps();
    const single = this.layout === 'single';
    if (!single && this.step < steps.length) {
      if (this.showIssues(this.check(steps[this.step]!.items))) return;
      await this.go(this.step + 1);
      return;
    }
    const issues = this.check(steps.flatMap((step) => step.items));
    if (issues.length && !single) {
      // From the review, take the citizen to the first step that needs an answer.
      await this.go(steps.findIndex((step) => step.items.some((item) => item.id === issues[0]!.item)));
      this.showIssues(this.check(steps[this.step]!.items));
      return;
    }
    if (this.showIssues(issues)) return;
    await this.send();
  }

  private showIssues(issues: { item: string; code: string }[]): boolean {
    this.issues = issues;
    this.notice = undefined;
    if (issues.length) void this.updateComplete.then(() => focusErrorSummary(this.renderRoot as ShadowRoot));
    return issues.length > 0;
  }

  private context(): SurveyContext {
    const query = new URLSearchParams(location.search);
    const pick = (own: string | undefined, name: string, max: number) => {
      const value = (own || query.get(name) || '').trim();
      return value && value.length <= max ? value : undefined;
    };
    const token = pick(this.token, 'token', 300);
    const procedure = pick(this.procedure, 'procedure', 32);
    const field = pick(this.field, 'field', 120);
    const channel = pick(this.channel, 'channel', 8);
    return {
      channel: this.kiosk ? 'kiosk' : channel === 'qr' ? 'qr' : 'web',
      // Only the signed token claims a dossier (the server takes the code from it); a malformed
      // one from a hand-typed URL is dropped rather than failing the whole response.
      ...(token && TOKEN.test(token) ? { token } : {}),
      ...(procedure ? { procedure } : {}),
      ...(field ? { field } : {}),
    };
  }

  private payload(): SurveyResponse {
    const known = this.steps().flatMap((step) => step.items.map((item) => item.id));
    return {
      id: this.responseId,
      unit: this.resolvedUnit ?? '',
      questionnaire: { id: this.loaded!.id, version: this.loaded!.version },
      answers: Object.fromEntries(Object.entries(this.answers).filter(([id]) => known.includes(id))),
      context: this.context(),
      submittedAt: new Date().toISOString(),
      ...(this.honeypot ? { website: this.honeypot } : {}),
    };
  }

  private async send(): Promise<void> {
    const response = this.payload();
    if (!this.emit<SurveySubmitDetail>('sipas-survey-submit', { response }, { cancelable: true })) return;
    this.phase = 'sending';
    this.notice = undefined;
    const url = this.api('surveys') ?? '';
    const headers = this.kioskKey ? { 'x-sipas-kiosk-key': this.kioskKey } : undefined;
    try {
      if (!url) throw new Error('no endpoint');
      if (!navigator.onLine) throw new NetworkError('offline');
      const { data } = await requestJson<SurveyReceipt>(url, { method: 'POST', body: response, ...(headers ? { headers } : {}) });
      this.receipt = data;
      this.finish('submitted', response);
    } catch (error) {
      if (url && isRetryable(error)) {
        try {
          await enqueue(
            { id: response.id, kind: 'survey', url, body: response, ...(headers ? { headers } : {}) },
            (error as Error).message,
            error instanceof HttpError ? error.retryAfter : undefined,
          );
          this.queuedId = response.id;
          this.finish('queued', response);
          return;
        } catch {
          // No IndexedDB (private mode on an old phone): say so rather than pretend it is kept.
        }
      }
      this.refuse(response, error);
    }
  }

  private refuse(response: SurveyResponse, error: unknown): void {
    const status = error instanceof HttpError ? error.status : 0;
    const problem = error instanceof HttpError ? error.problem : undefined;
    const code = problem?.code;
    const notice: Notice =
      code === 'dossier_already_rated'
        ? { title: msg('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.', { id: 'survey.dossier-taken' }) }
        : status === 0 || status === 403
          ? { title: msg('Chưa gửi được: trang này chưa được cấu hình đúng. Xin báo cán bộ phường.', { id: 'survey.misconfigured' }) }
          : {
              title: msg('Máy chủ không nhận phiếu này.', { id: 'survey.refused' }),
              detail: problem?.detail ?? problem?.title,
            };
    this.phase = 'form';
    this.notice = notice;
    this.emit<SurveyFailedDetail>('sipas-survey-failed', { response, status, ...(code ? { code } : {}), title: problem?.title ?? notice.title });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.refused')?.focus());
  }

  private finish(phase: 'submitted' | 'queued', response?: SurveyResponse): void {
    this.phase = phase;
    void clearDraft(this.draftKey);
    if (response) {
      if (phase === 'submitted') this.emit<SurveySubmittedDetail>('sipas-survey-submitted', { response, receipt: this.receipt! });
      else this.emit<SurveyQueuedDetail>('sipas-survey-queued', { response });
    }
    clearTimeout(this.idleTimer);
    if (this.kiosk) this.resetTimer = setTimeout(() => void this.reset(), this.resetAfter * 1000);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done h2')?.focus());
  }

  /** Kiosk: wipe a half-filled form when the citizen walked away. */
  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.kiosk || this.phase !== 'form') return;
    this.idleTimer = setTimeout(() => {
      if (this.phase === 'form' && (this.step || Object.keys(this.answers).length || this.issues.length)) void this.reset();
    }, this.idleAfter * 1000);
  }

  private onDelivered(event: Event): void {
    const { entry, data } = (event as CustomEvent<OutboxDelivered>).detail;
    if (entry.id !== this.queuedId || this.phase !== 'queued') return;
    this.queuedId = undefined;
    this.receipt = data as SurveyReceipt;
    this.phase = 'submitted';
    this.emit<SurveySubmittedDetail>('sipas-survey-submitted', { response: entry.body as SurveyResponse, receipt: this.receipt });
  }

  private onRejected(event: Event): void {
    const refusal = (event as CustomEvent<OutboxRejected>).detail;
    if (refusal.entry.id !== this.queuedId) return;
    this.queuedId = undefined;
    this.notice = { title: `${msg('Máy chủ không nhận phiếu này.', { id: 'survey.refused' })} ${refusal.title}` };
    this.emit<SurveyFailedDetail>('sipas-survey-failed', {
      response: refusal.entry.body as SurveyResponse,
      status: refusal.status,
      ...(refusal.code ? { code: refusal.code } : {}),
      title: refusal.title,
    });
  }
}
