import { css } from 'lit';
import { adminStyles } from '../shared/admin.styles.js';

export const labelsStyles = [
  ...adminStyles,
  css`
    .printed {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-start;
      margin-bottom: var(--_space);
    }
    .printed > div {
      flex: 1 1 14rem;
    }
    .warning {
      border-left: 6px solid var(--_error);
      padding: 0.5rem var(--_space);
      background: var(--_surface);
    }
  `,
];

/** The page-level print style (a document <style>, not shadow CSS): only the label's copy prints. */
export const labelPrintStyles = `
  sipas-desk-qr-label[data-print] { display: none; }
  @page { margin: 8mm; }
  @media print {
    body { background: #fff !important; }
    body > *:not(sipas-desk-qr-label[data-print]) { display: none !important; }
    sipas-desk-qr-label[data-print] { display: block; }
  }`;
