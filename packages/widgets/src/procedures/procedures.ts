import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Procedure, ProcedureCatalogue, ProcedureList, ProcedureSummary, SubmissionChannel } from '@sipas/schema';
import { summarize } from '@sipas/schema/rules';
import { CachedResource, type ResourceState } from '../shared/controllers/cached-resource.js';
import { isOriginRefusal } from '../shared/client.js';
import { SipasElement } from '../shared/element.js';
import { formatWhen } from '../shared/format.js';
import { originRefusedText } from '../shared/localize.js';
import { highlights, levelsOf, ProcedureIndex, type Found, type Indexed } from './search.js';
import { styles } from './procedures.styles.js';

export type { ProcedureOpenedDetail, ProceduresLoadedDetail, ProceduresSearchedDetail } from '../shared/events.js';

type Status = 'loading' | 'ready' | 'error';

/** A level (cấp thực hiện) in the page's language; a level the national list does not have, as the data says it. */
const levelName = (level: string): string =>
  ({
    'Cấp xã': msg('Cấp xã', { id: 'procedures.level.commune' }),
    'Cấp tỉnh': msg('Cấp tỉnh', { id: 'procedures.level.province' }),
    'Cấp bộ': msg('Cấp bộ', { id: 'procedures.level.ministry' }),
    'Cơ quan khác': msg('Cơ quan khác', { id: 'procedures.level.other' }),
  })[level] ?? level;
type Data = ProcedureList | ProcedureCatalogue;

/** URL parameters of the deep links: ?tthc=1.001193&tim=khai+sinh&linhvuc=Hộ+tịch&cap=Cấp+xã&tructuyen=1 */
const P = { code: 'tthc', query: 'tim', field: 'linhvuc', level: 'cap', online: 'tructuyen' } as const;

/**
 * `<sipas-procedures>`: the unit's administrative procedures (TTHC), searchable as you type
 * without diacritics, with each procedure's documents, ways to submit, time limits, fees, steps
 * and legal basis. Reads the endpoint (`GET /v1/units/:unit/procedures`) or a static JSON file
 * (`src`); keeps the last catalogue in IndexedDB, shows it at once on a revisit and offline, and
 * revalidates it with its ETag. The page URL follows the search and the open procedure
 * (`?tim=…&tthc=…`), so links go straight to a procedure and the back button works.
 *
 * @fires sipas-procedures-loaded - A catalogue is shown: `{ count, source, fresh }`.
 * @fires sipas-procedures-searched - Results of a query are rendered: `{ query, count }`.
 * @fires sipas-procedure-opened - A procedure's detail is opened: `{ code, name }`.
 * @csspart search - The search form (query and filters).
 * @csspart status - The result count, announced to screen readers.
 * @csspart list - The list of results.
 * @csspart item - One result (a link).
 * @csspart mark - A highlighted match in a result's name.
 * @csspart detail - The detail of one procedure.
 * @csspart checklist - The documents checklist (printable).
 * @csspart notice - The notice shown when the catalogue may be out of date (offline).
 * @cssprop --sipas-color-primary - Links, buttons, highlights' underline.
 * @cssprop --sipas-color-mark - Background of highlighted matches (default #fff3b0).
 * @cssprop --sipas-color-surface-alt - Background of notices and detail boxes.
 * @cssprop --sipas-touch-target - Minimum height of controls and results.
 */
export class SipasProcedures extends SipasElement {
  static override styles = styles;

  static override properties = {
    ...SipasElement.properties,
    src: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    surveyUrl: { type: String, attribute: 'survey-url' },
    feedbackUrl: { type: String, attribute: 'feedback-url' },
    noHistory: { type: Boolean, attribute: 'no-history' },
    query: { type: String },
    code: { type: String },
    field: { type: String },
    level: { type: String },
    online: { type: Boolean },
    _status: { state: true },
    _data: { state: true },
    _fresh: { state: true },
    _checkedAt: { state: true },
    _shown: { state: true },
    _detail: { state: true },
    _detailFailed: { state: true },
    _announce: { state: true },
  };

