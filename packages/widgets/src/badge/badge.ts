import { msg, str } from '@lit/localize';
import type { Results, TrendPoint } from '@sipas/schema';
import { formatPercent, formatScore } from '@sipas/schema/rules';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { CachedResource, type ResourceState } from '../shared/controllers/cached-resource.js';
import { SipasElement } from '../shared/element.js';
import { formatWhen } from '../shared/format.js';
import { isOriginRefusal } from '../shared/client.js';
import { getLocale, intlLocale, originRefusedText } from '../shared/localize.js';
import { styles } from './badge.styles.js';

type State = 'loading' | 'ready' | 'error';

/**
 * <sipas-badge>: the unit's published satisfaction results (SIPAS). Compact by default: the
 * index (88,55 %), the period, the number of responses and a link to details. With `expanded`:
 * the five factors as bars, the criteria table and the trend over the last four periods. Below
 * the unit's minimum number of responses it shows only the count and "chưa đủ dữ liệu".
 * The last figures are kept on the device (IndexedDB) and shown at once, also offline; space is reserved
 * so that nothing on the page moves when the data arrives.
 *
 * @fires sipas-badge-loaded - fresh results arrived; detail: `{ results, cached }` (`cached`: unchanged since the stored copy)
 * @fires sipas-badge-failed - the results could not be fetched; detail: `{ error, cached }` (`cached`: stored figures are shown)
 * @csspart badge - the whole card
 * @csspart title - "Chỉ số hài lòng"
 * @csspart value - the index, or "Chưa đủ dữ liệu"
 * @csspart meta - the period and the number of responses
 * @csspart link - the link to details
 * @csspart status - notices: stored figures, errors
 * @csspart score - the 30-point score (expanded)
 * @csspart factors - the list of factor bars (expanded)
 * @csspart bar - one factor's or period's bar (SVG)
 * @csspart criteria - the criteria table (expanded)
 * @csspart trend - the trend over the last four periods (expanded)
 * @cssprop --sipas-badge-bar-color - filled part of the bars (default: --sipas-color-primary)
 * @cssprop --sipas-badge-track-color - empty part of the bars
 * @cssprop --sipas-badge-value-size - size of the index figure (default 2.25em)
 * @cssprop --sipas-color-primary, --sipas-color-text, --sipas-color-muted, --sipas-color-surface, --sipas-color-surface-alt, --sipas-font-family, --sipas-radius, --sipas-space - the shared tokens
 * @slot - nothing: the badge renders only its own content
 */
export class SipasBadge extends SipasElement {
  static override styles = styles;

  static override properties = {
    ...SipasElement.properties,
    period: { type: String },
    expanded: { type: Boolean, reflect: true },
    detailsHref: { type: String, attribute: 'details-href' },
    state: { state: true },
    results: { state: true },
    savedAt: { state: true },
  };

  /** Reporting period: `2026-Q3`, `2026-H1`, `2026-9M`, `2026` or `2026-01-01..2026-02-15`; the current quarter when absent. */
  declare period: string | undefined;
  /** Show the factors, criteria and trend, not only the index. */
  declare expanded: boolean;
  /** Where "Xem chi tiết" leads (e.g. the page with the expanded badge); no link when absent. */
  declare detailsHref: string | undefined;
  declare protected state: State;
  /** The unit refused this page's site: say so instead of "try again later". */
  declare private offSite: boolean | undefined;
  declare protected results: Results | undefined;
  /** When the shown figures were stored, if they are not fresh from the server. */
  declare protected savedAt: string | undefined;

  private loadedKey: string | undefined;
  private readonly onOnline = () => void this.load();
  private readonly figures = new CachedResource<Results>(this, { onChange: (state) => this.figuresChanged(state) });

  constructor() {
    super();
    this.period = undefined;
    this.expanded = false;
    this.detailsHref = undefined;
    this.state = 'loading';
    this.results = undefined;
    this.savedAt = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
  }

  private get path(): string | undefined {
    const unit = this.resolvedUnit;
    return unit ? `units/${encodeURIComponent(unit)}/results${this.period ? `?period=${encodeURIComponent(this.period)}` : ''}` : undefined;
  }

  protected override willUpdate(): void {
    const path = this.path;
    const url = path && this.api(path);
    if (url && url !== this.loadedKey) {
      this.loadedKey = url;
      this.results = undefined;
      this.savedAt = undefined;
      this.state = 'loading';
      void this.load();
    }
  }

  /** Fetches the results again; the stored figures show at once meanwhile (revalidated with their ETag). */
  async load(): Promise<void> {
    if (this.loadedKey) await this.figures.load(this.loadedKey, { keepData: true });
  }

  private figuresChanged(state: ResourceState<Results>): void {
    this.results = state.data;
    if (state.failed) {
      this.offSite = isOriginRefusal(state.error);
      this.state = this.results ? 'ready' : 'error';
      this.emit('sipas-badge-failed', { error: state.error, cached: Boolean(this.results) });
    } else if (state.fresh && state.data) {
      this.savedAt = undefined;
      this.state = 'ready';
      this.emit('sipas-badge-loaded', { results: state.data, cached: state.notModified });
    } else {
      // The stored copy, until the server confirms it.
      this.savedAt = state.checkedAt;
      this.state = 'ready';
    }
  }

