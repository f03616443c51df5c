import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FeedbackLookup, FeedbackReceipt, PublishedFeedbackList } from '@sipas/schema';
import { html } from 'lit';
import '../packages/widgets/src/feedback/define.js';

/**
 * `<sipas-feedback>` in every state. The stories set the element's state directly and point it at
 * an endpoint that does not answer, so they render the same without a server (the procedure
 * field then falls back to a code input, as it does when the catalogue is unavailable).
 */
const meta: Meta = { title: 'Elements/sipas-feedback', component: 'sipas-feedback' };
export default meta;

const endpoint = 'http://127.0.0.1:9/';
const unit = 'phuong-tan-hoa';

const receipt: FeedbackReceipt = {
  id: '6f1d1a52-8c1e-4d7e-9a51-000000000009',
  trackingCode: 'K7QM-4TZX',
  secret: 'DEMQ2345',
  receivedAt: '2026-11-20T02:00:00.000Z',
  dueOn: '2026-12-04',
};

const lookup = (status: FeedbackLookup['status'], overdue = false): FeedbackLookup => {
  const steps = ['received', 'routed', 'in_progress', 'answered', 'published'] as const;
  const reached = steps.slice(0, steps.indexOf(status) + 1);
  return {
    trackingCode: 'TANH-2345',
    unit,
    topic: 'procedure',
    title: 'Thời gian chờ cấp trích lục khai sinh',
    status,
    receivedAt: '2026-11-10T02:00:00.000Z',
    dueOn: '2026-11-24',
    overdue,
    timeline: reached.map((s, i) => ({ status: s, at: `2026-11-${String(10 + i * 2).padStart(2, '0')}T03:00:00.000Z` })),
    ...(reached.includes('answered')
      ? { answer: 'Phường xin lỗi ông về sự chậm trễ và đã niêm yết lại quy định về thời điểm nhận hồ sơ trong ngày.', answeredAt: '2026-11-16T03:00:00.000Z' }
      : {}),
  };
};

const answers: PublishedFeedbackList = {
  unit,
  total: 2,
  items: [
    {
      trackingCode: 'TANH-2345',
      topic: 'procedure',
      procedureCode: '1.001193',
      title: 'Thời gian chờ cấp trích lục khai sinh',
      content: 'Công dân được hẹn trả kết quả trong ngày nhưng hai ngày sau mới nhận được.',
      answer: 'Hồ sơ được tiếp nhận sau 15 giờ nên được hẹn sang ngày làm việc tiếp theo; phiếu hẹn ghi nhầm ngày. Phường xin lỗi công dân.',
      receivedAt: '2026-11-10T02:00:00.000Z',
      publishedAt: '2026-11-18T02:00:00.000Z',
    },
    {
      trackingCode: 'TANH-6789',
      topic: 'other',
      title: 'Ghế chờ bị hỏng',
      content: 'Hai ghế ở khu chờ bị gãy chân.',
      answer: 'Phường đã thay ghế mới ngày 15/11.',
      receivedAt: '2026-11-05T02:00:00.000Z',
      publishedAt: '2026-11-16T02:00:00.000Z',
    },
  ],
};

export const Form: StoryObj = { render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit}></sipas-feedback>` };

export const ProcedurePreselected: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} procedure="1.001193"></sipas-feedback>`,
};

export const WithComplaintsLink: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} complaints-url="https://example.gov.vn/khieu-nai"></sipas-feedback>`,
};

export const Errors: StoryObj = {
  render: () => html`<sipas-feedback
    endpoint=${endpoint}
    unit=${unit}
    .errors=${[
      { field: 'topic-regulation', message: 'Chọn loại phản ánh' },
      { field: 'title', message: 'Nhập tiêu đề (ít nhất 5 ký tự)' },
      { field: 'phone', message: 'Nhập số điện thoại, ví dụ 0912 345 678' },
      { field: 'consent', message: 'Cần đồng ý để cơ quan xử lý thông tin' },
    ]}
  ></sipas-feedback>`,
};

export const Sending: StoryObj = { render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} .phase=${'sending'}></sipas-feedback>` };

export const QueuedOffline: StoryObj = { render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} .phase=${'queued'}></sipas-feedback>` };

export const Sent: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} .phase=${'sent'} .receipt=${receipt}></sipas-feedback>`,
};

export const RefusedAfterQueueing: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} .notice=${'Phản ánh đã lưu chưa được nhận: Dữ liệu gửi lên không hợp lệ.'}></sipas-feedback>`,
};

export const LookupEmpty: StoryObj = { render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="lookup"></sipas-feedback>` };

export const LookupNotFound: StoryObj = {
  render: () => html`<sipas-feedback
    endpoint=${endpoint}
    unit=${unit}
    view="lookup"
    .lookupErrors=${[{ field: 'code', message: 'Không tìm thấy phản ánh khớp các mã này' }]}
  ></sipas-feedback>`,
};

export const LookupReceived: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="lookup" .lookup=${lookup('received')}></sipas-feedback>`,
};

export const LookupInProgressOverdue: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="lookup" .lookup=${lookup('in_progress', true)}></sipas-feedback>`,
};

export const LookupPublished: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="lookup" .lookup=${lookup('published')}></sipas-feedback>`,
};

export const PublishedAnswers: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="answers" .answers=${answers}></sipas-feedback>`,
};

export const NoPublishedAnswers: StoryObj = {
  render: () => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="answers" .answers=${{ unit, total: 0, items: [] }}></sipas-feedback>`,
};

/** Try the attributes (controls from custom-elements.json): the three views, a preselected procedure, the complaints link. */
export const Playground: StoryObj<{ view: string; procedure: string; 'complaints-url': string }> = {
  args: { view: 'form', procedure: '', 'complaints-url': '' },
  argTypes: { view: { control: 'inline-radio', options: ['form', 'lookup', 'answers'] } },
  render: (args) => html`<sipas-feedback endpoint=${endpoint} unit=${unit} view=${args.view} procedure=${args.procedure || undefined}
    complaints-url=${args['complaints-url'] || undefined} .answers=${args.view === 'answers' ? answers : undefined}></sipas-feedback>`,
};
