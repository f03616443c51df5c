import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** One section of a screen: what its tab (or its button in the narrow list) says. */
export interface Section {
  id: string;
  /** Called at render time so it follows the locale. */
  title: () => string;
}

/** Below this width the sections fold under one button: twelve tabs wrapped into half a phone screen. */
export const NARROW = '(max-width: 45em)';

/**
 * Switches a screen between sections. Wide: WAI-ARIA tabs with manual activation — one Tab stop
 * (the selected tab), ←/→ (wrapping), Home and End move focus, Enter or Space opens; manual
 * because opening a section asks the server for its data. Narrow (a phone, 200 % zoom): a
 * navigation list folded under one button that names the current section (the disclosure
 * pattern: Enter opens it, Tab walks it, Enter picks, Escape folds it) and a plain container. Not
 * a `<select>`: the arrow keys on a closed list box open every section they pass (WCAG F37).
 */
export class SectionsController implements ReactiveController {
  #chosen: string | undefined;
  /** Narrow: the list is unfolded under its button. */
  #open = false;
  #narrow: MediaQueryList | undefined;
  /** Crossing the narrow width redraws the sections, the narrow list folded. */
  readonly #changed = () => {
    this.#open = false;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: Host,
    /** The list's accessible name (and, on a narrow screen, the start of its button's text). */
    private readonly label: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#narrow = window.matchMedia(NARROW);
    this.#narrow.addEventListener('change', this.#changed);
  }

  hostDisconnected(): void {
    this.#narrow?.removeEventListener('change', this.#changed);
  }

  /** True when the sections fold under one button. */
  get narrow(): boolean {
    return this.#narrow?.matches ?? window.matchMedia(NARROW).matches;
  }

  /** The section shown: the one chosen, else `preferred` (a link's #hash), else the first. */
  current<T extends Section>(sections: readonly T[], preferred?: string): T | undefined {
    return sections.find((s) => s.id === (this.#chosen ?? preferred)) ?? sections[0];
  }

  choose(id: string): void {
    this.#chosen = id;
    this.host.requestUpdate();
  }

  #keydown(event: KeyboardEvent, sections: readonly Section[]): void {
    const at = sections.findIndex((s) => `tab-${s.id}` === (event.target as HTMLElement).id);
    const last = sections.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (at < 0 || to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.host.renderRoot.querySelector<HTMLElement>(`#tab-${sections[to]!.id}`)?.focus();
  }

  /** Narrow: picks `id`, folds the list and gives focus back to its button (which now names the section). */
  async #pick(id: string): Promise<void> {
    this.#open = false;
    this.choose(id);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#sections-toggle')?.focus();
  }

  /** Narrow: Escape folds the list and gives focus back to its button. */
  async #escape(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Escape' || !this.#open) return;
    this.#open = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#sections-toggle')?.focus();
  }

  /** The tab list, or on a narrow screen a navigation list folded under one button. */
  nav(sections: readonly Section[], current: Section | undefined, part = 'tabs'): TemplateResult {
    if (this.narrow) {
      return html`<nav class="sections" part=${part} aria-label=${this.label()} @keydown=${(e: KeyboardEvent) => void this.#escape(e)}>
        <button
          type="button"
          id="sections-toggle"
          class="toggle"
          aria-expanded=${this.#open ? 'true' : 'false'}
          aria-controls="sections-list"
          @click=${() => {
            this.#open = !this.#open;
            this.host.requestUpdate();
          }}
        >
          <span><span class="which">${this.label()}:</span> ${current?.title()}</span>
        </button>
        <ul id="sections-list" ?hidden=${!this.#open}>
          ${sections.map(
            (s) =>
              html`<li>
                <button type="button" class="secondary" aria-current=${s === current ? 'true' : nothing} @click=${() => void this.#pick(s.id)}>${s.title()}</button>
              </li>`,
          )}
        </ul>
      </nav>`;
    }
    return html`<div role="tablist" part=${part} aria-label=${this.label()} @keydown=${(e: KeyboardEvent) => this.#keydown(e, sections)}>
      ${sections.map(
        (s) =>
          html`<button
            role="tab"
            id="tab-${s.id}"
            aria-controls=${s === current ? 'panel' : nothing}
            aria-selected=${s === current ? 'true' : 'false'}
            tabindex=${s === current ? '0' : '-1'}
            @click=${() => this.choose(s.id)}
          >
            ${s.title()}
          </button>`,
      )}
    </div>`;
  }

  /** The current section's content: the tab panel labelled by its tab, or a plain container. */
  panel(current: Section, content: unknown): TemplateResult {
    return this.narrow
      ? html`<div id="panel" class="panel">${content}</div>`
      : html`<div role="tabpanel" id="panel" class="panel" tabindex="0" aria-labelledby="tab-${current.id}">${content}</div>`;
  }
}