  private pct(rate: number | null | undefined): string {
    return rate === null || rate === undefined ? '–' : formatPercent(rate, intlLocale(), this.results?.rounding);
  }

  private label(text: { vi: string; en?: string } | undefined, fallback: string): string {
    return (getLocale() === 'en' ? text?.en : undefined) ?? text?.vi ?? fallback;
  }

  private bar(rate: number | null | undefined): TemplateResult {
    const width = rate === null || rate === undefined ? 0 : Math.max(0, Math.min(100, rate * 100));
    return html`<svg part="bar" class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      ${svg`<rect class="track" width="100" height="10" rx="2"></rect><rect class="fill" width=${width} height="10" rx="2"></rect>`}
    </svg>`;
  }

  override render() {
    const title = msg('Chỉ số hài lòng', { id: 'badge.title' });
    const r = this.results;
    if (!r) {
      const failed = this.state === 'error';
      // The same lines as the loaded card, so the card keeps its size when the figures come.
      return html`<section part="badge" class="card" aria-busy=${failed ? 'false' : 'true'}>
        <p part="title" class="title">${title}</p>
        <p part="value" class="value placeholder">${failed ? '–' : '\u2007\u2007,\u2007\u2007 %'}</p>
        <p part="meta" class="meta">${failed ? nothing : msg('Đang tải…', { id: 'common.loading' })}</p>
        ${failed
          ? html`<p part="status" class="status" role="status">
              ${this.offSite ? originRefusedText() : msg('Chưa tải được kết quả. Vui lòng thử lại sau.', { id: 'badge.failed' })}
              <button type="button" class="secondary" @click=${() => void this.load()}>${msg('Thử lại', { id: 'badge.retry' })}</button>
            </p>`
          : html`<p class="link-line">&nbsp;</p>`}
      </section>`;
    }
    const period = this.label(r.period.label, r.period.id);
    const forms = new Intl.NumberFormat(intlLocale()).format(r.forms);
    const value = r.published ? this.pct(r.index) : msg('Chưa đủ dữ liệu', { id: 'badge.insufficient' });
    return html`<section part="badge" class="card" aria-label=${`${title}, ${period}`}>
      <p part="title" class="title">${title}</p>
      <p part="value" class="value ${r.published ? '' : 'insufficient'}">${value}</p>
      <p part="meta" class="meta">${period} · ${msg(str`${forms} phiếu khảo sát`, { id: 'badge.forms' })}</p>
      ${r.published
        ? nothing
        : html`<p class="hint">${msg(str`Kết quả được công bố khi có từ ${r.minimumForms} phiếu trở lên.`, { id: 'badge.minimum' })}</p>`}
      ${this.savedAt
        ? html`<p part="status" class="status" role="status">
            ${msg(str`Số liệu đã lưu lúc ${formatWhen(this.savedAt, 'dateTime')}; chưa cập nhật được.`, {
              id: 'badge.stale',
            })}
          </p>`
        : nothing}
      ${this.expanded ? this.renderDetails(r) : nothing}
      <p class="link-line">
        ${this.detailsHref && !this.expanded
          ? html`<a part="link" href=${this.detailsHref}>${msg('Xem chi tiết', { id: 'badge.details' })}<span class="visually-hidden">: ${title}, ${period}</span></a>`
          : html`&nbsp;`}
      </p>
    </section>`;
  }

  private renderDetails(r: Results): TemplateResult {
    const trend = html`<h3>${msg('Bốn kỳ gần nhất', { id: 'badge.trend' })}</h3>
      <ol part="trend" class="trend">
        ${r.trend.map(
          (t: TrendPoint) => html`<li>
            <span class="trend-label">${this.label(t.label, t.period)}</span>
            ${this.bar(t.published ? t.index : null)}
            <span class="trend-value">${t.published ? this.pct(t.index) : msg('Chưa đủ dữ liệu', { id: 'badge.insufficient' })}</span>
          </li>`,
        )}
      </ol>`;
    if (!r.published || !r.factors) return trend;
    return html`
      ${r.score
        ? html`<p part="score" class="score">
            ${msg(str`Điểm: ${formatScore(r.score.total, intlLocale())}/${r.score.max}`, { id: 'badge.score' })}
          </p>`
        : nothing}
      <h3>${msg('Theo yếu tố', { id: 'badge.factors' })}</h3>
      <ul part="factors" class="factors">
        ${r.factors.map(
          (f) => html`<li>
            <span class="factor-name">${this.label(f.title, f.factor)}</span>
            ${this.bar(f.rate)}
            <span class="factor-value">${f.rate === null ? msg('Không có ý kiến', { id: 'badge.noAnswers' }) : this.pct(f.rate)}</span>
          </li>`,
        )}
      </ul>
      <table part="criteria">
          <caption>${msg('Theo tiêu chí', { id: 'badge.criteria' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Tiêu chí', { id: 'badge.criterion' })}</th>
              <th scope="col" class="n">${msg('Ý kiến', { id: 'badge.answers' })}</th>
              <th scope="col" class="n">${msg('Hài lòng', { id: 'badge.satisfied' })}</th>
            </tr>
          </thead>
          <tbody>
            ${(r.criteria ?? []).map(
              (c) => html`<tr>
                <th scope="row">${this.label(c.text, c.item)}</th>
                <td class="n">${c.valid}</td>
                <td class="n">${this.pct(c.rate)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      ${trend}
    `;
  }
}
