import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const surveyStyles = [
  ...adminStyles,
  css`
    ul.fields {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
      max-width: 40rem;
    }
    ul.fields li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    ul.fields input {
      flex: 1 1 12rem;
      min-width: 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: var(--_space) 0 0;
      min-width: 0;
    }
    .add-field {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-end;
    }
    .add-field input {
      flex: 1 1 12rem;
      min-width: 0;
    }
    form.add input[type='checkbox'] {
      width: 1.5rem;
      height: 1.5rem;
      min-height: 0;
    }
  `,
];
