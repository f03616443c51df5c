import { css } from 'lit';

/**
 * Design tokens. Every element reads these custom properties, and only these, from the host
 * page, so a ward can theme the elements without its CSS leaking in. Defaults aim at WCAG AA
 * contrast and at large touch targets for elderly citizens.
 *
 * A host page's rules that match the host itself (`* { … }`, resets) beat :host rules unless
 * these are !important: everything the shadow tree inherits is guarded, while the host's box
 * (display, width, margin) stays the page's. No rem: a page's `html { font-size }` must not
 * scale the elements (`medium` is the reader's own default size).
 */
export const tokens = css`
  :host {
    --_primary: var(--sipas-color-primary, #a50e0e);
    --_on-primary: var(--sipas-color-on-primary, #ffffff);
    --_text: var(--sipas-color-text, #1f1f1f);
    --_muted: var(--sipas-color-muted, #555555);
    --_surface: var(--sipas-color-surface, #ffffff);
    --_surface-alt: var(--sipas-color-surface-alt, #f4f4f2);
    --_border: var(--sipas-color-border, #767676);
    --_error: var(--sipas-color-error, #b3261e);
    --_success: var(--sipas-color-success, #1e6b34);
    --_focus: var(--sipas-color-focus, #ffbf47);
    --_font: var(--sipas-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    --_size: var(--sipas-font-size, medium);
    --_radius: var(--sipas-radius, 6px);
    --_space: var(--sipas-space, 16px);
    --_target: var(--sipas-touch-target, 44px);
    all: initial;
    display: block;
    overflow-wrap: anywhere !important;
    box-sizing: border-box !important;
    color: var(--_text) !important;
    background: var(--_surface) !important;
    font: var(--_size)/1.5 var(--_font) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    text-decoration: none !important;
    white-space: normal !important;
    list-style: disc !important;
    accent-color: auto !important;
    cursor: auto !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Native controls styled once for all elements: buttons, fields, fieldsets, focus, errors. */
export const controls = css`
  button,
  .button {
    font: inherit;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5em 1.1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    font-weight: 600;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    min-height: var(--_target);
    padding: 0.4em 0.6em;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 8em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  fieldset {
    border: 0;
    margin: 0 0 var(--_space);
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  a {
    color: var(--_primary);
  }
  .field-error {
    display: block;
    color: var(--_error);
    font-weight: 600;
    margin: 0.25em 0;
  }
  .error-summary {
    border: 4px solid var(--_error);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  .error-summary h2 {
    margin: 0 0 0.5em;
    font-size: 1.15em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .notice {
    border-inline-start: 6px solid var(--_primary);
    background: var(--_surface-alt);
    padding: 0.75em var(--_space);
    margin: 0 0 var(--_space);
  }
`;
