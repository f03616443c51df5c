import { css } from 'lit';
import { controls, tokens } from '@sipas/widgets/shared/styles.js';
import { cardTables } from '../shared/admin.styles.js';

export const ballotStyles = [
  tokens,
  controls,
  css`
    :host {
      background: transparent;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: 1.2rem 0 0.4rem;
    }
    .status {
      background: var(--_surface-alt);
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_primary);
    }
    .mono {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
    fieldset {
      border: 1px solid #ccc;
      margin: 0.75rem 0;
      padding: 0.5rem 1rem 1rem;
    }
    label {
      display: block;
      font-weight: 600;
      margin-top: 0.6rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .row > div {
      flex: 1 1 14rem;
    }
    input,
    textarea {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.75rem 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid #ddd;
    }
    .preview {
      background: #e6e6e2;
      padding: 1rem 0.5rem;
      margin-top: 0.75rem;
      overflow-x: auto;
    }
  `,
  // Last: on a phone the openings are cards, as the admin tables are.
  cardTables,
];

/** The page-level print style (a document <style>, not shadow CSS): only the minutes' copy prints. */
export const printPageStyles = `
  sipas-desk-minutes[data-print] { display: none; }
  @page { size: A4; margin: 15mm 18mm; }
  @media print {
    body { background: #fff !important; }
    body > *:not(sipas-desk-minutes[data-print]) { display: none !important; }
    sipas-desk-minutes[data-print] { display: block; }
  }`;
