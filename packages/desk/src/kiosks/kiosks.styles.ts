import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const kiosksStyles = [
  ...adminStyles,
  css`
    .pairing {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-start;
    }
    .pairing svg {
      width: min(18rem, 100%);
      height: auto;
      border: 1px solid #ccc;
    }
    .pairing .steps {
      flex: 1 1 16rem;
    }
    .url {
      word-break: break-all;
      font-family: ui-monospace, Consolas, monospace;
    }
  `,
];
