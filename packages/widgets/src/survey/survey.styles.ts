import { css } from 'lit';
import { controls, tokens } from '../shared/styles.js';

// Written compactly: Lit keeps CSS verbatim in the script-tag bundle.
export const styles = [
  tokens,
  controls,
  css`
    /* A kiosk is read at arm's length by elderly citizens standing at the counter. */
    :host([mode='kiosk']) { --_size: var(--sipas-kiosk-font-size, 22px); }
    h2, h3 { font-size: 1.25em; line-height: 1.3; margin: 0 0 .5em; }
    h4 { margin: 0; }
    .count, .hint, .optional, .num { color: var(--_muted); font-weight: 400; }
    .question { margin: 0 0 1.5em; }
    .invalid { border-inline-start: 5px solid var(--_error); padding-inline-start: .75em; }
    legend, .legend { display: block; font-weight: 600; margin-bottom: .5em; }
    /* A plain list on a phone, the five levels side by side on a tablet; never overflows at 320px or 200% zoom. */
    .options { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5em), 1fr)); gap: .5em; }
    @media (max-width: 36em) { .options { grid-template-columns: 1fr; } }
    .option { display: flex; align-items: center; gap: .6em; min-height: max(var(--_target), 2.4em); padding: .3em .7em;
      border: 2px solid var(--_border); border-radius: var(--_radius); cursor: pointer; line-height: 1.25; }
    /* Kiosk: a scale of up to five levels on one row of a tablet, every radio on the same line above its words. */
    :host([mode='kiosk']) .option { flex-direction: column; justify-content: flex-start; text-align: center; padding: .5em .3em; }
    @media (min-width: 36em) { :host([mode='kiosk']) .options:not(:has(> :nth-child(6))) { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: 1fr; } }
    .option:has(:checked) { border-color: var(--_primary); box-shadow: inset 0 0 0 2px var(--_primary); font-weight: 600; }
    .na { border-style: dashed; }
    .option input { flex: none; width: 1.35em; height: 1.35em; min-height: 0; margin: 0; accent-color: var(--_primary); }
    .nav, .review-head { display: flex; flex-wrap: wrap; gap: .75em; margin: 1em 0; justify-content: space-between; align-items: center; }
    [type='submit'] { flex: 1 1 12em; }
    dl div { padding: .35em 0; border-bottom: 1px dotted var(--_border); }
    dd { margin: 0; font-weight: 600; }
    .receipt strong { font-size: 1.5em; }
    .refused { border-inline-start-color: var(--_error); }
  `,
];