  /** A static JSON catalogue (`{ "procedures": [Procedure…] }`) to read instead of the endpoint. */
  declare src: string | undefined;
  /** Results shown at once (10: more than a phone's screen holds, little to redraw at each keystroke); "Xem thêm" shows as many more. */
  declare pageSize: number;
  /** The survey page; the rate link opens it with `?procedure=CODE`. No link when unset. */
  declare surveyUrl: string | undefined;
  /** The feedback (PAKN) page; the feedback link opens it with `?procedure=CODE`. No link when unset. */
  declare feedbackUrl: string | undefined;
  /** Do not read or write the page URL (several catalogues on one page). */
  declare noHistory: boolean;
  /** The search text. */
  declare query: string;
  /** Code of the open procedure, if any. */
  declare code: string | undefined;
  /** Filter: field (lĩnh vực), exactly as in the data; empty for all. */
  declare field: string;
  /** Filter: level (cấp thực hiện), e.g. "Cấp xã"; empty for all. */
  declare level: string;
  /** Filter: only procedures that can be submitted online. */
  declare online: boolean;

  declare private _status: Status;
  declare private _data: Data | undefined;
  declare private _fresh: boolean;
  declare private _checkedAt: string | undefined;
  declare private _shown: number;
  declare private _detail: Procedure | undefined;
  declare private _detailFailed: boolean;
  declare private _announce: string;

  private index = new ProcedureIndex([]);
  private fields: string[] = [];
  private levels: string[] = [];
  /** The results and the folded terms to highlight in their names (the query's words, or what a typo stood for). */
  private found: Found = { results: [], terms: [] };
  /** The catalogue's date as shown ("16/12/2026"), or empty. */
  private updatedOn = '';
  private details = new Map<string, Procedure>();
  private pushed = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private loadedKey = '';
  private readonly catalogue = new CachedResource<Data>(this, { onChange: (state) => this.catalogueChanged(state) });
  private readonly detailResource = new CachedResource<Procedure>(this, { onChange: (state) => this.detailChanged(state) });
  /** The code whose detail `detailResource` is loading. */
  private detailCode: string | undefined;

  constructor() {
    super();
    this.pageSize = 10;
    this.noHistory = false;
    this.query = '';
    this.field = '';
    this.level = '';
    this.online = false;
    this._status = 'loading';
    this._fresh = true;
    this._shown = 0;
    this._detailFailed = false;
    this._announce = '';
  }

  private readonly onPopState = () => {
    this.readUrl();
    this.pushed = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.noHistory) {
      this.readUrl();
      addEventListener('popstate', this.onPopState);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    clearTimeout(this.announceTimer);
  }

  private readUrl(): void {
    const params = new URLSearchParams(location.search);
    this.query = params.get(P.query) ?? '';
    this.field = params.get(P.field) ?? '';
    this.level = params.get(P.level) ?? '';
    this.online = params.get(P.online) === '1';
    this.code = params.get(P.code) ?? undefined;
  }

