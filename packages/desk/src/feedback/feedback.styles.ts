import { css } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';
import { cardTables } from '../shared/admin.styles.js';

export const feedbackStyles = [
  tokens,
  controls,
  css`
    :host {
      background: transparent;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      border-bottom: 1px solid #ccc;
      padding: 0.4em;
      vertical-align: top;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
      margin-bottom: var(--_space);
    }
    label {
      display: block;
      font-weight: 600;
    }
    .overdue {
      color: var(--_error);
      font-weight: 700;
    }
    .text {
      white-space: pre-wrap;
      background: var(--_surface-alt);
      padding: 0.5em 0.75em;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: var(--_space);
    }
    form {
      border: 1px solid #ccc;
      padding: var(--_space);
      margin-bottom: var(--_space);
    }
    form input,
    form textarea {
      width: 100%;
      margin-bottom: 0.5em;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 0.4em;
    }
    h2,
    h3,
    h4 {
      margin: 0.5em 0;
    }
    h2 {
      font-size: 1.2rem;
    }
    h3 {
      font-size: 1.1rem;
    }
    h4 {
      font-size: 1rem;
    }
  `,
  // Last: on a phone these override the table rules above.
  cardTables,
];
