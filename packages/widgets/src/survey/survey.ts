import { msg, str } from '@lit/localize';
import type { Answers, Item, PublicUnit, Questionnaire, SurveyReceipt, SurveyResponse } from '@sipas/schema';
import { validateAnswers, type AnswerIssueCode } from '@sipas/schema/rules';
import { newId } from '@sipas/schema/rules/ids';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CachedResource, type ResourceState } from '../shared/controllers/cached-resource.js';
import { SubmissionController, type Kept, type Refusal, type When } from '../shared/controllers/submission.js';
import { originRefusedText } from '../shared/localize.js';
import { isOriginRefusal } from '../shared/client.js';
import { clearDraft, loadDraft, saveDraft } from '../shared/drafts.js';
import { SipasElement } from '../shared/element.js';
import { errorSummary, focusErrorSummary, focusField } from '../shared/error-summary.js';
import { answerOf, contextOf, isChosen, issueMessage, localized, numberOf, stepsOf, type Step } from './questions.js';
import { checkDossierClaim, dossierTaken, refusedText, refusedView, verifiedHint, type ClaimRefusal as Notice } from './claim.js';
import { doneView, itemView, reviewView, type Issue } from './views.js';
import { styles } from './survey.styles.js';

export type { SurveyFailedDetail, SurveyQueuedDetail, SurveySubmitDetail, SurveySubmittedDetail } from '../shared/events.js';

type Phase = 'loading' | 'unavailable' | 'refused' | 'form' | 'sending' | 'submitted' | 'queued';
interface Draft {
  id: string;
  answers: Answers;
  step: number;
}

const DEFAULT_QUESTIONNAIRE = 'bnv-2023';

