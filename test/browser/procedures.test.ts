import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/widgets/src/procedures/define.js';
import type { SipasProcedures } from '../../packages/widgets/src/procedures/procedures.js';
import { serverStart, serverStop, sleep, testServer, waitFor } from '../support/commands.js';

const { endpoint, unit } = testServer();
const STATIC_FILE = '/packages/server/demo-data/procedures.json';

const $ = (el: SipasProcedures, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: SipasProcedures, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: SipasProcedures) => $$(el, '[part=item]').map((a) => a.textContent!.trim());
const ready = (el: SipasProcedures) => waitFor(() => $(el, '#q'), 'the catalogue to show');

async function catalogue(attributes: { history?: boolean; src?: string; endpoint?: string } = {}): Promise<SipasProcedures> {
  const el = await fixture<SipasProcedures>(
    attributes.history
      ? html`<sipas-procedures endpoint=${endpoint} unit=${unit} survey-url="/khao-sat.html" feedback-url="/gop-y.html"></sipas-procedures>`
      : attributes.src
        ? html`<sipas-procedures no-history src=${attributes.src}></sipas-procedures>`
        : html`<sipas-procedures no-history endpoint=${attributes.endpoint ?? endpoint} unit=${unit} survey-url="/khao-sat.html"></sipas-procedures>`,
  );
  return el;
}

