import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const importsStyles = [
  ...adminStyles,
  css`
    form.add input[type='file'] {
      padding: 0.5rem 0;
      border: 0;
    }
    form.add input[type='checkbox'] {
      width: 1.5rem;
      height: 1.5rem;
      min-height: 0;
    }
    .preview {
      border: 3px solid var(--_primary);
      padding: var(--_space);
      margin-bottom: var(--_space);
    }
    .preview:focus {
      outline: 3px solid var(--_focus);
    }
    .codes {
      word-break: break-word;
    }
    .blocked {
      border-left: 6px solid var(--_error);
      padding: 0.5rem var(--_space);
    }
    td ul {
      margin: 0;
      padding-left: 1.2rem;
    }
  `,
];
