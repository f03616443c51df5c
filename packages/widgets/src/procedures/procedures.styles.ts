import { css } from 'lit';
import { controls, tokens } from '../shared/styles.js';

// One rule per line: Lit keeps CSS as written, and this file ships in the script-tag bundle.
export const styles = [
  tokens,
  controls,
  css`
    label { display: block; font-weight: 600; }
    #q { width: 100%; margin: .25em 0 .5em; }
    .filters { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; }
    .filters label, .filters select { max-width: 100%; }
    .filters select { display: block; width: 16em; }
    .check { display: flex; align-items: center; gap: .4em; min-height: var(--_target); font-weight: 400; }
    input[type='checkbox'] { width: 1.4em; height: 1.4em; min-height: 0; margin: .15em 0 0; flex: none; }
    .count { font-weight: 600; margin: .75em 0 .25em; }
    ul { padding-inline-start: 1.2em; }
    [part='list'], .boxes, .checklist ul { list-style: none; padding: 0; }
    [part='list'] li { border-bottom: 1px solid var(--_border); padding: .4em 0; }
    [part='item'] { display: block; min-height: var(--_target); padding: .25em 0; font-weight: 600; }
    mark { background: var(--sipas-color-mark, #fff3b0); color: inherit; text-decoration: underline; }
    .meta { color: var(--_muted); font-size: .92em; }
    .meta a, .checklist a { display: inline-block; line-height: var(--_target); }
    h3 { font-size: 1.25em; margin: .5em 0; line-height: 1.3; }
    h4 { font-size: 1.05em; margin: 1.2em 0 .4em; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em .8em; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: .5em; }
    .boxes li { background: var(--_surface-alt); border-radius: var(--_radius); padding: .5em .75em; margin-bottom: .5em; }
    .checklist li { display: flex; flex-wrap: wrap; gap: .2em .6em; padding: .35em 0; }
    .checklist label { flex: 1 1 0; font-weight: 400; }
    .checklist li > :not(input):not(label) { flex-basis: 100%; padding-inline-start: 2em; }
    .group { font-weight: 600; margin-top: .5em; }
    @media (max-width: 30em) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .3em; } }
    @media print { form, button, .actions { display: none !important; } }
  `,
];
