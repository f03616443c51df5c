// Issue 15, item 3: the rough edges a citizen met in the four elements, each checked in the state the
// citizen sees it — numbering, the thank-you codes, dates, the send button, target sizes, layouts at
// 320 px and at 200 % zoom, English — against the real test server and its demo data.
import { expect, fixture, html } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import '../../packages/widgets/src/badge/define.js';
import '../../packages/widgets/src/feedback/define.js';
import '../../packages/widgets/src/procedures/define.js';
import '../../packages/widgets/src/survey/define.js';
import { setLocale } from '../../packages/widgets/src/shared/localize.js';
import type { SipasProcedures } from '../../packages/widgets/src/procedures/procedures.js';
import type { SipasSurvey } from '../../packages/widgets/src/survey/survey.js';
import { dossierToken, screenshot, sleep, testServer, unzoom, waitFor, zoomTo } from '../support/commands.js';

const { endpoint, unit } = testServer();
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');

/**
 * The window sizes of the narrow checks (see zoomTo): a 320 px phone; a 640 px window at 200 %
 * (320 CSS px, devicePixelRatio 2); and the issue's own case, a 360 px phone at 200 % (180 CSS px).
 */
const NARROW = [
  { name: '320 px', width: 320, zoom: 1 },
  { name: '200 % zoom of a 640 px window', width: 640, zoom: 2 },
  { name: '200 % zoom of a 360 px phone', width: 360, zoom: 2 },
];

/**
 * What sticks out sideways: the page scrolls horizontally, or a box inside the element reaches past
 * its right edge, or a box scrolls its own content sideways.
 */
