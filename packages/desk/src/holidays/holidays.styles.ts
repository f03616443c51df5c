import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const holidaysStyles = [
  ...adminStyles,
  css`
    section.year {
      border-top: 1px solid #ccc;
      padding-top: var(--_space);
      margin-top: var(--_space);
    }
    .warning {
      border-left: 6px solid var(--_error);
      padding: 0.5rem var(--_space);
      background: var(--_surface);
      font-weight: 600;
    }
    .confirmed {
      border-left: 6px solid var(--_success);
      padding: 0.5rem var(--_space);
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
      min-height: 12rem;
    }
    form.other {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-end;
      margin-bottom: var(--_space);
    }
    form.other label {
      flex-basis: 100%;
    }
    form.other input {
      width: 8rem;
    }
  `,
];
