import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import demo from '../packages/server/demo-data/procedures.json';
import { writeCopy } from '../packages/widgets/src/shared/cache.js';
import '../packages/widgets/src/procedures/define.js';

/**
 * Every state of `<sipas-procedures>`. The stories read the demo catalogue as a static file
 * (`src`), so they work without a server; `no-history` keeps Storybook's URL alone.
 */
const meta: Meta = {
  title: 'Elements/sipas-procedures',
  component: 'sipas-procedures',
  parameters: { layout: 'padded' },
};
export default meta;

const file = URL.createObjectURL(new Blob([JSON.stringify(demo)], { type: 'application/json' }));
/** A file that cannot be fetched, whose last copy is on the device (the offline revisit). */
const GONE = 'https://thu-tuc.example.invalid/danh-muc.json';

type Story = StoryObj<{ query: string; field: string; online: boolean; code: string }>;

const catalogue = (args: Partial<{ query: string; field: string; online: boolean; code: string }> = {}, src = file) =>
  html`<sipas-procedures
    no-history
    src=${src}
    page-size="10"
    survey-url="khao-sat.html"
    feedback-url="gop-y.html"
    .query=${args.query ?? ''}
    .field=${args.field ?? ''}
    .online=${args.online ?? false}
    .code=${args.code || undefined}
    style="max-width: 40rem"
  ></sipas-procedures>`;

/** The whole list, first page. */
export const List: Story = { render: () => catalogue() };

/** Typing without diacritics: matches are highlighted, best first. */
export const Search: Story = { args: { query: 'dang ky khai sinh' }, render: (args) => catalogue(args) };

/** Filtered by field and online availability. */
export const Filtered: Story = { args: { field: 'Chứng thực', online: true }, render: (args) => catalogue(args) };

/** Nothing matches: the count says so and the help suggests what to try. */
export const NoResults: Story = { args: { query: 'giay phep lai tau bay', field: 'Hộ tịch' }, render: (args) => catalogue(args) };

/** One procedure: ways to submit, printable checklist, steps, legal basis, rate and feedback links. */
export const Detail: Story = { args: { code: '1.001193' }, render: (args) => catalogue(args) };

/** A deep link to a code the unit does not have. */
export const DetailNotFound: Story = { args: { code: '9.999999' }, render: (args) => catalogue(args) };

/** A revisit without a connection: the saved catalogue, and when it was last confirmed. */
export const OfflineRevisit: Story = {
  loaders: [
    async () => {
      await writeCopy(GONE, { etag: undefined, data: demo, checkedAt: new Date(Date.now() - 36 * 3600_000).toISOString() });
      return {};
    },
  ],
  render: () => catalogue({}, GONE),
};

/** The catalogue could not be loaded and nothing is saved on the device. */
export const LoadError: Story = { render: () => catalogue({}, 'https://khong-co.example.invalid/thu-tuc.json') };

/** Waiting for the endpoint (an address that never answers). */
export const Loading: Story = { render: () => html`<sipas-procedures no-history endpoint="http://10.255.255.1/" unit="phuong-tan-hoa"></sipas-procedures>` };
