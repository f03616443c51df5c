import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear, createStore, entries } from 'idb-keyval';
import '../../packages/widgets/src/survey/define.js';
import { usePrefetched } from '../../packages/widgets/src/shared/client.js';
import { flushOutbox } from '../../packages/widgets/src/shared/outbox.js';
import { setLocale } from '../../packages/widgets/src/shared/localize.js';
import type { SipasSurvey, SurveySubmittedDetail } from '../../packages/widgets/src/survey/survey.js';
import { dossierToken, serverStart, serverStop, sleep, sql, testServer, waitFor, withoutIndexedDB } from '../support/commands.js';

const { endpoint, unit } = testServer();
const drafts = createStore('sipas-drafts', 'drafts');

const $ = <T extends Element = HTMLElement>(el: SipasSurvey, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: SipasSurvey, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: SipasSurvey) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const stepTitle = (el: SipasSurvey) => $(el, '.step-title')?.textContent?.replace(/\s+/g, ' ').trim();

async function survey(attributes: Partial<Record<'mode' | 'layout' | 'token' | 'reset-after' | 'idle-after', string>> = {}) {
  const el = await fixture<SipasSurvey>(html`<sipas-survey
    endpoint=${endpoint}
    unit=${unit}
    mode=${attributes.mode ?? 'web'}
    layout=${attributes.layout ?? 'steps'}
    token=${attributes.token ?? ''}
    reset-after=${attributes['reset-after'] ?? '15'}
    idle-after=${attributes['idle-after'] ?? '120'}
  ></sipas-survey>`);
  await waitFor(() => $(el, 'form'), 'the questionnaire');
  return el;
}

/** Clicks "Hài lòng" (4) in every rating group shown, like a citizen tapping the labels. */
async function answerShown(el: SipasSurvey, value = '4') {
  for (const group of $$(el, 'fieldset')) group.querySelector<HTMLInputElement>(`input[value="${value}"]`)?.click();
  await el.updateComplete;
}

async function next(el: SipasSurvey) {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await sleep(20);
  await el.updateComplete;
}

async function toReview(el: SipasSurvey) {
  for (let i = 0; i < 10 && !$(el, '[part=review]'); i++) {
    await answerShown(el);
    await next(el);
  }
  expect($(el, '[part=review]'), 'the review step').to.exist;
}

/** Lit keeps property values in the element's own (symbol-keyed) fields; this reads what they hold. */
const memoryOf = (el: SipasSurvey) =>
  Reflect.ownKeys(el)
    .map((key) => {
      const value: unknown = Reflect.get(el, key);
      try {
        return typeof value === 'object' && value && 'host' in value ? '' : JSON.stringify(value);
      } catch {
        return '';
      }
    })
    .join(' ');

const countFor = async (id: string) => (await sql('SELECT id FROM survey_responses WHERE id = ?', [id])).length;

// What earlier test files left in the outbox (a receipt delivered while no survey was open) is
// another device's story: each test starts from a fresh one.
const outboxStores = ['sipas-outbox', 'sipas-outbox-delivered', 'sipas-outbox-rejected'].map((db) => createStore(db, 'entries'));

beforeEach(async () => {
  await clear(drafts);
  for (const store of outboxStores) await clear(store);
  history.replaceState(null, '', location.pathname);
});