/**
 * `<sipas-survey>`: the SIPAS satisfaction questionnaire. One factor per step with a review step
 * (or every question on one page), native radio groups, GOV.UK error summary, a draft kept in
 * IndexedDB, and an offline outbox so no response is lost or counted twice. The questionnaire is
 * kept for the next visit and shown at once from that copy while it is checked again. `mode="kiosk"` is
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
    _phase: { state: true },
    _step: { state: true },
    _issues: { state: true },
    _notice: { state: true },
    _receipt: { state: true },
    _loaded: { state: true },
    _claimed: { state: true },
  };

  /** Id of the questionnaire to use (e.g. `hanoi-2025-ward`); else the unit's, else `bnv-2023`. */
  declare questionnaire: string | undefined;
  /** A questionnaire object to render as is (npm users, stories); nothing is fetched. */
  declare definition: Questionnaire | undefined;
  /** `steps` (one factor per step, then a review) or `single` (every question on one page). */
  declare layout: 'steps' | 'single';
  /** `kiosk` for a shared tablet at the counter; anything else is a personal device. */
  declare mode: 'web' | 'kiosk';
  /** Mã hồ sơ, kept for old pages: only a signed `token` claims a dossier, so it is not sent. */
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

  declare private _phase: Phase;
  declare private _step: number;
  declare private _issues: Issue[];
  declare private _notice: Notice | undefined;
  declare private _receipt: SurveyReceipt | undefined;
  /** The loaded questionnaire. */
  declare private _loaded: Questionnaire | undefined;
  declare private _claimed: boolean; // the server said the token can still claim its dossier

  declare private _responseId: string;
  declare private _honeypot: string;
  declare private _loadedFor: string | undefined;
  declare private _resetTimer: ReturnType<typeof setTimeout> | undefined;
  declare private _idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The unit refused this page's site: say so instead of blaming the network. */
  declare private _offSite: boolean | undefined;

  private readonly _unitInfo = new CachedResource<PublicUnit>(this);
  private readonly _form = new CachedResource<Questionnaire>(this, { onChange: (state) => void this._formChanged(state) });
  private readonly _submission = new SubmissionController<SurveyResponse, SurveyReceipt>(
    this,
    { kind: 'survey', mine: (response) => response.unit === this.resolvedUnit },
    {
      delivered: (response, receipt, when) => this._delivered(response, receipt, when),
      queued: (response, kept) => this._queued(response, kept),
      refused: (response, refusal, when) => this._refused(response, refusal, when),
    },
  );
  declare private _kept: Kept | undefined;

  constructor() {
    super();
    this.layout = 'steps';
    this.mode = 'web';
    this.resetAfter = 15;
    this.idleAfter = 120;
    this.answers = {};
    this._phase = 'loading';
    this._step = 0;
    this._issues = [];
    for (const type of ['pointerdown', 'keydown', 'input']) this.addEventListener(type, () => this._armIdle());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._resetTimer);
    clearTimeout(this._idleTimer);
  }

  protected override willUpdate(_changed: PropertyValues): void {
    // Load again only when what names the questionnaire changed.
    const source = `${this.resolvedEndpoint}|${this.resolvedUnit}|${this.questionnaire}|${this.mode}`;
    if (this.definition ? this._loaded !== this.definition : source !== this._loadedFor) {
      this._loadedFor = source;
      void this._load();
    }
  }

  /**
   * What the citizen typed and ticked lives in the DOM, and Lit sets a bound property only when it
   * differs from the value it rendered last: inputs reused by the next step (ticked and moved on in
   * one task, no render between) would keep the last step's state. So after each render every
   * field is set from the answers, where it differs.
   */
  protected override updated(): void {
    for (const field of this.renderRoot.querySelectorAll<HTMLInputElement>('.question [name]')) {
      const value = this.answers[field.name];
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = isChosen(value, field);
      else {
        const text = value == null ? '' : String(value);
        if (field.value !== text) field.value = text;
      }
    }
  }

  private get _kiosk(): boolean {
    return this.mode === 'kiosk';
  }

  private get _draftKey(): string {
    return `survey:${this.resolvedUnit}:${this._loaded?.id}@${this._loaded?.version}:${this.mode}`;
  }

  /**
   * The named questionnaire, else the unit's, else bnv-2023. The unit's questionnaire is asked for
   * at once with the unit when a kept copy of the unit names it; the copies kept from the last
   * visit show the first step before either answers.
   */
  private async _load(): Promise<void> {
    this._phase = 'loading';
    if (this.definition) return this._adopt(this.definition);
    const unit = this.resolvedUnit;
    const questionnaire = (id: string) => this.api(`questionnaires/${encodeURIComponent(id)}`);
    if (!this.resolvedEndpoint) console.warn('<sipas-survey>: no endpoint; set data-endpoint on the script tag.');
    if (this.questionnaire || !unit) {
      await this._form.load(questionnaire(this.questionnaire ?? DEFAULT_QUESTIONNAIRE) ?? '');
      return;
    }
    const unitUrl = this.api(`units/${encodeURIComponent(unit)}`) ?? '';
    const named = this._unitInfo.load(unitUrl);
    const guess = (await this._unitInfo.peek(unitUrl))?.questionnaire;
    if (guess) void this._form.load(questionnaire(guess) ?? '');
    const info = await named;
    const id = info?.questionnaire ?? (this._unitInfo.state.failed ? guess : undefined) ?? DEFAULT_QUESTIONNAIRE;
    if (id !== guess || !guess) await this._form.load(questionnaire(id) ?? '', { keepData: true });
  }

  private async _formChanged(state: ResourceState<Questionnaire>): Promise<void> {
    // The unit refused this page's site: no old copy (answers typed here could never be sent), the truth instead.
    this._offSite = state.failed && isOriginRefusal(state.error);
    if (this._offSite && (this._phase === 'loading' || this._phase === 'form')) {
      if (!this._step && !Object.keys(this.answers).length) this._phase = 'unavailable';
      return;
    }
    const form = state.data;
    if (form) {
      // A newer version replaces the copy shown only while the citizen has not started.
      const untouched = this._phase === 'loading' || this._phase === 'unavailable' || (this._phase === 'form' && !this._step && !Object.keys(this.answers).length);
      if (untouched && (form.id !== this._loaded?.id || form.version !== this._loaded?.version || this._phase !== 'form')) await this._adopt(form);
    } else if (state.failed && this._phase === 'loading') this._phase = 'unavailable';
  }

  private async _adopt(form: Questionnaire): Promise<void> {
    this._loaded = form;
    if (!(await this._checkClaim())) return;
    // The first step shows at once (a device's first IndexedDB opening can outlast the
    // questionnaire); a draft kept here then takes its place — it wins over answers the host
    // prefilled — unless the citizen has begun meanwhile (every answer, step or reset makes a new
    // answers object; a step needs answers).
    const prefilled = this.answers;
    this._begin({ id: newId(), answers: prefilled, step: 0 });
    const draft = await loadDraft<Draft>(this._draftKey);
    if (draft && this.answers === prefilled) this._begin(draft);
    if (this._step || Object.keys(this.answers).length) this._armIdle();
    // A response sent from here and delivered after the page was closed: its receipt, now — unless
    // the citizen has started another one (its draft is never put aside).
    if (!this._kiosk && this._phase === 'form' && !this._step && !Object.keys(this.answers).length) await this._submission.restore({ pending: false });
  }

  /** With a dossier token, the server's word on its claim before the first question (claim.ts). */
  private async _checkClaim(): Promise<boolean> {
    const [token, unit] = [this._context().token, this.resolvedUnit];
    const { claimed, refusal } = token && unit ? await checkDossierClaim(this.api(`units/${encodeURIComponent(unit)}/dossier-claims?token=${encodeURIComponent(token)}`)!) : { claimed: false };
    this._claimed = claimed;
    if (refusal) [this._notice, this._phase] = [refusal, 'refused'];
    return !refusal;
  }

  /** Starts a response: from a draft, or empty with a fresh id. */
  private _begin(draft?: Draft): void {
    this._responseId = draft?.id ?? newId();
    this.answers = draft?.answers ?? {};
    this._step = Math.min(draft?.step ?? 0, this._steps().length);
    this._issues = [];
    this._notice = undefined;
    this._receipt = undefined;
    this._honeypot = '';
    this._phase = 'form';
  }

  /**
   * Clears everything of the current citizen — answers, draft, receipt, the DOM of the form — and
   * starts an empty response. Kiosk mode calls it after the thank-you screen and when idle.
   */
  async reset(): Promise<void> {
    clearTimeout(this._resetTimer);
    clearTimeout(this._idleTimer);
    const key = this._draftKey;
    // Render without the form once, so that it is rebuilt from nothing: no checked radio survives a citizen.
    this._phase = 'loading';
    await this.updateComplete;
    this._begin();
    await Promise.all([clearDraft(key), this._submission.acknowledge()]);
    await this.updateComplete;
    if (this._kiosk) this.scrollIntoView({ block: 'start' });
  }

  /** For a host that cancelled `sipas-survey-submit` and sent the response itself. */
  showReceipt(receipt: SurveyReceipt): void {
    this._receipt = receipt;
    this._finish('submitted');
  }

  /** For a host that cancelled `sipas-survey-submit` and queued the response itself. */
  showQueued(): void {
    this._finish('queued');
  }

  private _steps(): Step[] {
    return stepsOf(this._loaded!, this._kiosk);
  }

  override render() {
    switch (this._phase) {
      case 'loading':
        return html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`;
      case 'unavailable':
        return html`<div class="notice" role="alert" part="notice">
          <p>${this._offSite ? originRefusedText() : msg('Chưa tải được phiếu khảo sát. Xin kiểm tra mạng rồi thử lại.', { id: 'survey.unavailable' })}</p>
          <button type="button" part="button" @click=${() => void this._load()}>${msg('Thử lại', { id: 'survey.retry' })}</button>
        </div>`;
      case 'refused':
        return refusedView(this._notice);
      case 'submitted':
      case 'queued':
        return doneView({
          queued: this._phase === 'queued',
          kept: this._kept,
          kiosk: this._kiosk,
          receipt: this._receipt,
          notice: this._notice,
          resetAfter: this.resetAfter,
          again: () => void this.reset(),
        });
      default:
        return this._renderForm();
    }
  }

  private _renderForm(): TemplateResult {
    const steps = this._steps();
    const single = this.layout === 'single';
    const review = !single && this._step >= steps.length;
    const items = steps.flatMap((step) => step.items);
    const errors = this._issues.map((issue) => {
      const item = items.find((candidate) => candidate.id === issue.item)!;
      return {
        field: issue.item,
        message: msg(str`Câu ${numberOf(steps, item)}: ${issueMessage(item, issue.code)}`, { id: 'survey.error-line' }),
      };
    });
    const heading = (title: string, index: number) =>
      html`<h3 class="step-title" tabindex="-1" part="progress">
        ${single ? nothing : html`<span class="count">${msg(str`Bước ${index + 1}/${steps.length}`, { id: 'survey.step' })} · </span>`}${title}
      </h3>`;
    // From the click on: the outbox is consulted before the request leaves, and a second click must not send again.
    const sending = this._phase === 'sending';
    const sendLabel = sending ? msg('Đang gửi…', { id: 'survey.sending' }) : msg('Gửi phiếu', { id: 'survey.send' });
    return html`<h2 part="title">${localized(this._loaded!.title)}</h2>
      ${this._step === 0 || single ? html`<slot></slot>` : nothing}
      ${this._claimed ? verifiedHint() : nothing}
      <form novalidate part="form" @submit=${this._onSubmit} @input=${this._onInput}>
        ${errorSummary(msg('Phiếu chưa đầy đủ', { id: 'survey.errors-title' }), errors, (id) => focusField(this.renderRoot as ShadowRoot, id))}
        ${this._notice ? refusedView(this._notice, true) : nothing}
        ${review
          ? reviewView(steps, this.answers, (step) => void this._go(step))
          : (single ? steps : [steps[this._step]!]).map(
              (step) => html`<section>
                ${heading(step.title, steps.indexOf(step))}
                ${steps.indexOf(step) === 0 || single
                  ? html`<p class="hint">${msg('Chọn một mức cho mỗi câu. Phiếu không ghi tên người trả lời.', { id: 'survey.hint' })}</p>`
                  : nothing}
                ${step.items.map((item) => itemView(steps, item, this.answers, this._issues.find((issue) => issue.item === item.id)))}
              </section>`,
            )}
        <div class="visually-hidden" aria-hidden="true">
          <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
        </div>
        <div class="nav">
          ${!single && this._step > 0
            ? html`<button type="button" class="secondary" part="button" @click=${() => this._go(this._step - 1)}>
                ${msg('Quay lại', { id: 'survey.back' })}
              </button>`
            : nothing}
          <button type="submit" part="button" ?disabled=${sending || ((single || review) && Boolean(this._notice))}>
            ${single || review ? sendLabel : msg('Tiếp tục', { id: 'survey.next' })}
          </button>
        </div>
      </form>`;
  }

  private _onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'website') {
      this._honeypot = input.value;
      return;
    }
    const item = this._steps()
      .flatMap((step) => step.items)
      .find((candidate) => candidate.id === input.name);
    if (!item) return;
    const value = answerOf(item, input, () =>
      [...this.renderRoot.querySelectorAll<HTMLInputElement>(`input[name="${item.id}"]:checked`)].map((box) => box.value),
    );
    const answers = { ...this.answers };
    if (value === undefined) delete answers[item.id];
    else answers[item.id] = value;
    this.answers = answers;
    // A refusal stays until an answer changes, and for good when no answer could change it.
    if (!this._notice?.final) this._notice = undefined;
    // A corrected answer loses its error at once; new errors only appear on the next submit.
    if (this._issues.some((issue) => issue.item === item.id) && !this._check([item]).length) {
      this._issues = this._issues.filter((issue) => issue.item !== item.id);
    }
    this._keepDraft();
  }

  private _keepDraft(): void {
    void saveDraft<Draft>(this._draftKey, { id: this._responseId, answers: this.answers, step: this._step });
  }

  private _check(items: Item[]): { item: string; code: AnswerIssueCode }[] {
    const ids = items.map((item) => item.id);
    return validateAnswers(this._loaded!, this.answers, { demographics: !this._kiosk, only: ids }).filter((issue) => ids.includes(issue.item));
  }

  private async _go(step: number): Promise<void> {
    this._step = step;
    this._issues = [];
    this._keepDraft();
    await this.updateComplete;
    const title = this.renderRoot.querySelector<HTMLElement>('.step-title');
    title?.scrollIntoView({ block: 'start' });
    title?.focus();
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._phase === 'sending') return;
    const steps = this._steps();
    const single = this.layout === 'single';
    if (!single && this._step < steps.length) {
      if (this._showIssues(this._check(steps[this._step]!.items))) return;
      await this._go(this._step + 1);
      return;
    }
    const issues = this._check(steps.flatMap((step) => step.items));
    if (issues.length && !single) {
      // From the review, take the citizen to the first step that needs an answer.
      await this._go(steps.findIndex((step) => step.items.some((item) => item.id === issues[0]!.item)));
      this._showIssues(this._check(steps[this._step]!.items));
      return;
    }
    if (this._showIssues(issues)) return;
    await this._send();
  }

  private _showIssues(issues: Issue[]): boolean {
    this._issues = issues;
    if (issues.length) void this.updateComplete.then(() => focusErrorSummary(this.renderRoot as ShadowRoot));
    return issues.length > 0;
  }

  private _context() {
    return contextOf(this, this._kiosk);
  }

  private _payload(): SurveyResponse {
    const known = this._steps().flatMap((step) => step.items.map((item) => item.id));
    return {
      id: this._responseId,
      unit: this.resolvedUnit ?? '',
      questionnaire: { id: this._loaded!.id, version: this._loaded!.version },
      answers: Object.fromEntries(Object.entries(this.answers).filter(([id]) => known.includes(id))),
      context: this._context(),
      submittedAt: new Date().toISOString(),
      ...(this._honeypot ? { website: this._honeypot } : {}),
    };
  }

  private async _send(): Promise<void> {
    const response = this._payload();
    if (!this.emit('sipas-survey-submit', { response }, { cancelable: true })) return;
    this._phase = 'sending';
    this._notice = undefined;
    await this._submission.send(this.api('surveys'), response, this.kioskKey ? { 'x-sipas-kiosk-key': this.kioskKey } : undefined);
  }

  private _delivered(response: SurveyResponse, receipt: SurveyReceipt, when: When): void {
    this._receipt = receipt;
    if (when === 'now') return this._finish('submitted', response);
    // Delivered after waiting: on the thank-you screen still open, or on the next visit.
    this._phase = 'submitted';
    this.emit('sipas-survey-submitted', { response, receipt });
  }

  private _queued(response: SurveyResponse, kept: Kept): void {
    this._kept = kept;
    this._finish('queued', response);
  }

  private _refused(response: SurveyResponse, refusal: Refusal, when: When): void {
    const { status, code } = refusal;
    const failed = (title: string) => this.emit('sipas-survey-failed', { response, status, ...(code ? { code } : {}), title });
    if (when === 'later') {
      this._notice = { title: `${refusedText()} ${refusal.title}` };
      failed(refusal.title);
      return;
    }
    const notice: Notice =
      code === 'origin_not_allowed'
        ? { title: originRefusedText(), final: true }
        : code === 'dossier_already_rated'
        ? dossierTaken()
        : status === 0 || status === 403
          ? { title: msg('Chưa gửi được: trang này chưa được cấu hình đúng. Xin báo cán bộ phường.', { id: 'survey.misconfigured' }), final: true }
          : { title: refusedText(), detail: refusal.detail ?? refusal.problem?.title };
    this._phase = 'form';
    this._notice = notice;
    failed(refusal.problem?.title ?? notice.title);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.refused')?.focus());
  }

  private _finish(phase: 'submitted' | 'queued', response?: SurveyResponse): void {
    this._phase = phase;
    void clearDraft(this._draftKey);
    if (response) {
      if (phase === 'submitted') this.emit('sipas-survey-submitted', { response, receipt: this._receipt! });
      else this.emit('sipas-survey-queued', { response });
    }
    clearTimeout(this._idleTimer);
    if (this._kiosk) this._resetTimer = setTimeout(() => void this.reset(), this.resetAfter * 1000);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done h2')?.focus());
  }

  /** Kiosk: wipe a half-filled form when the citizen walked away. */
  private _armIdle(): void {
    clearTimeout(this._idleTimer);
    if (!this._kiosk || this._phase !== 'form') return;
    this._idleTimer = setTimeout(() => {
      if (this._phase === 'form' && (this._step || Object.keys(this.answers).length || this._issues.length)) void this.reset();
    }, this.idleAfter * 1000);
  }
}
