import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Results } from '@sipas/schema';
import { html } from 'lit';
import '../packages/widgets/src/badge/define.js';

/**
 * `<sipas-badge>` in every state. The stories give the element its figures directly (no endpoint),
 * so they render the same without a server; with `endpoint` and `unit` it fetches them itself.
 */
const meta: Meta = { title: 'Elements/sipas-badge', component: 'sipas-badge' };
export default meta;

const factor = (factor: string, vi: string, rate: number | null, score: number | null) => ({
  factor, title: { vi }, valid: rate === null ? 0 : 135, rate, points: 0, maxPoints: 0, pointsRate: rate, score,
});
const label = (vi: string, en: string) => ({ vi, en });

const published: Results = {
  unit: 'phuong-tan-hoa', unitName: 'UBND phường Tân Hòa', units: ['phuong-tan-hoa'],
  period: { id: '2026-Q3', from: '2026-07-01', to: '2026-09-30', label: label('Quý III năm 2026', 'Q3 2026') },
  questionnaire: 'hanoi-2025-ward', forms: 45, minimumForms: 30, published: true, aggregation: 'mean-of-factors', rounding: 'truncate',
  index: 0.8855, pointsRate: 0.858, points: 3089, maxPoints: 3600, score: { total: 20.56, max: 30, scoredMax: 24 },
  factors: [
    factor('access', 'Tiếp cận dịch vụ', 0.8484, 5.09), factor('procedure', 'Thủ tục hành chính', 0.8467, 5.08),
    factor('official', 'Công chức giải quyết TTHC', 0.8767, 5.26), factor('result', 'Kết quả giải quyết TTHC', 0.855, 5.13),
    factor('feedback', 'Tiếp nhận, xử lý PAKN', null, null),
  ] as Results['factors'],
  criteria: [
    ['a1', 'access', 'Có biển hiệu, hướng dẫn rõ ràng, dễ tìm', 0.8666], ['b1', 'procedure', 'Quy định TTHC được niêm yết công khai', 0.8444],
    ['c1', 'official', 'Thái độ lịch sự, tôn trọng', 0.9111], ['d1', 'result', 'Trả kết quả đúng hẹn', 0.8222],
  ].map(([item, f, vi, rate]) => ({ item: item as string, questionnaire: 'hanoi-2025-ward', factor: f as 'access', text: { vi: vi as string }, valid: 45, satisfied: Math.round((rate as number) * 45), notApplicable: 0, rate: rate as number, points: 0, maxPoints: 0 })),
  fields: [{ field: 'Tư pháp – Hộ tịch', forms: 25, published: false }],
  trend: [
    { period: '2025-Q4', label: label('Quý IV năm 2025', 'Q4 2025'), forms: 41, published: true, index: 0.8012 },
    { period: '2026-Q1', label: label('Quý I năm 2026', 'Q1 2026'), forms: 38, published: true, index: 0.8233 },
    { period: '2026-Q2', label: label('Quý II năm 2026', 'Q2 2026'), forms: 22, published: false },
    { period: '2026-Q3', label: label('Quý III năm 2026', 'Q3 2026'), forms: 45, published: true, index: 0.8855 },
  ],
  computedAt: '2026-10-01T02:00:00.000Z',
};

const insufficient: Results = {
  ...published, forms: 12, published: false, index: undefined, pointsRate: undefined, points: undefined, maxPoints: undefined,
  score: undefined, factors: undefined, criteria: undefined,
  trend: published.trend.map((t) => ({ period: t.period, label: t.label, forms: Math.min(t.forms, 12), published: false })),
};

const badge = (options: { results?: Results; expanded?: boolean; savedAt?: string; state?: string } = {}) =>
  html`<div style="max-width: 360px">
    <sipas-badge unit="phuong-tan-hoa" details-href="#ket-qua" ?expanded=${options.expanded ?? false}
      .results=${options.results} .savedAt=${options.savedAt} .state=${options.state ?? (options.results ? 'ready' : 'loading')}></sipas-badge>
  </div>`;

/** Compact: the index as the published tables print it, the period, the count, a link. */
export const Compact: StoryObj = { render: () => badge({ results: published }) };
/** Expanded: the five factors as bars (PAKN without answers), the criteria, four periods of trend. */
export const Expanded: StoryObj = { render: () => badge({ results: published, expanded: true }) };
/** Fewer responses than the minimum: only the count and "chưa đủ dữ liệu". */
export const NotEnoughData: StoryObj = { render: () => badge({ results: insufficient, expanded: true }) };
/** Before the figures arrive: the card keeps the size it will have. */
export const Loading: StoryObj = { render: () => badge() };
/** Offline: the stored figures, saying they could not be updated. */
export const OfflineWithStoredFigures: StoryObj = { render: () => badge({ results: published, savedAt: '2026-11-20T08:15:00.000Z' }) };
/** Offline, nothing stored: a message and a retry button. */
export const OfflineNothingStored: StoryObj = { render: () => badge({ state: 'error' }) };
/** Try the attributes (controls from custom-elements.json) on the published figures. */
export const Playground: StoryObj<{ expanded: boolean; 'details-href': string }> = {
  args: { expanded: false, 'details-href': '#ket-qua' },
  render: (args) => html`<div style="max-width: 360px">
    <sipas-badge unit="phuong-tan-hoa" details-href=${args['details-href']} ?expanded=${args.expanded} .results=${published} .state=${'ready'}></sipas-badge>
  </div>`,
};
/** Themed through --sipas-* custom properties only. */
export const Themed: StoryObj = {
  render: () => html`<div style="--sipas-color-primary: #00507a; --sipas-badge-track-color: #dde8ef; --sipas-radius: 12px; --sipas-font-family: Georgia, serif">
    ${badge({ results: published, expanded: true })}
  </div>`,
};
