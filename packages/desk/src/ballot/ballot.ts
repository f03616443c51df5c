import { msg, str } from '@lit/localize';
import { parseCheckpointText, parseSignedNote, toHex, type BallotOpening, type BallotOpeningList, type BallotOpeningRequest, type LogKey, type WitnessRole } from '@sipas/schema';
import { html, nothing } from 'lit';
import { quarterStartDate, vietnamDate } from '@sipas/schema/rules';
import { HttpError, requestJson } from '@sipas/widgets/shared/client.js';
import { formatWhen } from '@sipas/widgets/shared/format.js';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { intlLocale } from '@sipas/widgets/shared/localize.js';
import { witnessRoleLabel, type SipasDeskMinutes } from '../minutes/minutes.js';
import { DeskPanel } from '../shared/panel.js';
import { ballotStyles, printPageStyles } from './ballot.styles.js';
import { printCopy } from '../shared/print.js';

/** The four parties seed 001 names as witnesses of an opening. */
const ROLES: WitnessRole[] = ['counter-head', 'survey-team', 'mttq', 'veterans'];

/** First day of the current quarter, Vietnam time: the usual period of an opening. */
const quarterStart = () => quarterStartDate();
const today = () => vietnamDate();

/**
 * <sipas-desk-ballot>: the desk tab for the digital sealed ballot box. Shows the box's current
 * signed checkpoint and key, opens it for a period before named witnesses (recorded by the
 * server), shows and prints the minutes, lists past openings, and downloads the export a
 * supervisor audits.
 */
export class SipasDeskBallot extends DeskPanel {
  static override styles = ballotStyles;

  static override properties = {
    ...DeskPanel.properties,
    key: { state: true },
    size: { state: true },
    root: { state: true },
    opening: { state: true },
    openings: { state: true },
    errors: { state: true },
    busy: { state: true },
    failure: { state: true },
  };

  declare key: LogKey | undefined;
  declare size: number | undefined;
  declare root: string | undefined;
  declare opening: BallotOpening | undefined;
  declare openings: BallotOpening[];
  declare errors: FieldError[];
  declare busy: boolean;
  declare failure: string | undefined;

