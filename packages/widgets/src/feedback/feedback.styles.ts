import { css } from 'lit';
import { controls, tokens } from '../shared/styles.js';

export const styles = [
  tokens,
  controls,
  css`
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: .5em;
      margin-bottom: var(--_space);
    }
    nav [aria-current] {
      background: var(--_primary);
      color: var(--_on-primary);
    }
    .field {
      margin-bottom: var(--_space);
    }
    label,
    legend {
      display: block;
      font-weight: 600;
    }
    .field input:not([type='radio'], [type='checkbox']),
    select,
    .row input {
      width: 100%;
    }
    .hint {
      display: block;
      color: var(--_muted);
      font-weight: 400;
    }
    .choice {
      display: flex;
      gap: .6em;
      align-items: center;
    }
    .choice input {
      width: 1.5em;
      height: 1.5em;
      min-height: 0;
      flex: none;
      margin: 0;
      accent-color: var(--_primary);
    }
    .choice label {
      font-weight: 400;
      flex: 1;
      min-height: var(--_target);
      display: flex;
      align-items: center;
    }
    .bot {
      position: absolute;
      left: -9999px;
      height: 1px;
      overflow: hidden;
    }
    .receipt {
      border: 4px solid var(--_success);
      padding: var(--_space);
    }
    .code {
      font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
      font-size: 1.3em;
      letter-spacing: .08em;
    }
    h3 {
      margin: 0 0 .5em;
      font-size: 1.2em;
    }
    h4 {
      margin: 0 0 .25em;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: var(--_space) 0;
    }
    .timeline li {
      border-inline-start: 4px solid var(--_border);
      padding: .2em 0 .6em .8em;
      color: var(--_muted);
    }
    .timeline li.done {
      border-color: var(--_success);
      color: var(--_text);
    }
    .timeline li[aria-current] {
      font-weight: 700;
    }
    .overdue {
      color: var(--_error);
    }
    .answer {
      background: var(--_surface-alt);
      padding: .75em var(--_space);
      margin: .5em 0 var(--_space);
    }
    .answer p,
    article p {
      white-space: pre-wrap;
    }
    article {
      border-top: 1px solid var(--_border);
      padding-top: var(--_space);
    }
    .row {
      display: flex;
      gap: .5em;
    }
  `,
];
