import { css } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';

export const reportStyles = [
  tokens,
  controls,
  css`
    :host {
      background: transparent;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
      margin-bottom: var(--_space);
    }
    label {
      display: block;
      font-weight: 600;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    p {
      margin: 0 0 var(--_space);
    }
  `,
];
