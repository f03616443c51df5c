import { css, unsafeCSS } from 'lit';
import { NARROW } from './sections.js';

/** The look of `SectionsController`'s tab list, its narrow folded list, and the panel. */
export const sectionsStyles = css`
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
  .sections {
    border-bottom: 3px solid var(--_primary);
    padding-bottom: 0.75rem;
  }
  .toggle {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  .toggle .which {
    font-weight: normal;
  }
  /* A chevron that says the list folds: down when folded, up when open. */
  .toggle::after {
    content: '';
    margin-inline-start: auto;
    flex: none;
    width: 0.55em;
    height: 0.55em;
    border: solid currentColor;
    border-width: 0 0.18em 0.18em 0;
    transform: translateY(-0.15em) rotate(45deg);
  }
  .toggle[aria-expanded='true']::after {
    transform: translateY(0.15em) rotate(-135deg);
  }
  .sections ul {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .sections li + li {
    margin-top: 0.25rem;
  }
  .sections li button {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
  }
  .sections li button[aria-current='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .panel {
    background: var(--_surface);
    padding: var(--_space);
    border: 1px solid #ddd;
    border-top: 0;
  }
  @media ${unsafeCSS(NARROW)} {
    /* A phone's width is the content's: the panel's frame and padding would eat into it. */
    .panel {
      padding: var(--_space) 0;
      border: 0;
    }
  }
`;
