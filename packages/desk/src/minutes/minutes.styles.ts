import { css, unsafeCSS } from 'lit';
import { NARROW } from '../shared/sections.js';

export const minutesStyles = css`
  :host {
    all: initial;
    display: block;
    color: #000;
    font-family: 'Times New Roman', 'Noto Serif', 'Liberation Serif', serif;
    font-size: 12.5pt;
    line-height: 1.35;
  }
  .sheet {
    background: #fff;
    max-width: 210mm;
    margin: 0 auto;
    padding: 14mm 16mm;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
  @media print {
    .sheet {
      box-shadow: none;
      padding: 0;
      max-width: none;
    }
  }
  .heading {
    display: grid;
    grid-template-columns: 1fr 1.4fr;
    gap: 1rem;
    text-align: center;
  }
  .heading p {
    margin: 0;
  }
  .nation {
    font-weight: bold;
  }
  .motto {
    font-weight: bold;
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .place {
    font-style: italic;
    text-align: end;
    margin: 0.6rem 0 0;
  }
  .title {
    text-align: center;
    font-size: 15pt;
    margin: 0.8rem 0 0;
  }
  .subtitle {
    text-align: center;
    font-weight: bold;
    margin: 0 0 0.6rem;
  }
  .part {
    font-size: 12.5pt;
    margin: 0.6rem 0 0.2rem;
  }
  p,
  ol,
  ul {
    margin: 0.2rem 0;
  }
  .mono {
    font-family: 'DejaVu Sans Mono', 'Courier New', monospace;
    font-size: 9.5pt;
    overflow-wrap: anywhere;
  }
  pre.mono {
    white-space: pre-wrap;
    border: 1px solid #000;
    padding: 0.4rem 0.5rem;
    margin: 0.3rem 0;
  }
  .figure {
    font-weight: bold;
  }
  .signatures {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 0.8rem 1rem;
    margin-top: 0.8rem;
    text-align: center;
    break-inside: avoid;
  }
  .signatures div {
    display: flex;
    flex-direction: column;
    justify-content: space-between;
  }
  .signatures .role {
    font-weight: bold;
  }
  /* Real room to sign by hand (and stamp): 35 mm between the hint and the printed name. */
  .signatures .space {
    display: block;
    height: 35mm;
  }
  .signatures .hint {
    font-style: italic;
    font-size: 10.5pt;
  }
  .bad {
    font-weight: bold;
    text-decoration: underline;
  }
  /* The preview on a phone: an A4 sheet's margins and columns left a word a line. Print is unchanged. */
  @media screen and ${unsafeCSS(NARROW)} {
    .sheet {
      padding: 1rem;
    }
    .heading,
    .signatures {
      grid-template-columns: 1fr;
    }
  }
`;
