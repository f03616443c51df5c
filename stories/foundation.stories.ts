import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = {
  title: 'Foundation/Design tokens',
};
export default meta;

/** The `--sipas-*` custom properties every element reads; override them on the element or an ancestor. */
export const Tokens: StoryObj = {
  render: () => html`<dl style="font-family: system-ui">
    ${[
      ['--sipas-color-primary', '#a50e0e'],
      ['--sipas-color-on-primary', '#ffffff'],
      ['--sipas-color-text', '#1f1f1f'],
      ['--sipas-color-surface', '#ffffff'],
      ['--sipas-color-error', '#b3261e'],
      ['--sipas-color-focus', '#ffbf47'],
      ['--sipas-font-family', 'system-ui'],
      ['--sipas-font-size', 'medium'],
      ['--sipas-radius', '6px'],
      ['--sipas-touch-target', '44px'],
    ].map(
      ([name, value]) =>
        html`<dt><code>${name}</code></dt>
          <dd><span style="display:inline-block;width:1em;height:1em;vertical-align:middle;background:${value}"></span> ${value}</dd>`,
    )}
  </dl>`,
};
