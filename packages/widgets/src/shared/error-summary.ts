import { html, nothing, type TemplateResult } from 'lit';

export interface FieldError {
  /** The id of the control (or the first radio of a group) the message belongs to. */
  field: string;
  message: string;
}

/**
 * The GOV.UK error summary: a titled list of links to the invalid fields, role="alert".
 * Give it focus after a failed submit (`focusErrorSummary`). Renders nothing without errors.
 */
export function errorSummary(title: string, errors: readonly FieldError[], onJump: (field: string) => void): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" part="error-summary">
    <h2>${title}</h2>
    <ul>
      ${errors.map(
        (error) =>
          html`<li>
            <a
              href="#${error.field}"
              @click=${(event: Event) => {
                event.preventDefault();
                onJump(error.field);
              }}
              >${error.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to the rendered error summary of a shadow root. */
export function focusErrorSummary(root: ShadowRoot | null): void {
  root?.querySelector<HTMLElement>('.error-summary')?.focus();
}

/** Focuses a field by id inside a shadow root and brings it into view. */
export function focusField(root: ShadowRoot | null, id: string): void {
  const field = root?.getElementById(id);
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}