function overflow(el: Element): string[] {
  const problems: string[] = [];
  const page = document.scrollingElement!;
  if (page.scrollWidth > innerWidth) problems.push(`the page is ${page.scrollWidth} px wide in a ${innerWidth} px window`);
  const right = el.getBoundingClientRect().right;
  for (const box of root(el).querySelectorAll<HTMLElement>('*')) {
    if (box.closest('.visually-hidden') || box.matches('style, slot')) continue;
    const rect = box.getBoundingClientRect();
    if (rect.width && rect.right > right + 0.5) problems.push(`<${box.localName} class="${box.className}"> ends at ${Math.round(rect.right)} px, past ${Math.round(right)} px`);
    if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible')
      problems.push(`<${box.localName} class="${box.className}"> scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
  }
  return problems;
}

/**
 * Targets under 44 × 44 CSS px: links, buttons, fields, and the labels of radios and checkboxes
 * (the label is what a finger hits; the small box itself sits inside its row).
 */
function smallTargets(el: Element): string[] {
  const small: string[] = [];
  for (const target of root(el).querySelectorAll<HTMLElement>('a[href], button, select, textarea, input, label')) {
    if (target.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    if (target.matches('input[type=radio], input[type=checkbox]')) continue;
    const forBox = (label: HTMLLabelElement) => label.htmlFor && root(el).querySelector(`#${CSS.escape(label.htmlFor)}:is([type=radio], [type=checkbox])`);
    if (target.matches('label') && !target.querySelector('input[type=radio], input[type=checkbox]') && !forBox(target as HTMLLabelElement)) continue;
    const rect = target.getBoundingClientRect();
    if (!rect.width) continue;
    if (rect.width < 44 - 0.5 || rect.height < 44 - 0.5)
      small.push(`<${target.localName}> "${target.textContent!.trim().replace(/\s+/g, ' ').slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
  }
  return small;
}

/** Checks the element at every narrow size and gives the window back. */
async function checkNarrow(el: Element, name: string): Promise<void> {
  try {
    for (const size of NARROW) {
      await zoomTo(size.width, 800, size.zoom);
      expect(devicePixelRatio, size.name).to.equal(size.zoom);
      expect(innerWidth, size.name).to.equal(size.width / size.zoom);
      expect(overflow(el), `${name} at ${size.name}`).to.deep.equal([]);
      expect(smallTargets(el), `${name} at ${size.name}`).to.deep.equal([]);
      await expect(el).to.be.accessible();
      if (size.zoom === 1) await screenshot(`${name.replace(/[^a-z0-9]+/gi, '-')}-320`);
    }
  } finally {
    await unzoom();
  }
}

const outboxStores = ['sipas-outbox', 'sipas-outbox-delivered', 'sipas-outbox-rejected'].map((db) => createStore(db, 'entries'));
const drafts = createStore('sipas-drafts', 'drafts');

beforeEach(async () => {
  await clear(drafts);
  for (const store of outboxStores) await clear(store);
  await clear(createStore('sipas-cache', 'resources'));
  history.replaceState(null, '', location.pathname);
});
afterEach(() => setLocale('vi'));

async function survey(token = '') {
  const el = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit} token=${token}></sipas-survey>`);
  await waitFor(() => $(el, 'form'), 'the questionnaire');
  return el;
}
const submitButton = (el: Element) => $<HTMLButtonElement>(el, 'button[type=submit]')!;
async function next(el: SipasSurvey) {
  submitButton(el).click();
  await sleep(20);
  await el.updateComplete;
}
/** Answers every step with "Hài lòng" and collects the numbers shown before each question. */
async function toReview(el: SipasSurvey): Promise<number[]> {
  const numbers: number[] = [];
  for (let i = 0; i < 10 && !$(el, '[part=review]'); i++) {
    numbers.push(...$$(el, '.num').map((n) => Number(n.textContent!.replace('.', ''))));
    for (const group of $$(el, 'fieldset')) group.querySelector<HTMLInputElement>('input[value="4"]')?.click();
    await el.updateComplete;
    await next(el);
  }
  return numbers;
}

describe('citizen: <sipas-survey>', () => {
  it('numbers every question once, 1 to the last, on the steps, the review and in the errors', async () => {
    const el = await survey();
    await next(el);
    expect($(el, '.error-summary')!.textContent).to.contain('Câu 1:');
    const numbers = await toReview(el);
    const all = numbers.length;
    expect(all).to.be.above(19, 'the service items and the questions about the citizen');
    expect(numbers).to.deep.equal(Array.from({ length: all }, (_, i) => i + 1));
    const reviewed = $$(el, '[part=review] dt').map((dt) => Number(/^(\d+)\./.exec(dt.textContent!.trim())![1]));
    expect(reviewed).to.deep.equal(numbers);
    expect(text(el)).to.contain('20. Giới tính');
  });

  it('on an 800 px kiosk tablet in portrait, a five-level scale stands on one row with every radio on one line', async () => {
    try {
      await zoomTo(800, 1280, 1);
      const el = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit} mode="kiosk"></sipas-survey>`);
      await waitFor(() => $(el, 'form'), 'the questionnaire');
      const scales = $$(el, '.options').filter((options) => options.children.length === 5);
      expect(scales.length).to.be.above(0, 'a step with five-level scales');
      for (const options of scales) {
        const tops = (selector: string) => new Set([...options.querySelectorAll(selector)].map((node) => Math.round(node.getBoundingClientRect().top)));
        expect([...tops('.option')], 'one row, not 4 + 1').to.have.length(1);
        expect([...tops('.option input')], 'the radios on one line').to.have.length(1);
      }
      expect(overflow(el)).to.deep.equal([]);
      await screenshot('kiosk-800');
    } finally {
      await unzoom();
    }
  });

  it('disables "Gửi phiếu" while the response is on its way, then explains both codes on the thank-you screen', async () => {
    const el = await survey();
    await toReview(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).disabled, 'while sending').to.equal(true);
    expect(submitButton(el).textContent).to.contain('Đang gửi…');
    const receipts = await waitFor(() => ($$(el, '[part=receipt]').length === 2 ? $$(el, '[part=receipt]') : undefined), 'both codes');
    expect(receipts![0]!.textContent).to.match(/Mã biên nhận: [2-9A-Z]{4}-[2-9A-Z]{4}\s*Phường cấp mã này khi đã lưu phiếu\./);
    expect(receipts![1]!.textContent).to.match(/Mã xác nhận: [0-9A-Z]{4} [0-9A-Z]{4}\s*Mã để giám sát viên kiểm tra phiếu không bị xóa, sửa\./);
    await checkNarrow(el, 'survey thank-you');
  });

  it('a dossier claimed in another tab meanwhile: refused on sending, and "Gửi phiếu" stays disabled', async () => {
    const token = await dossierToken(`HS-${Date.now()}`);
    // Opened while the dossier is unrated: the check as the survey opens lets the citizen in.
    const second = await survey(token);
    expect(text(second)).to.contain('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn');
    // Meanwhile the same receipt's QR code is answered on another phone.
    const api = (path: string) => new URL(`v1/${path}`, endpoint.replace(/\/?$/, '/')).href;
    const form = await (await fetch(api('questionnaires/bnv-2023'))).json();
    const other = await fetch(api('surveys'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        unit,
        questionnaire: { id: form.id, version: form.version },
        answers: Object.fromEntries(form.items.map((item: { id: string }) => [item.id, 4])),
        context: { channel: 'qr', token },
        submittedAt: new Date().toISOString(),
      }),
    });
    expect(other.status, 'the other phone').to.equal(201);

    await toReview(second);
    await next(second);
    const notice = await waitFor(() => $(second, '.refused'), 'the refusal');
    expect(notice!.textContent).to.contain('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');
    expect(submitButton(second).disabled, 'after the refusal').to.equal(true);
    // Changing an answer or going back and forth cannot make the server accept it: still disabled.
    $<HTMLButtonElement>(second, '.review-head button')!.click();
    await sleep(20);
    $$<HTMLInputElement>(second, 'fieldset input[value="5"]')[0]!.click();
    await second.updateComplete;
    expect(text(second)).to.contain('Hồ sơ này đã được đánh giá');
    await toReview(second);
    expect(submitButton(second).disabled, 'back on the review').to.equal(true);
    await expect(second).to.be.accessible();
  });

  it('lays out a step and the review at 320 px and at 200 % zoom with targets of 44 px', async () => {
    const el = await survey();
    await checkNarrow(el, 'survey first step');
    await toReview(el);
    await checkNarrow(el, 'survey review');
  });
});

describe('citizen: <sipas-procedures>', () => {
  const open = async (code: string) => {
    const el = await fixture<SipasProcedures>(html`<sipas-procedures no-history endpoint=${endpoint} unit=${unit} survey-url="/khao-sat.html" feedback-url="/gop-y.html"></sipas-procedures>`);
    await waitFor(() => $(el, '#q'), 'the catalogue');
    if (code) {
      el.open(code);
      await waitFor(() => $(el, '[part=checklist]'), 'the detail');
    }
    return el;
  };

  it('shows 1.001193 (Đăng ký khai sinh) complete: no document cut off with "…", dates as 01/11/2026', async () => {
    const el = await open('1.001193');
    const documents = $$(el, '[part=checklist] li:not(.group) label');
    expect(documents.length).to.be.above(3);
    for (const d of documents) expect(d.textContent!.trim(), 'a document').not.to.match(/…/);
    expect(documents.map((d) => d.textContent).join(' ')).to.contain('thì văn bản ủy quyền không phải chứng thực');
    expect(text(el)).to.match(/Thông tin cập nhật ngày \d{2}\/\d{2}\/\d{4}\./);
    expect(text(el)).not.to.contain('thg');
    await checkNarrow(el, 'procedure detail');
  });

  it('lays out the search and its filters at 320 px and at 200 % zoom', async () => {
    const el = await open('');
    expect($(el, 'select[name=level]'), 'the level filter').to.exist;
    expect(text(el)).to.match(/Danh mục cập nhật ngày \d{2}\/\d{2}\/\d{4}\./);
    await checkNarrow(el, 'procedures search');
  });

  it('in English: levels translated, and a search in English is told that names are Vietnamese', async () => {
    await setLocale('en');
    const el = await open('');
    const levels = $$<HTMLOptionElement>(el, 'select[name=level] option').map((o) => o.textContent!.trim());
    expect(levels).to.include.members(['All', 'Commune level', 'Provincial level']);
    expect(levels.join(' ')).not.to.match(/Cấp/);
    expect($(el, 'label[for=q]')!.textContent).to.contain('Vietnamese names');
    const input = $<HTMLInputElement>(el, '#q')!;
    input.value = 'birth';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(el)).to.contain('No procedure found');
    expect($(el, '[part=notice]')!.textContent).to.contain('for a birth registration type “khai sinh”');
    input.value = 'khai sinh';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($$(el, '[part=item]').length).to.be.above(0);
    el.open('1.001193');
    await waitFor(() => $(el, '[part=checklist]'), 'the detail');
    const level = $$(el, 'dt').find((dt) => dt.textContent === 'Level')!.nextElementSibling!;
    expect(level.textContent).to.equal('Commune level');
    await expect(el).to.be.accessible();
  });
});

describe('citizen: <sipas-feedback>', () => {
  it('topic rows are 44 px targets, and the form fits 320 px and 200 % zoom', async () => {
    indexedDB.deleteDatabase('sipas-drafts');
    const el = await fixture(html`<sipas-feedback endpoint=${endpoint} unit=${unit}></sipas-feedback>`);
    await waitFor(() => $(el, 'nav'), 'the element');
    const rows = $$(el, 'label[for^="topic-"]');
    expect(rows.length).to.be.above(2);
    for (const row of rows) expect(row.getBoundingClientRect().height, row.textContent!).to.be.at.least(44);
    await checkNarrow(el, 'feedback form');
  });

  it('the published answers fit 320 px and 200 % zoom, dated 16/12/2026', async () => {
    const el = await fixture(html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="answers"></sipas-feedback>`);
    const first = await waitFor(() => $(el, 'article'), 'a published answer');
    expect(first!.textContent).to.match(/\d{2}\/\d{2}\/\d{4}/);
    expect(text(el)).not.to.contain('thg');
    await checkNarrow(el, 'feedback answers');
  });

  it('dates a looked-up case as 16/12/2026, never "16 thg 12, 2026"', async () => {
    const el = await fixture(html`<sipas-feedback endpoint=${endpoint} unit=${unit} view="lookup"></sipas-feedback>`);
    await waitFor(() => $(el, 'nav'), 'the element');
    for (const [id, value] of [['code', 'TANH-2345'], ['proof', 'DEMQ2345']]) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      input.value = value!;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    const found = await waitFor(() => $(el, '.case'), 'the case');
    expect(found!.textContent).to.match(/Hạn trả lời: \d{2}\/\d{2}\/\d{4}\./);
    expect(found!.textContent).not.to.contain('thg');
    await checkNarrow(el, 'feedback case');
  });
});

describe('citizen: <sipas-badge>', () => {
  it('"Xem chi tiết" is a 44 px target', async () => {
    const el = await fixture(html`<sipas-badge endpoint=${endpoint} unit=${unit} details-href="/ket-qua.html"></sipas-badge>`);
    const link = await waitFor(() => $(el, '[part=link]'), 'the link');
    const rect = link!.getBoundingClientRect();
    expect(rect.height).to.be.at.least(44);
    expect(rect.width).to.be.at.least(44);
    await checkNarrow(el, 'badge compact');
  });

  it('expanded, at 320 px and 200 % zoom: each criterion gets the full width, nothing scrolls sideways', async () => {
    const el = await fixture(html`<sipas-badge endpoint=${endpoint} unit=${unit} expanded></sipas-badge>`);
    await waitFor(() => $(el, 'tbody th'), 'the criteria');
    const body = $(el, '.card')!;
    try {
      for (const size of NARROW) {
        await zoomTo(size.width, 800, size.zoom);
        const criterion = $(el, 'tbody th')!.getBoundingClientRect();
        expect(criterion.width, `the criterion column at ${size.name}`).to.be.above(body.clientWidth * 0.8);
      }
    } finally {
      await unzoom();
    }
    await checkNarrow(el, 'badge expanded');
  });
});
