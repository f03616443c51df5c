import { BNV_2023, type Answers, type SurveyReceipt } from '@sipas/schema';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/widgets/src/survey/define.js';
import type { SipasSurvey } from '../packages/widgets/src/survey/survey.js';

/**
 * Every state of `<sipas-survey>`. The stories render the built-in national questionnaire
 * (`.definition`), so they work without a server; the sending states are shown the way a host
 * page that takes over sending would show them (`showReceipt()`, `showQueued()`).
 */
const meta: Meta = {
  title: 'Elements/sipas-survey',
  component: 'sipas-survey',
  parameters: { layout: 'padded' },
};
export default meta;

const complete: Answers = Object.fromEntries(BNV_2023.items.map((item) => [item.id, item.factor === 'feedback' ? null : 4]));
const receipt: SurveyReceipt = {
  id: '00000000-0000-4000-8000-000000000000',
  receipt: 'K7QM-4XTD',
  receivedAt: '2026-11-12T03:15:00.000Z',
  leaf: { index: 41, hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
};

async function ready(canvas: HTMLElement): Promise<SipasSurvey> {
  const el = canvas.querySelector('sipas-survey')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
  return el;
}
const press = async (el: SipasSurvey, selector = 'button[type=submit]') => {
  el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();
  await new Promise((r) => setTimeout(r, 30));
};
async function toReview(el: SipasSurvey) {
  for (let i = 0; i < 10 && !el.shadowRoot!.querySelector('[part=review]'); i++) await press(el);
}
/** Takes over sending, as a host page may, and shows `then` on the element. */
async function sendAnd(el: SipasSurvey, then: (el: SipasSurvey) => void) {
  await toReview(el);
  el.addEventListener('sipas-survey-submit', (event) => event.preventDefault(), { once: true });
  await press(el);
  then(el);
}

const survey = (options: { mode?: string; layout?: string; answers?: Answers } = {}) =>
  html`<sipas-survey
    .definition=${BNV_2023}
    .answers=${options.answers ?? {}}
    mode=${options.mode ?? 'web'}
    layout=${options.layout ?? 'steps'}
    reset-after="3600"
    style="max-width: 40rem"
  ></sipas-survey>`;

/** The first step, nothing answered, no errors shown. */
export const Empty: StoryObj = { render: () => survey() };

/** "Tiếp tục" pressed with questions unanswered: the GOV.UK error summary takes focus. */
export const StepWithErrors: StoryObj = {
  render: () => survey({ answers: { q16: 5 } }),
  play: async ({ canvasElement }) => press(await ready(canvasElement)),
};

/** The review before sending, each factor with a "Sửa" button. */
export const Review: StoryObj = {
  render: () => survey({ answers: complete }),
  play: async ({ canvasElement }) => toReview(await ready(canvasElement)),
};

/** Offline or the server down: kept on the device, to be sent later. */
export const QueuedOffline: StoryObj = {
  render: () => survey({ answers: complete }),
  play: async ({ canvasElement }) => sendAnd(await ready(canvasElement), (el) => el.showQueued()),
};

/** Stored: the receipt code and the ballot-box confirmation code. */
export const Submitted: StoryObj = {
  render: () => survey({ answers: complete }),
  play: async ({ canvasElement }) => sendAnd(await ready(canvasElement), (el) => el.showReceipt(receipt)),
};

/** A kiosk at the counter: large type, no personal questions. */
export const Kiosk: StoryObj = { render: () => survey({ mode: 'kiosk' }) };

/** The kiosk's thank-you screen, before it starts afresh for the next citizen. */
export const KioskThankYou: StoryObj = {
  render: () => survey({ mode: 'kiosk', answers: complete }),
  play: async ({ canvasElement }) => sendAnd(await ready(canvasElement), (el) => el.showReceipt(receipt)),
};

/** Every question on one page (`layout="single"`). */
export const SinglePage: StoryObj = { render: () => survey({ layout: 'single' }) };

/** Waiting for the questionnaire (an address that never answers): the form keeps its place. */
export const Loading: StoryObj = {
  render: () => html`<sipas-survey endpoint="http://10.255.255.1/" unit="phuong-tan-hoa" style="max-width: 40rem"></sipas-survey>`,
};

/** The endpoint refuses the connection and no questionnaire is saved on the device. */
export const Unavailable: StoryObj = {
  render: () => html`<sipas-survey endpoint="http://127.0.0.1:9/" unit="khong-co-don-vi" questionnaire="khong-co-phieu" style="max-width: 40rem"></sipas-survey>`,
};

/** The ward's own introduction in the default slot, above the first step. */
export const WithIntroduction: StoryObj = {
  render: () => html`<sipas-survey .definition=${BNV_2023} style="max-width: 40rem">
    <p>Ông/bà vừa làm thủ tục tại Bộ phận Một cửa phường? Xin dành khoảng 2 phút cho biết mức độ hài lòng.</p>
  </sipas-survey>`,
};

/** Themed through --sipas-* custom properties only (a province portal's blue, square corners, Arial). */
export const Themed: StoryObj = {
  render: () => html`<div style="--sipas-color-primary: #005baa; --sipas-radius: 0; --sipas-font-family: Arial, sans-serif">${survey()}</div>`,
};

/** Try the attributes (controls from custom-elements.json). */
export const Playground: StoryObj<{ mode: string; layout: string }> = {
  args: { mode: 'web', layout: 'steps' },
  argTypes: { mode: { control: 'inline-radio', options: ['web', 'kiosk'] }, layout: { control: 'inline-radio', options: ['steps', 'single'] } },
  render: (args) => survey({ mode: args.mode, layout: args.layout }),
};
