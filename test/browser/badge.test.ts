import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/widgets/src/badge/define.js';
import type { SipasBadge } from '../../packages/widgets/src/badge/badge.js';
import { clear, createStore } from 'idb-keyval';
import { serverStart, serverStop, testServer, waitFor } from '../support/commands.js';

const { endpoint, unit } = testServer();

const part = (el: SipasBadge, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: SipasBadge, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function badge(attributes: { expanded?: boolean; period?: string; details?: string } = {}): Promise<SipasBadge> {
  return fixture<SipasBadge>(
    html`<sipas-badge endpoint=${endpoint} unit=${unit} period=${attributes.period ?? ''} details-href=${attributes.details ?? ''} ?expanded=${attributes.expanded ?? false}></sipas-badge>`,
  );
}

const loaded = (el: SipasBadge) => waitFor(() => /\d/.test(text(el, "value")), "the index");

async function publicResults(period = '') {
  const response = await fetch(`${endpoint}/v1/units/${unit}/results${period ? `?period=${period}` : ''}`);
  return response.json();
}

describe('<sipas-badge>', () => {
  // The stored copies live in the elements' one IndexedDB store of cached resources.
  beforeEach(() => clear(createStore('sipas-cache', 'resources')));
  // The endpoint out of reach (as offline, or the ward's server down): the server is stopped.
  afterEach(() => serverStart());

  it('is accessible while loading, and reserves the space the figures will take', async () => {
    const el = await badge({ details: '/ket-qua.html' });
    expect(part(el, 'badge')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    const before = el.getBoundingClientRect().height;
    await loaded(el);
    await el.updateComplete;
    expect(Math.abs(el.getBoundingClientRect().height - before)).to.be.below(1.5);
  });

  it('compact: the index as Vietnamese prints it, the period, the count and a link to details', async () => {
    const el = await badge({ details: '/ket-qua.html' });
    await loaded(el);
    await expect(el).to.be.accessible();
    const results = await publicResults();
    expect(results.published).to.equal(true);
    const expected = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      Math.floor(results.index * 10000 + 1e-9) / 10000,
    );
    expect(text(el, 'value')).to.equal(expected);
    expect(text(el, 'value')).to.match(/^\d{2},\d{2}\s?%$/);
    expect(text(el, 'meta')).to.contain(results.period.label.vi);
    expect(text(el, 'meta')).to.contain(`${results.forms} phiếu khảo sát`);
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/ket-qua.html');
    expect(link.textContent).to.contain('Xem chi tiết');
    expect(part(el, 'factors')).to.equal(null);
  });

  it('expanded: five factors as bars with their figures in text, the criteria table, four periods of trend', async () => {
    const el = await badge({ expanded: true });
    await loaded(el);
    await waitFor(() => part(el, 'factors'), 'the factors');
    await expect(el).to.be.accessible();
    const factors = [...part(el, 'factors')!.querySelectorAll('li')];
    expect(factors.length).to.equal(5);
    for (const li of factors) {
      expect(li.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(li.textContent).to.match(/\d,\d{2}\s?%|Không có ý kiến/);
    }
    const rows = part(el, 'criteria')!.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(19);
    expect(rows[0]!.textContent).to.match(/%/);
    const trend = [...part(el, 'trend')!.querySelectorAll('li')];
    expect(trend.length).to.equal(4);
    expect(trend.at(-1)!.textContent).to.contain('Quý');
    expect(text(el, 'score')).to.match(/^Điểm: \d{1,2},\d{2}\/30$/);
  });

  it('below the minimum: only the count and "Chưa đủ dữ liệu", no percentage', async () => {
    const el = await badge({ period: '2020', expanded: true });
    await waitFor(() => text(el, 'value').includes('Chưa đủ dữ liệu'), '"Chưa đủ dữ liệu"');
    await expect(el).to.be.accessible();
    expect(text(el, 'meta')).to.contain('0 phiếu khảo sát');
    expect(el.shadowRoot!.textContent).to.contain('từ 30 phiếu trở lên');
    expect(part(el, 'factors')).to.equal(null);
    expect(part(el, 'criteria')).to.equal(null);
  });

  it('shows the stored figures before the server answers, and when out of reach says they could not be updated', async () => {
    const first = await badge();
    await loaded(first);
    const figure = text(first, 'value');
    first.remove();
    await serverStop();
    // What the badge shows when the failed request comes back: the copy kept on the device.
    let shownWhenFailed: string | undefined;
    const failed = new Promise((resolve) =>
      addEventListener('sipas-badge-failed', (event) => resolve((shownWhenFailed = text(event.target as SipasBadge, 'value'))), { once: true }),
    );
    const el = await badge();
    await failed;
    expect(shownWhenFailed, 'shown from the stored copy, not from the server').to.equal(figure);
    await el.updateComplete;
    expect(text(el, 'status')).to.contain('chưa cập nhật được');
    await expect(el).to.be.accessible();
    await serverStart();
    dispatchEvent(new Event('online'));
    await waitFor(() => !part(el, 'status'), 'fresh figures once back online');
  });

  it('out of reach with nothing stored: a message and a retry button', async () => {
    await serverStop();
    // A period this page never fetched, so that the browser's HTTP cache has nothing either.
    const el = await badge({ period: '2025-9M' });
    await waitFor(() => part(el, 'status'), 'the error');
    expect(text(el, 'status')).to.contain('Chưa tải được kết quả');
    await expect(el).to.be.accessible();
    await serverStart();
    (part(el, 'status')!.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => text(el, 'value').includes('Chưa đủ dữ liệu'), 'the results after retrying');
  });

  it('follows the theme through --sipas-* custom properties', async () => {
    const el = await badge();
    el.style.setProperty('--sipas-color-primary', 'rgb(0, 80, 160)');
    await loaded(el);
    expect(getComputedStyle(part(el, 'value')!).color).to.equal('rgb(0, 80, 160)');
  });
});
