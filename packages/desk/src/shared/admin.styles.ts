import { css, unsafeCSS } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';
import { NARROW } from './sections.js';

/**
 * On a phone (and at 200 % zoom) each table row is a card whose cells say what they are
 * (`data-label`): the same width as the desk's list box, since a five-column table squeezed into
 * 640 px broke words mid-letter ("Trạn g thái").
 */
export const cardTables = css`
    @media ${unsafeCSS(NARROW)} {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      table,
      caption,
      tbody,
      tr,
      td {
        display: block;
        width: auto;
      }
      tr {
        border: 1px solid #ccc;
        border-radius: var(--_radius);
        padding: 0.5rem;
        margin-bottom: 0.75rem;
      }
      td {
        border: 0;
        padding: 0.25rem 0;
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        font-weight: 600;
      }
    }
`;

/**
 * What the admin tabs share: headings, forms, a notice for things shown once, and tables that
 * become one card per row on a narrow screen (each cell then says what it is through `data-label`).
 */
export const adminStyles = [
  tokens,
  controls,
  css`
    :host {
      background: transparent;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: var(--_space) 0 0.5rem;
    }
    p {
      margin: 0 0 var(--_space);
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin-top: 0.75rem;
    }
    .hint {
      color: var(--_muted);
      margin: 0.25rem 0;
    }
    form.add {
      max-width: 36rem;
      margin-bottom: calc(var(--_space) * 1.5);
    }
    form.add input:not([type='radio']) {
      width: 100%;
      box-sizing: border-box;
    }
    .choices label {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: var(--_target);
      margin: 0 1.5rem 0 0;
      font-weight: normal;
    }
    .choices input {
      /* A long label must not squeeze the box (it did at 320 px). */
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
      min-height: 0;
    }
    .once {
      border: 3px solid var(--_success);
      padding: var(--_space);
      margin-bottom: var(--_space);
      background: var(--_surface);
    }
    .once:focus {
      outline: 3px solid var(--_focus);
    }
    .secret {
      font: 1.4rem/1.4 ui-monospace, 'Cascadia Mono', Consolas, monospace;
      letter-spacing: 0.05em;
      user-select: all;
      word-break: break-all;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.5rem 0;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 0.5rem;
      border-bottom: 1px solid #ddd;
    }
    td.actions button {
      margin: 0 0.5rem 0.5rem 0;
    }
    .muted {
      color: var(--_muted);
    }
    .field-error {
      display: block;
    }
  `,
  // Last: on a phone these override the table rules above.
  cardTables,
];