  constructor() {
    super();
    this.key = undefined;
    this.size = undefined;
    this.root = undefined;
    this.opening = undefined;
    this.openings = [];
    this.errors = [];
    this.busy = false;
    this.failure = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get unitId(): string | undefined {
    return this.staff?.unit ?? this.resolvedUnit;
  }

  private async load(): Promise<void> {
    const unit = this.unitId;
    if (!unit || !this.token) return;
    try {
      const key = await requestJson<LogKey>(this.api(`units/${unit}/log/key`)!);
      this.key = key.data;
      const note = await fetch(this.api(`units/${unit}/log/checkpoint`)!).then((r) => r.text());
      const checkpoint = parseCheckpointText(parseSignedNote(note).text);
      this.size = checkpoint.size;
      this.root = toHex(checkpoint.root);
      const list = await this.staffRequest<BallotOpeningList>(`staff/units/${unit}/log/openings`);
      this.openings = list.data?.openings ?? [];
    } catch (error) {
      this.failure = error instanceof HttpError && error.problem ? error.problem.title : msg('Không tải được thông tin hòm phiếu.', { id: 'ballot.loadFailed' });
    }
  }

  private async open(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const errors: FieldError[] = [];
    const from = text('from');
    const to = text('to');
    if (!from) errors.push({ field: 'from', message: msg('Chọn ngày bắt đầu kỳ', { id: 'ballot.fromRequired' }) });
    if (!to) errors.push({ field: 'to', message: msg('Chọn ngày kết thúc kỳ', { id: 'ballot.toRequired' }) });
    if (from && to && from > to) errors.push({ field: 'from', message: msg('Ngày bắt đầu phải trước ngày kết thúc', { id: 'ballot.fromAfterTo' }) });
    const witnesses = ROLES.map((role) => ({ role, name: text(`witness-${role}`), title: text(`title-${role}`) }))
      .filter((w) => w.name !== '')
      .map(({ title, ...w }) => (title ? { ...w, title } : w));
    if (witnesses.length === 0) {
      errors.push({ field: 'witness-counter-head', message: msg('Ghi tên ít nhất một người chứng kiến', { id: 'ballot.witnessRequired' }) });
    }
    this.errors = errors;
    if (errors.length > 0) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    const body: BallotOpeningRequest = {
      from,
      to,
      witnesses,
      ...(text('place') ? { place: text('place') } : {}),
      ...(text('notes') ? { notes: text('notes') } : {}),
    };
    this.busy = true;
    try {
      const response = await this.staffRequest<BallotOpening>(`staff/units/${this.unitId}/log/openings`, { method: 'POST', body });
      this.opening = response.data;
      this.openings = [this.opening!, ...this.openings];
      this.size = this.opening!.checkpoint.size;
      this.root = this.opening!.checkpoint.root;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#minutes-heading')?.focus();
    } catch (error) {
      this.errors = [
        {
          field: 'from',
          message: error instanceof HttpError && error.problem ? error.problem.title : msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'ballot.networkError' }),
        },
      ];
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
    } finally {
      this.busy = false;
    }
  }

  private print(): void {
    if (!this.opening) return;
    printCopy<SipasDeskMinutes>('sipas-desk-minutes', printPageStyles, { opening: this.opening });
  }

  private fieldError(id: string) {
    const error = this.errors.find((e) => e.field === id);
    return error ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : nothing;
  }

  private field(id: string, label: string, type: string, value = '') {
    const invalid = this.errors.some((e) => e.field === id);
    return html`<label for=${id}>${label}</label>${this.fieldError(id)}
      <input id=${id} name=${id} type=${type} .value=${value} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${id}-error` : nothing} />`;
  }

  private renderStatus() {
    if (this.failure) return html`<p class="status" role="alert">${this.failure}</p>`;
    if (this.size === undefined || !this.key) return html`<p class="status">${msg('Đang tải…', { id: 'ballot.loading' })}</p>`;
    const size = new Intl.NumberFormat(intlLocale()).format(this.size);
    return html`<div class="status">
      <p><strong>${msg(str`Trong hòm hiện có ${size} phiếu.`, { id: 'ballot.currentSize' })}</strong></p>
      <p>${msg('Mã gốc (root):', { id: 'ballot.root' })} <span class="mono">${this.root}</span></p>
      <p>${msg('Khoá công khai:', { id: 'ballot.publicKey' })} <span class="mono">${this.key.verifierKey}</span></p>
    </div>`;
  }

  override render() {
    return html`<h2>${msg('Hòm phiếu điện tử', { id: 'ballot.title' })}</h2>
      <p>
        ${msg(
          'Mỗi phiếu khảo sát được niêm phong vào hòm ngay khi nhận. Mở hòm trước người chứng kiến để ký điểm kiểm tra, đếm phiếu trong kỳ và in biên bản.',
          { id: 'ballot.intro' },
        )}
      </p>
      ${this.renderStatus()}

      <form novalidate @submit=${this.open}>
        ${errorSummary(msg('Chưa mở được hòm phiếu', { id: 'ballot.errorTitle' }), this.errors, (field) => focusField(this.shadowRoot, field))}
        <fieldset>
          <legend>${msg('Kỳ mở hòm phiếu', { id: 'ballot.period' })}</legend>
          <div class="row">
            <div>${this.field('from', msg('Từ ngày', { id: 'ballot.from' }), 'date', quarterStart())}</div>
            <div>${this.field('to', msg('Đến ngày', { id: 'ballot.to' }), 'date', today())}</div>
            <div>${this.field('place', msg('Địa điểm (ghi trên biên bản)', { id: 'ballot.place' }), 'text')}</div>
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('Người chứng kiến', { id: 'ballot.witnesses' })}</legend>
          ${ROLES.map(
            (role) => html`<div class="row">
              <div>${this.field(`witness-${role}`, `${witnessRoleLabel(role)} — ${msg('họ và tên', { id: 'ballot.fullName' })}`, 'text')}</div>
              <div>${this.field(`title-${role}`, msg('Chức vụ (không bắt buộc)', { id: 'ballot.titleOptional' }), 'text')}</div>
            </div>`,
          )}
        </fieldset>
        <label for="notes">${msg('Ý kiến khác (không bắt buộc)', { id: 'ballot.notes' })}</label>
        <textarea id="notes" name="notes" rows="2"></textarea>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Mở hòm phiếu và lập biên bản', { id: 'ballot.openButton' })}</button>
          <button type="button" class="secondary" @click=${() => this.download(`staff/units/${this.unitId}/log/export`, `hom-phieu-${this.unitId}.jsonl`)}>
            ${msg('Tải tệp xuất để giám sát viên kiểm tra', { id: 'ballot.export' })}
          </button>
        </div>
      </form>

      ${this.opening
        ? html`<h3 id="minutes-heading" tabindex="-1">${msg(str`Biên bản số ${this.opening.number}`, { id: 'ballot.minutesHeading' })}</h3>
            <div class="actions">
              <button type="button" @click=${this.print}>${msg('In biên bản (A4)', { id: 'ballot.print' })}</button>
            </div>
            <div class="preview"><sipas-desk-minutes .opening=${this.opening} heading-level="4"></sipas-desk-minutes></div>`
        : nothing}
      ${this.openings.length > 0
        ? html`<h3>${msg('Các lần mở hòm phiếu', { id: 'ballot.history' })}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">${msg('Số', { id: 'ballot.col.number' })}</th>
                  <th scope="col">${msg('Thời điểm mở', { id: 'ballot.col.openedAt' })}</th>
                  <th scope="col">${msg('Kỳ', { id: 'ballot.col.period' })}</th>
                  <th scope="col">${msg('Phiếu trong kỳ', { id: 'ballot.col.count' })}</th>
                  <th scope="col">${msg('Người mở', { id: 'ballot.col.openedBy' })}</th>
                  <td></td>
                </tr>
              </thead>
              <tbody>
                ${this.openings.map(
                  (o) => html`<tr>
                    <td data-label=${msg('Số', { id: 'ballot.col.number' })}>${o.number}</td>
                    <td data-label=${msg('Thời điểm mở', { id: 'ballot.col.openedAt' })}>${formatWhen(o.openedAt, 'dateTime')}</td>
                    <td data-label=${msg('Kỳ', { id: 'ballot.col.period' })}>${o.from} – ${o.to}</td>
                    <td data-label=${msg('Phiếu trong kỳ', { id: 'ballot.col.count' })}>${new Intl.NumberFormat(intlLocale()).format(o.responsesInPeriod)}</td>
                    <td data-label=${msg('Người mở', { id: 'ballot.col.openedBy' })}>${o.openedBy.name}</td>
                    <td><button type="button" class="secondary" @click=${() => (this.opening = o)}>${msg('Xem, in lại', { id: 'ballot.reprint' })}</button></td>
                  </tr>`,
                )}
              </tbody>
            </table>`
        : nothing}`;
  }
}

/** Adds the tab to the desk. A call, not an import side effect: the package is sideEffects-free. */
