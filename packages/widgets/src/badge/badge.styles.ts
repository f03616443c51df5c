import { css } from 'lit';
import { controls, tokens } from '../shared/styles.js';

export const styles = [
  tokens,
  controls,
  css`
    :host {
      --_bar: var(--sipas-badge-bar-color, var(--_primary));
      --_track: var(--sipas-badge-track-color, #e3e3e0);
      max-width: 100%;
      container-type: inline-size;
    }
    :host([expanded]) .card[aria-busy=true] {
      min-height: 32em;
    }
    .card {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      background: var(--_surface);
    }
    p,
    h3,
    ul,
    ol {
      margin: 0;
    }
    .title {
      font-weight: 600;
      color: var(--_muted);
    }
    .value {
      font-size: var(--sipas-badge-value-size, 2.25em);
      font-weight: 700;
      line-height: 1.2;
      color: var(--_primary);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .value.insufficient {
      font-size: 1.5em;
      line-height: 1.6;
      white-space: normal;
      color: var(--_text);
    }
    .placeholder {
      color: transparent;
      background: var(--_surface-alt);
      border-radius: var(--_radius);
      width: 6em;
    }
    .meta,
    .hint,
    .trend-label {
      color: var(--_muted);
    }
    .meta {
      min-height: 1.5em;
    }
    .hint {
      font-size: .9em;
    }
    .status {
      margin-top: .5em;
      font-size: .9em;
      border-inline-start: 4px solid var(--_primary);
      padding-inline-start: .5em;
    }
    /* A 44 px line: the link is a large target, and the card keeps its height while loading. */
    .link-line {
      margin-top: .5em;
      line-height: var(--_target);
    }
    .link-line a {
      display: inline-block;
    }
    .score {
      margin-top: .5em;
      font-weight: 600;
    }
    h3 {
      font-size: 1.05em;
      margin: 1em 0 .4em;
    }
    .factors,
    .trend {
      list-style: none;
      padding: 0;
    }
    .factors li,
    .trend li {
      display: grid;
      grid-template-columns: 1fr 5.5em;
      gap: 0 .5em;
      align-items: center;
      margin-bottom: .5em;
    }
    .factor-name,
    .trend-label {
      grid-column: 1/-1;
      font-size: .95em;
    }
    .factor-value,
    .trend-value {
      text-align: end;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      font-size: .95em;
    }
    .bar {
      display: block;
      width: 100%;
      height: .75em;
    }
    .track {
      fill: var(--_track);
    }
    .fill {
      fill: var(--_bar);
    }
    table {
      margin-top: 1em;
      border-collapse: collapse;
      width: 100%;
      font-size: .95em;
    }
    caption {
      text-align: start;
      font-weight: 600;
      font-size: 1.05em;
      padding-bottom: .4em;
    }
    th,
    td {
      text-align: start;
      padding: .35em .4em;
      border-bottom: 1px solid var(--_track);
      vertical-align: top;
    }
    tbody th {
      font-weight: 400;
    }
    .n {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    /* Narrow (a phone, or zoomed in): each criterion on its own line, its figures under it. */
    @container (max-width: 30em) {
      tr {
        display: grid;
        grid-template-columns: 1fr 4em 5.5em;
      }
      tr>:first-child {
        grid-column: 1/-1;
        border: 0;
      }
      tr>:nth-child(2) {
        grid-column: 2;
      }
    }
  `,
];