/** Types into the search box, one input event and one render per keystroke, as a person types. */
async function typeSlowly(el: SipasProcedures, text: string): Promise<void> {
  const input = $(el, '#q') as HTMLInputElement;
  for (const char of text) {
    input.value += char;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

/** Deletes the last `count` characters, one keystroke and one render at a time. */
async function backspace(el: SipasProcedures, count: number): Promise<void> {
  const input = $(el, '#q') as HTMLInputElement;
  for (let i = 0; i < count; i++) {
    input.value = input.value.slice(0, -1);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

/** Types into the search box as a person does, one input event per keystroke. */
async function type(el: SipasProcedures, text: string): Promise<void> {
  const input = $(el, '#q') as HTMLInputElement;
  input.value = '';
  for (const char of text) {
    input.value += char;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function choose(el: SipasProcedures, name: string, value: string | boolean): Promise<void> {
  const control = $(el, `[name=${name}]`) as HTMLInputElement | HTMLSelectElement;
  if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<sipas-procedures>', () => {
  afterEach(() => {
    // Leave the test page's URL as it was (only the runner's own parameters).
    const url = new URL(location.href);
    for (const name of ['tthc', 'tim', 'linhvuc', 'cap', 'tructuyen']) url.searchParams.delete(name);
    history.replaceState(null, '', url.href);
  });

  it('is accessible while loading and with the catalogue shown', async () => {
    const el = await catalogue();
    await expect(el).to.be.accessible();
    await ready(el);
    await expect(el).to.be.accessible();
    expect(names(el).length).to.equal(10, 'the first page only');
    expect($(el, '[part=status]')!.textContent).to.match(/Tìm thấy \d{3} thủ tục/);
  });

  it('finds without diacritics, in any case and word order, on partial words, and highlights the matches', async () => {
    const el = await catalogue();
    await ready(el);
    await type(el, 'dang ky khai sinh');
    expect(names(el)[0]).to.equal('Đăng ký khai sinh');
    expect($$(el, '[part=item]')[0]!.querySelectorAll('mark').length).to.be.greaterThan(0);
    expect([...$$(el, '[part=item]')[0]!.querySelectorAll('mark')].map((m) => m.textContent).join('|')).to.equal('Đăng ký khai sinh');

    await type(el, 'chung thuc ban sao');
    expect(names(el)).to.include('Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận');

    await type(el, 'DAT DAI');
    expect(names(el).length).to.be.greaterThan(5);
    for (const a of $$(el, '[part=item]')) expect(a.parentElement!.textContent!.toLowerCase()).to.contain('đất đai');

    await type(el, 'khai sinh dang ky');
    expect(names(el)).to.include('Đăng ký khai sinh');
    await type(el, 'ket ho');
    expect(names(el)).to.include('Đăng ký kết hôn');
    await type(el, '1.001193');
    expect(names(el)).to.deep.equal(['Đăng ký khai sinh']);
  });

  it('ranks as a citizen expects: the exact title, then titles starting with the words, then the words in order, then the rest', async () => {
    const el = await catalogue();
    el.pageSize = 30;
    await ready(el);
    await type(el, 'khai sinh');
    const found = names(el);
    expect(found[0]).to.equal('Đăng ký khai sinh');
    const copy = found.indexOf('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh');
    expect(copy).to.be.greaterThan(0);
    for (const name of found.slice(0, copy)) expect(name).to.match(/khai sinh/i, 'the phrase, earlier in the title, ranks first');
    expect(found.slice(0, 3).every((name) => name.startsWith('Đăng ký khai sinh'))).to.equal(true);

    await type(el, 'dang ky ket hon');
    expect(names(el)[0]).to.equal('Đăng ký kết hôn', 'the exact title first');
    await type(el, 'ket hon dang ky');
    expect(names(el)).to.include('Đăng ký kết hôn', 'any word order still finds it');

    // Typing one letter at a time narrows as it goes and ends at the same ranking.
    await type(el, 'chung thuc ban sao');
    expect(names(el)[0]).to.match(/^Chứng thực bản sao/);
  });

  it('forgives one typo: swapped letters in a four-letter word, a wrong, missing or extra letter in longer words; exact matches stay first', async () => {
    const el = await catalogue();
    await ready(el);
    await type(el, 'khai sihn');
    expect(names(el)[0]).to.equal('Đăng ký khai sinh');
    expect(names(el).length).to.be.greaterThan(5);
    // The word the typo stood for is what gets highlighted.
    expect([...$$(el, '[part=item]')[0]!.querySelectorAll('mark')].map((m) => m.textContent).join('|')).to.equal('khai sinh');
    await type(el, 'chugn thuc');
    expect(names(el)[0]).to.match(/^Chứng thực/);
    await type(el, 'giai quyrt tranh chap');
    expect(names(el)[0]).to.match(/^Giải quyết tranh chấp/, 'a wrong letter');
    await type(el, 'tranh chapp');
    expect(names(el)).to.include('Hòa giải tranh chấp đất đai', 'an extra letter');
    await type(el, 'dang ky thuog tru');
    expect(names(el)[0]).to.equal('Đăng ký thường trú', 'a missing letter');
    // Three letters are too few to guess from: no typo is assumed.
    await type(el, 'kia sinh');
    expect(names(el)).to.deep.equal([]);
    expect($(el, '[part=status]')!.textContent).to.contain('Không tìm thấy thủ tục nào');
  });

  it('keeps the results list short (one page rendered), the count visible and announced, and the results reachable by keyboard', async () => {
    const el = await catalogue();
    await ready(el);
    await type(el, 'dang ky');
    const total = Number(/\d+/.exec($(el, '[part=status]')!.textContent!)![0]);
    expect(total).to.be.greaterThan(10);
    expect($$(el, '[part=item]').length).to.equal(10, 'only the first page is in the DOM');
    const live = $(el, '[aria-live=polite]')!;
    await waitFor(() => live.textContent!.includes(`Tìm thấy ${total} thủ tục`), 'the live region to announce the count');
    const first = $$(el, '[part=item]')[0]!;
    first.focus();
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(first.getAttribute('href')).to.contain('tthc=');
    await expect(el).to.be.accessible();
  });

  it('announces the count to screen readers and helps when nothing matches', async () => {
    const el = await catalogue();
    await ready(el);
    await type(el, 'zzzz khong co');
    expect($(el, '[part=status]')!.textContent).to.contain('Không tìm thấy thủ tục nào');
    expect($(el, '[part=notice]')!.textContent).to.contain('Hãy thử gõ ít từ hơn');
    const live = $(el, '[aria-live=polite]')!;
    await waitFor(() => live.textContent!.includes('Không tìm thấy'), 'the live region to announce');
    await expect(el).to.be.accessible();
  });

  it('filters by field, level and online availability, and clears the filters', async () => {
    const el = await catalogue();
    await ready(el);
    await choose(el, 'field', 'Chứng thực');
    const all = Number(/\d+/.exec($(el, '[part=status]')!.textContent!)![0]);
    expect(all).to.be.within(5, 20);
    for (const item of $$(el, '[part=list] li')) expect(item.textContent).to.contain('Chứng thực');
    await choose(el, 'online', true);
    const online = $$(el, '[part=list] li');
    expect(online.length).to.be.lessThan(all);
    for (const item of online) expect(item.textContent).to.contain('Trực tuyến');
    await choose(el, 'level', 'Cơ quan khác');
    await type(el, 'zzz');
    ($$(el, '[part=notice] button')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    expect(($(el, '[name=field]') as HTMLSelectElement).value).to.equal('');
    expect(($(el, '[name=online]') as HTMLInputElement).checked).to.equal(false);
  });

  it('shows a procedure in full: checklist, ways to submit, steps, legal basis, rate and feedback links', async () => {
    const el = await catalogue({ history: true });
    await ready(el);
    await type(el, 'dang ky khai sinh');
    const opened = new Promise<CustomEvent>((resolve) => el.addEventListener('sipas-procedure-opened', (e) => resolve(e as CustomEvent), { once: true }));
    $$(el, '[part=item]')[0]!.click();
    expect((await opened).detail).to.deep.equal({ code: '1.001193', name: 'Đăng ký khai sinh' });
    await waitFor(() => $(el, '[part=checklist] input[type=checkbox]'), 'the detail');
    expect($(el, 'h3')!.textContent).to.equal('Đăng ký khai sinh');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    expect($(el, '.boxes')!.textContent).to.contain('Miễn phí');
    expect($$(el, 'ol li').length).to.be.greaterThan(1);
    expect($(el, '[part=detail]')!.textContent).to.contain('123/2015/NĐ-CP');
    const links = $$(el, '.actions a').map((a) => (a as HTMLAnchorElement).href);
    expect(links).to.include(new URL('/khao-sat.html?procedure=1.001193', location.href).href);
    expect(links).to.include(new URL('/gop-y.html?procedure=1.001193', location.href).href);
    expect(links.some((href) => href.startsWith('https://dichvucong.gov.vn/'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('follows deep links and the back button, keeping the search', async () => {
    const url = new URL(location.href);
    url.searchParams.set('tim', 'khai sinh');
    url.searchParams.set('tthc', '1.001193');
    history.replaceState(null, '', url.href);
    const el = await catalogue({ history: true });
    await waitFor(() => $(el, 'h3')?.textContent === 'Đăng ký khai sinh' && $(el, '[part=checklist]'), 'the deep-linked procedure');

    ($(el, '.back') as HTMLButtonElement).click();
    await waitFor(() => $(el, '#q'), 'the list');
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('khai sinh');
    expect(new URL(location.href).searchParams.get('tthc')).to.equal(null);
    expect(new URL(location.href).searchParams.get('tim')).to.equal('khai sinh');

    const item = $$(el, '[part=item]').find((a) => a.textContent!.trim() === 'Đăng ký lại khai sinh')!;
    item.click();
    await waitFor(() => $(el, 'h3')?.textContent === 'Đăng ký lại khai sinh', 'the second procedure');
    expect(new URL(location.href).searchParams.get('tthc')).to.equal('1.004884');
    history.back();
    await waitFor(() => $(el, '#q'), 'the list after the back button');
    await waitFor(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Đăng ký lại khai sinh', 'focus back on the item');
    expect(new URL(location.href).searchParams.get('tthc')).to.equal(null);
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('khai sinh');
  });

  // The browser going offline is tested end to end (test/e2e/procedures.test.ts): here the test
  // runner's own connection would go down with it, so the server going away stands in for it.
  it('on a revisit without a connection shows the saved catalogue at once and says when it was updated', async () => {
    const first = await catalogue();
    await ready(first);
    await type(first, 'khai sinh');
    $$(first, '[part=item]')[0]!.click();
    await waitFor(() => $(first, '[part=checklist]'), 'the detail, fetched and kept');
    first.remove();

    await serverStop();
    try {
      const el = await catalogue();
      await ready(el);
      await waitFor(() => $(el, '[part=notice]'), 'the offline notice');
      expect($(el, '[part=notice]')!.textContent).to.match(/Không kết nối được máy chủ.*cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./s);
      await type(el, 'dang ky khai sinh');
      expect(names(el)[0]).to.equal('Đăng ký khai sinh');
      await expect(el).to.be.accessible();
      $$(el, '[part=item]')[0]!.click();
      await waitFor(() => $(el, '[part=checklist]'), 'the detail seen before, from the device');
      ($(el, '.back') as HTMLButtonElement).click();
      await el.updateComplete;
      await type(el, 'ket hon');
      $$(el, '[part=item]')[0]!.click();
      await waitFor(() => $(el, '[part=detail] .notice'), 'the message for a detail never seen');
      expect($(el, '[part=detail] .notice')!.textContent).to.contain('khi không có mạng');
      await expect(el).to.be.accessible();
    } finally {
      await serverStart();
    }
  });

  it('revalidates the saved catalogue with its ETag and reports it fresh', async () => {
    const el = document.createElement('sipas-procedures') as SipasProcedures;
    const sources: string[] = [];
    el.addEventListener('sipas-procedures-loaded', (e) => sources.push(`${(e as CustomEvent).detail.source}:${(e as CustomEvent).detail.fresh}`));
    el.setAttribute('no-history', '');
    el.endpoint = endpoint;
    el.unit = unit;
    document.body.append(el);
    await waitFor(() => sources.length >= 2, 'the cached copy, then the revalidated one');
    expect(sources.slice(0, 2)).to.deep.equal(['cache:true', 'network:true']);
    expect($(el, '[part=notice]')).to.equal(null);
    el.remove();
  });

  it('reads a static JSON file with src, without any server', async () => {
    await serverStop();
    try {
      const el = await catalogue({ src: STATIC_FILE });
      await ready(el);
      await type(el, 'CHUNG THUC DI CHUC');
      expect(names(el)[0]).to.equal('Chứng thực di chúc');
      $$(el, '[part=item]')[0]!.click();
      await waitFor(() => $(el, '[part=checklist]'), 'the detail from the file');
      expect($(el, '[part=detail]')!.textContent).to.contain('2.001019');
      await expect(el).to.be.accessible();
    } finally {
      await serverStart();
    }
  });

  it('says so, accessibly, when the catalogue cannot be loaded at all, and retries', async () => {
    const el = await catalogue({ endpoint: 'http://127.0.0.1:9/' });
    await waitFor(() => $(el, '[role=alert]'), 'the error');
    expect($(el, '[role=alert]')!.textContent).to.contain('Chưa tải được danh mục thủ tục');
    await expect(el).to.be.accessible();
    el.endpoint = endpoint;
    await ready(el);
  });

  it('pages long results with "Xem thêm" and honours page-size', async () => {
    const el = await catalogue();
    el.pageSize = 5;
    await ready(el);
    await type(el, 'dang ky');
    expect(names(el).length).to.equal(5);
    const more = () => $$(el, 'button.secondary').find((b) => b.textContent!.includes('Xem thêm')) as HTMLButtonElement;
    more().focus();
    more().click();
    await el.updateComplete;
    expect(names(el).length).to.equal(10);
    await sleep(0);
    // Keyboard and screen reader users go on from the first new result, not from the button below them.
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '[part=item]')[5]);
    expect(more().textContent).to.match(/còn \d+/);
  });

  it('narrows while typing and widens again while deleting, always as a fresh search would', async () => {
    const el = await catalogue();
    await ready(el);
    const fresh = async (query: string, field = '') => {
      const other = await catalogue();
      await ready(other);
      if (field) await choose(other, 'field', field);
      await type(other, query);
      const seen = { names: names(other), count: $(other, '[part=status]')!.textContent };
      other.remove();
      return seen;
    };
    const shown = () => ({ names: names(el), count: $(el, '[part=status]')!.textContent });
    await typeSlowly(el, 'dang ky khai sinh');
    expect(shown()).to.deep.equal(await fresh('dang ky khai sinh'));
    expect(names(el)[0]).to.equal('Đăng ký khai sinh');
    await backspace(el, 'khai sinh'.length);
    expect(shown()).to.deep.equal(await fresh('dang ky '));
    await typeSlowly(el, 'thuogn');
    expect(names(el)[0]).to.equal('Đăng ký thường trú', 'a typo after narrowing still finds it');
    await backspace(el, 'thuogn'.length);
    await choose(el, 'field', 'Hộ tịch');
    expect(shown()).to.deep.equal(await fresh('dang ky', 'Hộ tịch'));
    await choose(el, 'field', '');
    expect(shown()).to.deep.equal(await fresh('dang ky'), 'a filter taken off widens the results again');
    expect(names(el)).to.include('Đăng ký thường trú');
    await choose(el, 'field', 'Hộ tịch');
    await typeSlowly(el, 'ket hon');
    expect(shown()).to.deep.equal(await fresh('dang ky ket hon', 'Hộ tịch'));
  });
});