describe('<sipas-survey>', () => {
  it('is accessible on the first step, with errors, on the review and after sending', async () => {
    const el = await survey();
    await expect(el).to.be.accessible();
    expect(stepTitle(el)).to.equal('Bước 1/6 · Tiếp cận dịch vụ');
    await next(el);
    expect($(el, '.error-summary')).to.exist;
    await expect(el).to.be.accessible();
    await toReview(el);
    await expect(el).to.be.accessible();
    await next(el);
    await waitFor(() => $(el, '[part=receipt]'), 'the receipt');
    await expect(el).to.be.accessible();
  });

  it('shows one factor per step with a progress heading, back and next, and a review of every answer', async () => {
    const el = await survey();
    await answerShown(el);
    await next(el);
    expect(stepTitle(el)).to.equal('Bước 2/6 · Thủ tục hành chính');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-title'));
    // Item 21 (fees) may be answered "không áp dụng"; item 20 may not.
    expect($(el, 'input[name=q21][value=na]')).to.exist;
    expect($(el, 'input[name=q20][value=na]')).to.be.null;
    $<HTMLButtonElement>(el, '.nav .secondary')!.click();
    await sleep(20);
    expect(stepTitle(el)).to.equal('Bước 1/6 · Tiếp cận dịch vụ');
    expect($<HTMLInputElement>(el, 'input[name=q15][value="4"]')!.checked).to.equal(true);
    await toReview(el);
    expect(text(el)).to.contain('Xem lại trước khi gửi');
    expect($$(el, '[part=review] dd').map((dd) => dd.textContent)).to.include('Hài lòng');
    // Demographics are optional and unanswered here.
    expect(text(el)).to.contain('Chưa trả lời');
    expect(text(el)).to.contain('(không bắt buộc)');
  });

  it('validates with a GOV.UK error summary that takes focus and links to each question', async () => {
    const el = await survey();
    expect($(el, '.error-summary'), 'no errors on load').to.be.null;
    expect($$(el, '[aria-invalid=true]')).to.have.length(0);
    $<HTMLInputElement>(el, 'input[name=q16][value="5"]')!.click();
    await next(el);
    const summary = $(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['Câu 1: Hãy chọn một mức độ hài lòng', 'Câu 3: Hãy chọn một mức độ hài lòng', 'Câu 4: Hãy chọn một mức độ hài lòng']);
    const group = $(el, 'input#q17')!.closest('fieldset')!;
    expect(group.getAttribute('aria-describedby')).to.equal('q17-error');
    expect($(el, '#q17-error')!.textContent).to.contain('Hãy chọn một mức độ hài lòng');
    expect($(el, 'input#q17')!.getAttribute('aria-invalid')).to.equal('true');
    summary.querySelectorAll('a')[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input#q17'));
    $<HTMLInputElement>(el, 'input[name=q17][value="3"]')!.click();
    await el.updateComplete;
    expect($(el, '#q17-error'), 'a corrected answer loses its error').to.be.null;
    expect(stepTitle(el), 'still on the first step').to.contain('Bước 1/6');
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await survey();
    const submitted = new Promise<CustomEvent<SurveySubmittedDetail>>((resolve) =>
      el.addEventListener('sipas-survey-submitted', resolve, { once: true }),
    );
    (document.activeElement as HTMLElement | null)?.blur();
    for (let presses = 0; presses < 400 && !$(el, '[part=done]'); presses++) {
      const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
      if (active?.type === 'radio' && active.name.startsWith('q') && !$$<HTMLInputElement>(el, `input[name="${active.name}"]`).some((r) => r.checked)) {
        // Tab enters a group on its first level; an arrow key moves to the next one and chooses it.
        await sendKeys({ press: 'ArrowDown' });
      } else if (active?.type === 'submit') {
        await sendKeys({ press: 'Enter' });
        await sleep(30);
      } else {
        await sendKeys({ press: 'Tab' });
      }
    }
    const { detail } = await submitted;
    expect(detail.receipt.receipt).to.match(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(Object.values(detail.response.answers).every((value) => value === 4)).to.equal(true);
    expect(await countFor(detail.response.id)).to.equal(1);
  });

  it('restores the draft after a reload and clears it once sent', async () => {
    const first = await survey();
    await answerShown(first);
    await next(first);
    $<HTMLInputElement>(first, 'input[name=q19][value="2"]')!.click();
    await sleep(50);
    first.remove();

    const el = await survey();
    // The first step shows at once; the draft takes its place as IndexedDB answers.
    await waitFor(() => stepTitle(el)?.includes('Bước 2/6'), 'the draft');
    expect($<HTMLInputElement>(el, 'input[name=q19][value="2"]')!.checked).to.equal(true);
    expect(el.answers.q15).to.equal(4);
    await toReview(el);
    await next(el);
    await waitFor(() => $(el, '[part=receipt]'), 'the receipt');
    expect(await entries(drafts).then((all) => all.filter(([key]) => String(key).startsWith('survey:')))).to.have.length(0);
  });

  it('when the request sipas.js made ahead for the questionnaire fails, shows the copy kept from the last visit', async () => {
    const named = () => fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit} questionnaire="bnv-2023"></sipas-survey>`);
    const url = new URL('v1/questionnaires/bnv-2023', endpoint.replace(/\/?$/, '/')).href;
    const first = await named();
    await waitFor(() => $(first, 'form'), 'the questionnaire, kept for the next visit');
    const title = $(first, '[part=title]')!.textContent;
    first.remove();
    // What the loader hands over: a request made before this code arrived, here one that failed.
    usePrefetched(new Map([[url, Promise.reject(new TypeError('Failed to fetch'))]]));
    const el = await named();
    await waitFor(() => $(el, 'form'), 'the kept questionnaire');
    expect($(el, '[part=title]')!.textContent).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it('puts every question on one page in the single layout', async () => {
    const el = await survey({ layout: 'single' });
    expect($$(el, 'fieldset').length).to.equal(21);
    expect(text(el)).not.to.contain('Bước');
    await next(el);
    expect($$(el, '.error-summary li')).to.have.length(19);
    await answerShown(el, '5');
    await next(el);
    await waitFor(() => $(el, '[part=receipt]'), 'the receipt');
  });

  it('sends the context from the page URL, as a QR code opens it', async () => {
    const dossier = `HS-QR-${Date.now()}`;
    const token = await dossierToken(dossier, '1.001193');
    history.replaceState(null, '', `${location.pathname}?token=${token}&field=T%C6%B0%20ph%C3%A1p%20%E2%80%93%20H%E1%BB%99%20t%E1%BB%8Bch&channel=qr`);
    const el = await survey();
    await waitFor(() => text(el).includes('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn'), 'the verified-dossier hint');
    await toReview(el);
    await next(el);
    const rows = await waitFor(async () => {
      const rows = await sql<{ channel: string; procedure_code: string; field: string; dossier: string; source: string }>(
        'SELECT channel, procedure_code, field, dossier, source FROM survey_responses WHERE dossier = ?',
        [dossier],
      );
      return rows.length ? rows : undefined;
    }, 'the stored response');
    expect(rows![0]).to.include({ channel: 'qr', procedure_code: '1.001193', field: 'Tư pháp – Hộ tịch', source: 'dossier' });
    history.replaceState(null, '', location.pathname);
  });

  it('a second scan of a rated dossier is refused as the survey opens, before any answer', async () => {
    const token = await dossierToken(`HS-${Date.now()}`);
    const first = await survey({ token });
    await toReview(first);
    await next(first);
    await waitFor(() => $(first, '[part=receipt]'), 'the first receipt');
    first.remove();
    await clear(drafts);

    const el = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit} token=${token}></sipas-survey>`);
    const notice = await waitFor(() => $(el, '.refused'), 'the refusal');
    expect(notice!.textContent).to.contain('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a forged token is refused as the survey opens, with the reason', async () => {
    const token = await dossierToken(`HS-${Date.now()}`);
    const forged = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    const el = await fixture<SipasSurvey>(html`<sipas-survey endpoint=${endpoint} unit=${unit} token=${forged}></sipas-survey>`);
    const notice = await waitFor(() => $(el, '.refused'), 'the refusal');
    expect(notice!.textContent).to.match(/Mã QR/);
    expect($(el, 'form')).to.equal(null);
  });

  it('keeps the response when the server is down, says so, and shows the receipt once delivered', async () => {
    const el = await survey();
    await toReview(el);
    const queued = new Promise<CustomEvent>((resolve) => el.addEventListener('sipas-survey-queued', resolve, { once: true }));
    await serverStop();
    try {
      await next(el);
      const { detail } = await queued;
      await el.updateComplete;
      expect(text(el)).to.contain('Phiếu đã được lưu trên máy này');
      expect(text(el)).to.contain('không cần làm lại');
      await expect(el).to.be.accessible();
      const delivered = new Promise<CustomEvent<SurveySubmittedDetail>>((resolve) =>
        el.addEventListener('sipas-survey-submitted', resolve, { once: true }),
      );
      await serverStart();
      await flushOutbox({ force: true });
      expect((await delivered).detail.receipt.id).to.equal(detail.response.id);
      await el.updateComplete;
      expect($(el, '[part=receipt]')!.textContent).to.contain('Mã biên nhận');
      expect(await countFor(detail.response.id)).to.equal(1);
    } finally {
      await serverStart();
    }
  });

  it('without IndexedDB, keeps the response in the page, says to keep it open, and sends it once the server is back', async () => {
    const el = await survey();
    await toReview(el);
    const giveBack = withoutIndexedDB();
    try {
      await serverStop();
      const queued = new Promise<CustomEvent>((resolve) => el.addEventListener('sipas-survey-queued', resolve, { once: true }));
      await next(el);
      const { detail } = await queued;
      await el.updateComplete;
      expect(text(el)).to.contain('xin giữ trang này mở');
      const delivered = new Promise<CustomEvent<SurveySubmittedDetail>>((resolve) => el.addEventListener('sipas-survey-submitted', resolve, { once: true }));
      await serverStart();
      await flushOutbox({ force: true });
      expect((await delivered).detail.receipt.id).to.equal(detail.response.id);
      expect(await countFor(detail.response.id)).to.equal(1);
    } finally {
      giveBack();
      await serverStart();
    }
  });

  it('records every answer of a scripted fill that ticks and moves on in one task', async () => {
    const el = await survey();
    const ticked: string[] = [];
    for (let i = 0; i < 12 && !$(el, '[part=review]'); i++) {
      const before = stepTitle(el);
      // One task: tick "Hài lòng" in every group shown, then "Tiếp tục" — no render in between.
      for (const group of $$(el, 'fieldset')) {
        const input = group.querySelector<HTMLInputElement>('input[value="4"]');
        if (input) {
          input.click();
          ticked.push(input.name);
        }
      }
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await waitFor(() => stepTitle(el) !== before || $(el, '.error-summary'), 'the next step');
      expect($(el, '.error-summary'), `no question left unanswered on "${before}"`).to.equal(null);
    }
    expect($(el, '[part=review]'), 'the review step').to.exist;
    for (const id of ticked) expect(el.answers[id], id).to.equal(4);
  });

  it('lets the host page take over sending with a cancelable event', async () => {
    const el = await survey();
    await toReview(el);
    el.addEventListener('sipas-survey-submit', (event) => event.preventDefault(), { once: true });
    let sent = false;
    el.addEventListener('sipas-survey-submitted', () => (sent = true));
    await next(el);
    await sleep(100);
    expect(sent).to.equal(false);
    expect($(el, '[part=review]'), 'still on the review').to.exist;
    el.showReceipt({ id: crypto.randomUUID(), receipt: 'ABCD-EFGH', receivedAt: new Date().toISOString(), leaf: { index: 7, hash: '9f86d081884c7d65' } });
    await el.updateComplete;
    expect(text(el)).to.contain('ABCD-EFGH');
    expect(text(el)).to.contain('Mã xác nhận: 9F86 D081');
  });

  it('speaks English when the page does', async () => {
    await setLocale('en');
    try {
      const el = await survey();
      expect(stepTitle(el)).to.equal('Step 1 of 6 · Access to the service');
      expect($$(el, 'fieldset')[0]!.textContent).to.contain('Very satisfied');
      await next(el);
      expect($(el, '.error-summary a')!.textContent).to.contain('Question 1: Choose how satisfied you are');
    } finally {
      await setLocale('vi');
    }
  });
});

describe('<sipas-survey mode="kiosk">', () => {
  it('asks no personal questions, thanks, then resets leaving nothing of the citizen behind', async () => {
    const el = await survey({ mode: 'kiosk', 'reset-after': '1' });
    await expect(el).to.be.accessible();
    expect(stepTitle(el)).to.equal('Bước 1/5 · Tiếp cận dịch vụ');
    const submitted = new Promise<CustomEvent<SurveySubmittedDetail>>((resolve) =>
      el.addEventListener('sipas-survey-submitted', resolve, { once: true }),
    );
    await toReview(el);
    expect(text(el)).not.to.contain('Giới tính');
    await next(el);
    const { detail } = await submitted;
    await el.updateComplete;
    expect(text(el)).to.contain(detail.receipt.receipt);
    expect(text(el)).to.contain('Màn hình sẽ trở về phiếu mới sau 1 giây');
    await expect(el).to.be.accessible();
    const [row] = await sql<{ channel: string }>('SELECT channel FROM survey_responses WHERE id = ?', [detail.response.id]);
    expect(row!.channel).to.equal('kiosk');

    expect(memoryOf(el), 'the check below can see the response').to.contain(detail.receipt.receipt);

    await waitFor(() => $(el, 'form'), 'the reset', 4000);
    expect(text(el)).not.to.contain(detail.receipt.receipt);
    expect(stepTitle(el)).to.contain('Bước 1/5');
    expect($$<HTMLInputElement>(el, 'input').filter((input) => input.checked)).to.have.length(0);
    expect(el.answers).to.deep.equal({});
    expect(memoryOf(el)).not.to.contain(detail.response.id);
    expect(memoryOf(el)).not.to.contain(detail.receipt.receipt);
    expect((await entries(drafts)).filter(([key]) => String(key).startsWith('survey:'))).to.have.length(0);
  });

  it('wipes a half-filled form when the citizen walks away', async () => {
    const el = await survey({ mode: 'kiosk', 'idle-after': '1' });
    await answerShown(el);
    await next(el);
    $<HTMLInputElement>(el, 'input[name=q19][value="1"]')!.click();
    await sleep(100);
    expect((await entries(drafts)).filter(([key]) => String(key).startsWith('survey:'))).to.have.length(1);
    await waitFor(() => stepTitle(el)?.includes('Bước 1/5'), 'the inactivity reset', 4000);
    expect($$<HTMLInputElement>(el, 'input').filter((input) => input.checked)).to.have.length(0);
    expect(el.answers).to.deep.equal({});
    await sleep(50);
    expect((await entries(drafts)).filter(([key]) => String(key).startsWith('survey:'))).to.have.length(0);
  });
});