  /** The page URL for the current search and `code`, as its address with the query and, apart, its fragment. */
  private urlFor(code?: string): [string, string] {
    // Read from `location` (already parsed): the result links are rebuilt at every keystroke, and a `new URL` each time is not free.
    const params = new URLSearchParams(location.search);
    const set = (name: string, value: string | undefined) => (value ? params.set(name, value) : params.delete(name));
    set(P.query, this.query.trim());
    set(P.field, this.field);
    set(P.level, this.level);
    set(P.online, this.online ? '1' : undefined);
    set(P.code, code);
    const search = `${params}`;
    return [location.href.split(/[?#]/)[0] + (search && `?${search}`), location.hash];
  }

  /** The catalogue's URL: the static file, else the endpoint's list for the unit. */
  private get catalogueUrl(): string | undefined {
    if (this.src) return new URL(this.src, document.baseURI).href;
    const list = this.api(`units/${encodeURIComponent(this.resolvedUnit ?? '')}/procedures`);
    return list && this.resolvedUnit ? list : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this._status === 'ready') this.computeResults();
    const key = this.catalogueUrl ?? '';
    if (key !== this.loadedKey && this.isConnected) {
      this.loadedKey = key;
      if (key) void this.catalogue.load(key);
      else this._status = 'error';
    }
    if (changed.has('code')) {
      this._detail = this.code ? this.details.get(this.code) : undefined;
      this._detailFailed = false;
      if (this.code && !this._detail) void this.loadDetail(this.code);
    }
  }

  /** The kept copy is shown at once, then what the server says (offline: the copy stays, marked old). */
  private catalogueChanged(state: ResourceState<Data>): void {
    if (!state.failed && state.data) return this.show(state.data, state.checkedAt ?? new Date().toISOString(), state.source ?? 'network', true);
    this._fresh = false;
    // A refused site is told so, not shown an old copy as if the network were down.
    this.offSite = isOriginRefusal(state.error);
    if (state.data && !this.offSite) this.emit('sipas-procedures-loaded', { count: this.index.entries.length, source: 'cache', fresh: false });
    else this._status = 'error';
  }

  private show(data: Data, checkedAt: string, source: 'cache' | 'network', fresh: boolean): void {
    const changed = data !== this._data;
    this._data = data;
    this._checkedAt = checkedAt;
    this._fresh = fresh;
    this._status = 'ready';
    if (changed) {
      this.details.clear();
      const list = (data.procedures as (Procedure | ProcedureSummary)[]).map((p) => {
        if ('steps' in p) this.details.set(p.code, p);
        return summarize(p);
      });
      this.index = new ProcedureIndex(list);
      // Formatted once: an Intl formatter is costly to make, and the list re-renders at every keystroke.
      this.updatedOn = data.updatedAt ? formatWhen(data.updatedAt) : '';
      this.fields = [...new Set(list.map((p) => p.field))].sort(new Intl.Collator('vi').compare);
      this.levels = [...new Set(list.flatMap((p) => levelsOf(p.level)))].sort();
      if (this.code && !this._detail) {
        this._detail = this.details.get(this.code);
        if (this._detail) this._detailFailed = false;
        else if (this.src) this._detailFailed = true;
        else void this.loadDetail(this.code);
      }
    }
    this.emit('sipas-procedures-loaded', { count: this.index.entries.length, source, fresh });
  }

  private async loadDetail(code: string): Promise<void> {
    if (this.src) {
      if (this._data) this._detailFailed = !this.details.has(code);
      return;
    }
    const url = this.api(`units/${encodeURIComponent(this.resolvedUnit ?? '')}/procedures/${encodeURIComponent(code)}`);
    if (!url) return;
    this.detailCode = code;
    await this.detailResource.load(url);
  }

  private detailChanged(state: ResourceState<Procedure>): void {
    const code = this.detailCode;
    if (!code) return;
    if (state.data) {
      this.details.set(code, state.data);
      if (this.code === code) this._detail = state.data;
    } else if (state.failed && this.code === code && !this._detail) this._detailFailed = true;
  }

  /** The results; the index answers the same words and filters with the same object, so a new one means a new search. */
  private computeResults(): void {
    const found = this.index.search(this.query, { field: this.field, level: this.level, online: this.online });
    if (found !== this.found) {
      this.found = found;
      this._shown = this.pageSize;
      clearTimeout(this.announceTimer);
      // Announce the count once typing pauses, not at every keystroke.
      this.announceTimer = setTimeout(() => (this._announce = this.countText(this.found.results.length)), 700);
    }
  }

  private countText(n: number): string {
    return n === 0
      ? msg('Không tìm thấy thủ tục nào', { id: 'procedures.none' })
      : msg(str`Tìm thấy ${n} thủ tục`, { id: 'procedures.found' });
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('code') as string | undefined;
    if (previous && !this.code) {
      // Back to the list (button or browser): focus the procedure that was open.
      (this.renderRoot.querySelector<HTMLElement>(`a[data-code="${CSS.escape(previous)}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#q'))?.focus();
    }
    if (this._status === 'ready' && !this.code && (changed.has('query') || changed.has('field') || changed.has('level') || changed.has('online') || changed.has('_data'))) {
      this.emit('sipas-procedures-searched', { query: this.query, count: this.found.results.length });
    }
  }

  private filter(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const name = target.name as 'query' | 'field' | 'level' | 'online';
    if (name === 'online') this.online = (target as HTMLInputElement).checked;
    else this[name] = target.value;
    this.replaceUrl();
  }

  private replaceUrl(): void {
    if (!this.noHistory) history.replaceState(history.state, '', this.urlFor().join(''));
  }

  private clearFilters(): void {
    this.field = this.level = '';
    this.online = false;
    this.replaceUrl();
  }

  /** Opens a procedure, as a new history entry (so the back button closes it). */
  open(code: string): void {
    if (!this.noHistory) {
      history.pushState({ sipasProcedure: code }, '', this.urlFor(code).join(''));
      this.pushed = true;
    }
    this.code = code;
    const entry = this.index.entries.find((e) => e.p.code === code);
    this.emit('sipas-procedure-opened', { code, name: entry?.p.name ?? this._detail?.name ?? code });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
  }

  /** Back to the list, keeping the search. */
  close(): void {
    if (this.pushed) history.back();
    else {
      this.replaceUrl();
      this.code = undefined;
    }
    this.pushed = false;
  }

  private link(base: string | undefined, code: string): string | undefined {
    if (!base) return undefined;
    const url = new URL(base, document.baseURI);
    url.searchParams.set('procedure', code);
    return url.href;
  }

  /** The unit refused this page's site: say so instead of blaming the network. */
  declare private offSite: boolean | undefined;

  override render() {
    if (this._status === 'loading') return html`<p role="status">${msg('Đang tải danh mục thủ tục…', { id: 'procedures.loading' })}</p>`;
    if (this._status === 'error') {
      return html`<div class="notice" role="alert" part="notice">
        <p>${this.offSite ? originRefusedText() : msg('Chưa tải được danh mục thủ tục. Vui lòng kiểm tra kết nối mạng rồi thử lại.', { id: 'procedures.error' })}</p>
        <button type="button" @click=${() => ((this.loadedKey = ''), (this._status = 'loading'))}>${msg('Thử lại', { id: 'procedures.retry' })}</button>
      </div>`;
    }
    return html`${this._fresh
      ? nothing
      : html`<p class="notice" part="notice" role="status">
          ${msg(str`Không kết nối được máy chủ. Đang hiển thị danh mục đã lưu, cập nhật lúc ${formatWhen(this._checkedAt!, 'dateTime')}.`, {
            id: 'procedures.stale',
          })}
        </p>`}
    ${this.code ? this.renderDetail() : this.renderList()}`;
  }

  private renderList(): TemplateResult {
    const results = this.found.results;
    const { fields, levels } = this;
    const filtered = this.field || this.level || this.online;
    const option = (value: string, selected: string, label = value) => html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    // The results' links: the list's URL, built once, with each code. A result's details in one text
    // node, not three: fewer boxes to lay out again at each keystroke.
    const [listUrl, hash] = this.urlFor();
    const before = `${listUrl}${listUrl.includes('?') ? '&' : '?'}${P.code}=`;
    return html`<form part="search" role="search" @submit=${(e: Event) => e.preventDefault()} @input=${this.filter}>
        <label for="q">${msg('Tìm thủ tục (có dấu hoặc không dấu)', { id: 'procedures.searchLabel' })}</label>
        <input id="q" name="query" type="search" autocomplete="off" .value=${this.query} placeholder=${msg('Ví dụ: khai sinh, chứng thực', { id: 'procedures.placeholder' })} />
        <div class="filters">
          <label>${msg('Lĩnh vực', { id: 'procedures.field' })}
            <select name="field" .value=${this.field}><option value="" ?selected=${!this.field}>${msg('Tất cả', { id: 'procedures.all' })}</option>${fields.map((f) => option(f, this.field))}</select>
          </label>
          ${levels.length > 1
            ? html`<label>${msg('Cấp thực hiện', { id: 'procedures.level' })}
                <select name="level" .value=${this.level}><option value="" ?selected=${!this.level}>${msg('Tất cả', { id: 'procedures.all' })}</option>${levels.map((l) => option(l, this.level, levelName(l)))}</select>
              </label>`
            : nothing}
          <label class="check"><input type="checkbox" name="online" .checked=${this.online} />${msg('Có nộp trực tuyến', { id: 'procedures.onlineOnly' })}</label>
        </div>
      </form>
      <p class="count" part="status">${this.countText(results.length)}</p>
      <p class="visually-hidden" aria-live="polite">${this._announce}</p>
      ${results.length === 0
        ? html`<div class="notice" part="notice">
            <p>${msg('Hãy thử gõ ít từ hơn, kiểm tra chính tả, hoặc tìm theo mã thủ tục.', { id: 'procedures.help' })}</p>
            ${filtered
              ? html`<button type="button" class="secondary" @click=${this.clearFilters}>${msg('Bỏ lọc', { id: 'procedures.clear' })}</button>`
              : nothing}
          </div>`
        : html`<ul part="list" @click=${this.openClicked}>
            ${results.slice(0, this._shown).map(
              (e) => html`<li>
                <a part="item" href=${before + encodeURIComponent(e.p.code) + hash} data-code=${e.p.code}>${this.mark(e, this.found.terms)}</a>
                <span class="meta">${`${e.p.field} · ${e.p.code}`}${e.p.online ? html` · <strong>${msg('Trực tuyến', { id: 'procedures.online' })}</strong>` : nothing}</span>
              </li>`,
            )}
          </ul>
          ${results.length > this._shown
            ? html`<button type="button" class="secondary" @click=${this.showMore}>
                ${msg(str`Xem thêm (còn ${results.length - this._shown})`, { id: 'procedures.more' })}
              </button>`
            : nothing}`}
      ${this.updatedOn ? html`<p class="meta">${msg(str`Danh mục cập nhật ngày ${this.updatedOn}.`, { id: 'procedures.updated' })}</p>` : nothing}`;
  }

  /** One listener for every result (not one per result to rebind at each keystroke); a new tab or window is left to the browser. */
  private openClicked(ev: MouseEvent): void {
    const code = (ev.target as Element).closest('a')?.dataset.code;
    if (!code || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    this.open(code);
  }

  /** The next page of results; focus goes to the first of them, so reading and tabbing go on from there. */
  private showMore(): void {
    const first = this._shown;
    this._shown += this.pageSize;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('[part=item]')[first]?.focus());
  }

  /** The name with matches wrapped in <mark>, built from template parts (never HTML from data). */
  private mark(e: Indexed, words: string[]): unknown[] {
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of highlights(e.name, words)) {
      parts.push(e.p.name.slice(at, start), html`<mark part="mark">${e.p.name.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(e.p.name.slice(at));
    return parts;
  }

  private renderDetail(): TemplateResult {
    const p = this._detail;
    const code = this.code!;
    const name = this.index.entries.find((e) => e.p.code === code)?.p.name;
    return html`<article part="detail">
      <button type="button" class="secondary back" @click=${() => this.close()}>← ${msg('Danh sách thủ tục', { id: 'procedures.back' })}</button>
      <h3 id="title" tabindex="-1">${p?.name ?? name ?? code}</h3>
      ${p
        ? this.renderBody(p)
        : this._detailFailed
          ? html`<p class="notice" role="alert">${name
              ? msg('Chưa xem được chi tiết thủ tục này khi không có mạng. Vui lòng kết nối mạng rồi mở lại.', { id: 'procedures.detailOffline' })
              : msg('Không tìm thấy thủ tục này trong danh mục của đơn vị.', { id: 'procedures.notFound' })}</p>`
          : html`<p role="status">${msg('Đang tải…', { id: 'common.loading' })}</p>`}
    </article>`;
  }

  private renderBody(p: Procedure): TemplateResult {
    const kinds: Record<SubmissionChannel['kind'], string> = {
      direct: msg('Trực tiếp', { id: 'procedures.direct' }),
      post: msg('Qua bưu chính công ích', { id: 'procedures.post' }),
      online: msg('Trực tuyến', { id: 'procedures.online' }),
    };
    const survey = this.link(this.surveyUrl, p.code);
    const feedback = this.link(this.feedbackUrl, p.code);
    const online = p.onlineUrl && /^https?:/.test(p.onlineUrl) ? p.onlineUrl : undefined;
    const free = msg('Không', { id: 'procedures.noFee' });
    let group: string | undefined;
    return html`<dl>
        <dt>${msg('Mã thủ tục', { id: 'procedures.code' })}</dt><dd>${p.code}</dd>
        <dt>${msg('Lĩnh vực', { id: 'procedures.field' })}</dt><dd>${p.field}</dd>
        <dt>${msg('Cấp thực hiện', { id: 'procedures.level' })}</dt><dd>${levelsOf(p.level).map(levelName).join(', ')}</dd>
        ${p.agency ? html`<dt>${msg('Cơ quan thực hiện', { id: 'procedures.agency' })}</dt><dd>${p.agency}</dd>` : nothing}
        ${p.applicants.length ? html`<dt>${msg('Đối tượng', { id: 'procedures.applicants' })}</dt><dd>${p.applicants.join('; ')}</dd>` : nothing}
      </dl>
      <p class="actions">
        ${online ? html`<a class="button" href=${online} target="_blank" rel="noopener">${msg('Nộp hồ sơ trực tuyến', { id: 'procedures.submitOnline' })}</a>` : nothing}
        ${survey ? html`<a class="button secondary" href=${survey}>${msg('Đánh giá sự hài lòng về thủ tục này', { id: 'procedures.rate' })}</a>` : nothing}
        ${feedback ? html`<a class="button secondary" href=${feedback}>${msg('Phản ánh, kiến nghị về thủ tục này', { id: 'procedures.feedback' })}</a>` : nothing}
      </p>
      ${p.channels.length
        ? html`<h4>${msg('Cách thức nộp, thời hạn và phí', { id: 'procedures.channels' })}</h4>
            <ul class="boxes">
              ${p.channels.map(
                (c) => html`<li>
                  <strong>${kinds[c.kind]}</strong><br />
                  ${msg('Thời hạn giải quyết', { id: 'procedures.time' })}: ${c.timeLimit || '—'}<br />
                  ${msg('Phí, lệ phí', { id: 'procedures.fee' })}: ${c.fee || free}
                  ${c.description ? html`<br /><span class="meta">${c.description}</span>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      <section part="checklist" class="checklist">
        <h4>${msg('Thành phần hồ sơ', { id: 'procedures.documents' })}</h4>
        <ul>
          ${p.documents.map((d, i) => {
            const heading = d.group && d.group !== group ? html`<li class="group">${d.group}</li>` : nothing;
            group = d.group;
            return html`${heading}<li>
              <input type="checkbox" id=${`doc${i}`} /><label for=${`doc${i}`}>${d.name}${d.copies ? html` <span class="meta">(${d.copies})</span>` : nothing}</label>
              ${d.template
                ? /^https?:/.test(d.template)
                  ? html`<a href=${d.template} target="_blank" rel="noopener">${msg('Tải mẫu', { id: 'procedures.template' })}</a>`
                  : html`<span class="meta">${msg('Mẫu', { id: 'procedures.form' })}: ${d.template}</span>`
                : nothing}
            </li>`;
          })}
        </ul>
        <button type="button" class="secondary noprint" @click=${() => print()}>${msg('In danh sách giấy tờ', { id: 'procedures.print' })}</button>
      </section>
      ${p.steps.length ? html`<h4>${msg('Trình tự thực hiện', { id: 'procedures.steps' })}</h4><ol>${p.steps.map((s) => html`<li>${s}</li>`)}</ol>` : nothing}
      ${p.conditions ? html`<h4>${msg('Yêu cầu, điều kiện', { id: 'procedures.conditions' })}</h4><p>${p.conditions}</p>` : nothing}
      ${p.result ? html`<h4>${msg('Kết quả', { id: 'procedures.result' })}</h4><p>${p.result}</p>` : nothing}
      ${p.legalBasis.length
        ? html`<h4>${msg('Căn cứ pháp lý', { id: 'procedures.legal' })}</h4>
            <ul>${p.legalBasis.map((l) => html`<li><strong>${l.number}</strong>${l.title && l.title !== l.number ? ` — ${l.title}` : ''}${l.issuedOn ? ` (${formatWhen(l.issuedOn)})` : ''}</li>`)}</ul>`
        : nothing}
      <p class="meta">
        ${msg(str`Thông tin cập nhật ngày ${formatWhen(p.updatedAt)}.`, { id: 'procedures.detailUpdated' })}
        ${p.sourceUrl && /^https?:/.test(p.sourceUrl) ? html`<a href=${p.sourceUrl} target="_blank" rel="noopener">${msg('Xem trên Cổng Dịch vụ công quốc gia', { id: 'procedures.source' })}</a>` : nothing}
      </p>`;
  }
}
