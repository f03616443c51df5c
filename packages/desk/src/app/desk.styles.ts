import { css } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';
import { sectionsStyles } from '../shared/sections.styles.js';

export const deskStyles = [
  tokens,
  controls,
  css`
    :host {
      max-width: 1200px;
      margin: 0 auto;
      padding: var(--_space);
      background: transparent;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      margin-bottom: var(--_space);
    }
    h1 {
      font-size: 1.4rem;
      margin: 0;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    form.sign-in {
      max-width: 26rem;
      background: var(--_surface);
      padding: var(--_space);
      border: 1px solid #ddd;
    }
    label {
      display: block;
      font-weight: 600;
      margin-top: 0.75rem;
    }
    input {
      width: 100%;
    }
  `,
  sectionsStyles,
];
