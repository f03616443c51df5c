import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const originsStyles = [
  ...adminStyles,
  css`
    ul.origins {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
      max-width: 44rem;
    }
    ul.origins li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.25rem 0;
      border-bottom: 1px solid #ddd;
    }
    .origin {
      font-family: ui-monospace, Consolas, monospace;
      word-break: break-all;
    }
  `,
];
