import { css } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';

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
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 3px solid var(--_primary);
    }
    [role='tab'] {
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: var(--_surface-alt);
      color: var(--_text);
      border-color: transparent;
    }
    [role='tab'][aria-selected='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
    }
    [role='tabpanel'] {
      background: var(--_surface);
      padding: var(--_space);
      border: 1px solid #ddd;
      border-top: 0;
    }
  `,
];
