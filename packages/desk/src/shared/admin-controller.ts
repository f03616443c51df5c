import { msg } from '@lit/localize';
import { HttpError } from '@sipas/widgets/shared/client.js';
import { errorSummary, focusErrorSummary, focusField, type FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Where a refusal's messages go: the field named by default, and the fields the server may name. */
export interface Refusal {
  field: string;
  fields?: readonly string[];
  /** The control's id when the server names a field by another name. */
  rename?: Readonly<Record<string, string>>;
  /** false for a look-up (another year …): the screen's other buttons stay usable meanwhile. */
  blocking?: boolean;
}

/** One input of an admin form, rendered the GOV.UK way: label, hint, error, control. */
export interface FieldOptions {
  id: string;
  label: string;
  hint?: string;
  value?: string;
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  placeholder?: string;
  /** A code (dossier, procedure): no spelling help, capitals. */
  code?: boolean;
  /** Several lines (one item a line). */
  lines?: boolean;
}

/** The element that has focus, inside shadow roots too. */
function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The server's words for a refusal (Vietnamese, naming fields), else a truthful fallback. */
export function problemErrors(error: unknown, refusal: Refusal): FieldError[] {
  const { field, fields = [], rename = {} } = refusal;
  if (error instanceof HttpError && error.problem) {
    const named = (error.problem.errors ?? []).map((e) => {
      const name = fields.find((f) => e.path === f || e.path.endsWith(`.${f}`));
      return { field: name ? (rename[name] ?? name) : field, message: e.message };
    });
    return named.length > 0 ? named : [{ field, message: error.problem.title }];
  }
  return [{ field, message: msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'desk.networkError' }) }];
}

/**
 * What every admin screen does with the server: loads its data when connected, sends a form
 * (checked here first) with a busy flag, turns a refusal into field errors and the error summary,
 * runs row actions whose outcome is said in the screen's status line, and moves focus to what
 * changed. The screen keeps only its properties, its rendering and the calls themselves.
 */
export class AdminController implements ReactiveController {
  #errors: FieldError[] = [];
  #notice: string | undefined;
  #failure: string | undefined;
  #busy = false;
  #statusId = 'status';

  constructor(
    private readonly host: Host,
    /** Fills the screen; on connect and whenever the screen asks again. */
    private readonly fill: () => Promise<void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** The current form's errors (GOV.UK: summary at the top, message at each field). */
  get errors(): readonly FieldError[] {
    return this.#errors;
  }
  set errors(errors: readonly FieldError[]) {
    this.#errors = [...errors];
    this.host.requestUpdate();
  }
  /** What the last change did, said in the status line. */
  get notice(): string | undefined {
    return this.#notice;
  }
  set notice(notice: string | undefined) {
    this.#notice = notice;
    this.host.requestUpdate();
  }
  /** Why the data could not be loaded or a row action failed. */
  get failure(): string | undefined {
    return this.#failure;
  }
  /** A call is on its way: the buttons that would send another wait. */
  get busy(): boolean {
    return this.#busy;
  }

  #set(patch: { failure?: string | undefined; busy?: boolean }): void {
    if ('failure' in patch) this.#failure = patch.failure;
    if (patch.busy !== undefined) this.#busy = patch.busy;
    this.host.requestUpdate();
  }

  /** (Re)loads the screen's data; a failure is said in the status line. */
  async load(): Promise<void> {
    try {
      await this.fill();
      if (this.#failure) this.#set({ failure: undefined });
    } catch (error) {
      this.#set({ failure: problemErrors(error, { field: 'status' })[0]!.message });
    }
  }

  /**
   * Handles a form's submit: `errors` are the screen's own checks; without any, `send` runs and
   * may return the selector of what to focus afterwards. A refusal lands on the form's fields.
   * `event` is null for a button outside a form (its refusal still goes to the summary).
   */
  async submit(event: Event | null, errors: readonly FieldError[], send: () => Promise<string | void>, refusal: Refusal): Promise<void> {
    event?.preventDefault();
    this.#notice = undefined;
    this.errors = errors;
    if (errors.length === 0) {
      if (refusal.blocking !== false) this.#set({ busy: true });
      const from = focusedElement();
      try {
        const focus = await send();
        this.#set({ busy: false });
        if (focus) await this.focus(focus, from);
        return;
      } catch (error) {
        this.errors = problemErrors(error, refusal);
      } finally {
        this.#set({ busy: false });
      }
    }
    await this.host.updateComplete;
    focusErrorSummary(this.host.shadowRoot);
  }

  /** A row action (revoke, remove, disable …): `action` returns what to say when it worked. */
  async act(action: () => Promise<string | void>): Promise<void> {
    this.#set({ busy: true, failure: undefined });
    let said = false;
    try {
      const notice = await action();
      if (notice) this.notice = notice;
      said = Boolean(notice);
    } catch (error) {
      this.#set({ failure: problemErrors(error, { field: 'status' })[0]!.message });
      said = true;
    } finally {
      this.#set({ busy: false });
    }
    if (said) await this.focus(`#${this.#statusId}`);
  }

  /**
   * Focuses an element of the screen once it has rendered — given `from`, only if focus is still
   * there (or was lost with a part that went away): what the user went on to do meanwhile keeps it.
   */
  async focus(selector: string, from?: Element | null): Promise<void> {
    await this.host.updateComplete;
    const now = focusedElement();
    // A shadow host as the deepest focus means the focused part inside it was removed.
    const lost = !now || now === document.body || Boolean(now.shadowRoot);
    if (from !== undefined && now !== from && !lost) return;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The screen's status line: the failure (as an error), the last notice, or "Loading…" until `loaded`. */
  status(id: string, loaded = true) {
    this.#statusId = id;
    const text = this.#failure ?? this.#notice ?? (loaded ? '' : msg('Đang tải…', { id: 'common.loading' }));
    return html`<p id=${id} role="status" tabindex="-1" class=${this.#failure ? 'field-error' : ''}>${text}</p>`;
  }

  summary(title: string) {
    return errorSummary(title, this.#errors, (field) => focusField(this.host.shadowRoot, field));
  }

  invalid(id: string): boolean {
    return this.#errors.some((e) => e.field === id);
  }

  /** The field's messages, each linked to the control by `aria-describedby`. */
  error(id: string) {
    const messages = this.#errors.filter((e) => e.field === id).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id="${id}-error">${messages.join(' ')}</span>` : nothing;
  }

  describedBy(id: string, hint?: boolean): string | typeof nothing {
    return [hint ? `${id}-hint` : '', this.invalid(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  field(o: FieldOptions) {
    const label = html`<label for=${o.id}>${o.label}</label>
      ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing} ${this.error(o.id)}`;
    const invalid = this.invalid(o.id) ? 'true' : 'false';
    const describedBy = this.describedBy(o.id, Boolean(o.hint));
    if (o.lines) {
      return html`${label}<textarea id=${o.id} name=${o.id} spellcheck="false" aria-invalid=${invalid} aria-describedby=${describedBy}
        .value=${o.value ?? ''}></textarea>`;
    }
    return html`${label}<input id=${o.id} name=${o.id} type=${o.type ?? 'text'} .value=${o.value ?? ''} autocomplete=${o.autocomplete ?? 'off'}
        inputmode=${o.inputmode ?? nothing} placeholder=${o.placeholder ?? nothing}
        autocapitalize=${o.code ? 'characters' : nothing} spellcheck=${o.code ? 'false' : nothing}
        aria-invalid=${invalid} aria-describedby=${describedBy} />`;
  }
}
