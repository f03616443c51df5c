import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

/**
 * A hostile host page: aggressive global CSS (resets on `*`, `all: unset` on the common tags,
 * `[hidden]`, `.visible`, `[role=alert]` hidden, huge fonts) under a strict CSP delivered as an HTTP
 * header, with Trusted Types required. The page is served from the test server's own origin (the
 * CSP's connect-src is 'self', so the endpoint must be same-origin); the script, the API and the
 * English catalogue come from the real server.
 *
 * All four elements must render, be usable and send, with zero CSP or Trusted Types violations;
 * the host's CSS must not change them (computed styles and screenshots against a plain page), and
 * they must not change the host (computed styles of the host's own elements with and without the
 * script).
 */

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

const fixtures = new URL('../../fixtures/hostile/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

/** The host page's own content: a bit of everything the hostile CSS targets. */
const HOST_CONTENT = `
  <h1 id="host-h1">Ủy ban nhân dân phường</h1>
  <p id="host-p" class="visible">Trang của phường, với <a id="host-a" href="#x">một liên kết</a>.</p>
  <form id="host-form"><fieldset id="host-fieldset"><legend>Tìm kiếm</legend>
    <input id="host-input" name="q"> <input id="host-radio" type="radio" name="r"> <button id="host-button" type="button">Tìm</button>
  </fieldset></form>
  <div id="host-alert" role="alert">Thông báo của trang</div>
  <div id="host-hidden" hidden>Ẩn</div>
  <ul id="host-ul"><li>Mục một</li></ul>`;

/** The probes whose computed style the script must leave alone. */
const HOST_PROBES = ['html', 'body', '#host-h1', '#host-p', '#host-a', '#host-fieldset', '#host-input', '#host-radio', '#host-button', '#host-alert', '#host-hidden', '#host-ul'];

function pageHtml(options: { hostile: boolean; script: boolean; lang?: string }): string {
  return `<!doctype html>
<html lang="${options.lang ?? 'vi'}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Trang chủ hostile</title>
  <link rel="stylesheet" href="/hostile/base.css">
  ${options.hostile ? '<link rel="stylesheet" href="/hostile/hostile.css">' : ''}
</head>
<body>
  <main class="widgets">
    <sipas-badge></sipas-badge>
    <sipas-survey></sipas-survey>
    <sipas-procedures></sipas-procedures>
    <sipas-feedback></sipas-feedback>
  </main>
  ${HOST_CONTENT}
  ${options.script ? '<script src="/sipas/sipas.js" data-endpoint="/" data-unit="phuong-tan-hoa" defer></script>' : ''}
</body>
</html>`;
}

interface Report {
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/**
 * Serves the test pages from the server's origin with the CSP as a response header; collects
 * CSP / Trusted Types violation events, console errors and page errors.
 */
async function hostilePages(e2e: E2E, context: BrowserContext): Promise<Report> {
  const report: Report = { violations: [], consoleErrors: [], pageErrors: [] };
  const origin = e2e.server.url;
  const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
  await context.route(`${origin}/hostile/**`, async (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.slice('/hostile/'.length);
    if (name.endsWith('.css')) {
      await route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'text/css; charset=utf-8' }, body: fixture(name) });
      return;
    }
    const variants: Record<string, { hostile: boolean; script: boolean; lang?: string }> = {
      'hostile.html': { hostile: true, script: true },
      'hostile-en.html': { hostile: true, script: true, lang: 'en' },
      'hostile-bare.html': { hostile: true, script: false },
      'plain.html': { hostile: false, script: true },
    };
    const variant = variants[name];
    if (!variant) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: pageHtml(variant) });
  });
  // Init scripts are injected by the browser, not by the page: the CSP does not apply to them.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`),
      true,
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  context.on('weberror', (error) => report.pageErrors.push(error.error().message));
  return report;
}

async function open(e2e: E2E, context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(`/hostile/${name}`, e2e.server.url).href);
  return page;
}

const violationsOf = (page: Page) => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]);

/** Waits until every element has rendered its first real content. */
async function rendered(page: Page): Promise<void> {
  await page.locator('sipas-badge [part~="value"]').waitFor();
  await page.locator('sipas-survey input[type=radio]').first().waitFor();
  await page.locator('sipas-procedures [part=item]').first().waitFor();
  await page.locator('sipas-feedback #title').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Computed styles inside the shadow roots that a citizen depends on. */
async function insideStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const pick = (el: Element | null | undefined, props: string[]) => {
      if (!el) return { missing: 'yes' };
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const out: Record<string, string> = { width: box.width.toFixed(1), height: box.height.toFixed(1) };
      for (const prop of props) out[prop] = style.getPropertyValue(prop);
      return out;
    };
    const TEXT = ['font-size', 'font-family', 'font-weight', 'font-style', 'font-variant-caps', 'line-height', 'color', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'text-shadow', 'text-decoration-line', 'white-space', 'box-sizing', 'visibility', 'display', 'background-color', 'accent-color', 'list-style-type', 'cursor'];
    const root = (tag: string) => document.querySelector(tag)?.shadowRoot;
    const survey = root('sipas-survey');
    const procedures = root('sipas-procedures');
    const feedback = root('sipas-feedback');
    const badge = root('sipas-badge');
    return {
      'survey heading': pick(survey?.querySelector('h2, h3'), TEXT),
      'survey radio option (touch target)': pick(survey?.querySelector('.option'), TEXT),
      'survey radio': pick(survey?.querySelector('input[type=radio]'), ['width', 'height', 'appearance', 'display', 'accent-color', 'box-sizing']),
      'survey next button': pick(survey?.querySelector('button[type=submit], .nav button'), [...TEXT, 'min-height', 'padding-top', 'border-top-width']),
      'procedures search input': pick(procedures?.querySelector('#q'), [...TEXT, 'min-height', 'padding-top']),
      'procedures item': pick(procedures?.querySelector('[part=item]'), TEXT),
      'procedures checkbox': pick(procedures?.querySelector('input[type=checkbox]'), ['width', 'height', 'display', 'accent-color']),
      'feedback label': pick(feedback?.querySelector('label[for=title]'), TEXT),
      'feedback input': pick(feedback?.querySelector('#title'), [...TEXT, 'min-height', 'padding-top']),
      'feedback topic radio': pick(feedback?.querySelector('#topic-other'), ['width', 'height', 'display', 'accent-color']),
      'feedback fieldset': pick(feedback?.querySelector('fieldset'), ['display', 'border-top-width', 'min-width']),
      'feedback honeypot': pick(feedback?.querySelector('.bot'), ['position', 'left', 'display']),
      'badge value': pick(badge?.querySelector('[part~="value"]'), TEXT),
      'badge bar': pick(badge?.querySelector('svg'), ['display', 'width', 'height']),
    };
  });
}

/** The full computed style of the host page's own elements. */
async function hostStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate((selectors) => {
    const out: Record<string, Record<string, string>> = {};
    for (const selector of selectors) {
      const el = document.querySelector(selector)!;
      const style = getComputedStyle(el);
      const props: Record<string, string> = {};
      // The root and the body contain the elements: their height is the elements' content.
      const contains = el.contains(document.querySelector('sipas-survey'));
      for (let i = 0; i < style.length; i++) {
        const prop = style[i]!;
        if (contains && ['height', 'block-size', 'perspective-origin', 'transform-origin'].includes(prop)) continue;
        props[prop] = style.getPropertyValue(prop);
      }
      for (const pseudo of ['::before', '::after']) props[pseudo] = getComputedStyle(el, pseudo).getPropertyValue('content');
      out[selector] = props;
    }
    return out;
  }, HOST_PROBES);
}

/** Pixels that differ between two PNGs, decoded by the browser (a page without CSP): how many, and where. */
async function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<{ count: number; box: number[]; size: number[][] }> {
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = [await decode(a!), await decode(b!)];
      const size = [
        [x.width, x.height],
        [y.width, y.height],
      ];
      if (x.width !== y.width || x.height !== y.height) return { count: -1, box: [], size };
      let count = 0;
      const box = [Infinity, Infinity, -1, -1];
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2] && x.data[i + 3] === y.data[i + 3]) continue;
        count++;
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        box[0] = Math.min(box[0]!, px);
        box[1] = Math.min(box[1]!, py);
        box[2] = Math.max(box[2]!, px);
        box[3] = Math.max(box[3]!, py);
      }
      return { count, box, size };
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

function diff(a: Record<string, Record<string, string>>, b: Record<string, Record<string, string>>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    for (const prop of new Set([...Object.keys(a[key]!), ...Object.keys(b[key] ?? {})])) {
      if (a[key]![prop] !== b[key]?.[prop]) out.push(`${key} ${prop}: ${a[key]![prop]} ≠ ${b[key]?.[prop]}`);
    }
  }
  return out;
}

/** Answers every shown question "Hài lòng" step by step up to the review, then sends. */
async function sendSurvey(page: Page): Promise<string> {
  const survey = page.locator('sipas-survey');
  for (let step = 0; step < 10 && !(await survey.getByRole('heading', { name: 'Xem lại trước khi gửi' }).isVisible()); step++) {
    for (const radio of await survey.locator('input[value="4"]').all()) await radio.check();
    await survey.getByRole('button', { name: 'Tiếp tục' }).click();
  }
  await survey.getByRole('button', { name: 'Gửi phiếu' }).click();
  return (await survey.locator('[part=receipt] strong').first().textContent({ timeout: 20_000 }))!.trim();
}

describe('a hostile host page: aggressive global CSS and a strict CSP with Trusted Types', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let report: Report;
  before(async () => {
    e2e = await startE2E();
    context = await e2e.context({ viewport: { width: 800, height: 900 } });
    report = await hostilePages(e2e, context);
  });
  after(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('the CSP is really in force on the test page (Trusted Types refuse a string in innerHTML)', async () => {
    const page = await open(e2e, context, 'hostile-bare.html');
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true, 'require-trusted-types-for is enforced');
    // A style attribute inside a shadow root, as a template's style="…" would make.
    await page.evaluate(() => {
      const inner = document.createElement('p');
      inner.setAttribute('style', 'color: red');
      document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' }).append(inner);
    });
    await page.waitForTimeout(100);
    assert.deepEqual(
      (await violationsOf(page)).map((v) => v.split(' ')[0]),
      ['require-trusted-types-for', 'style-src-attr'],
      'and the page reports violations, from shadow roots too, so the listener works',
    );
    await page.close();
    report.violations.length = 0;
    report.consoleErrors.length = 0;
  });

  it('all four elements render, are usable and send, with zero CSP or Trusted Types violations', async () => {
    const page = await open(e2e, context, 'hostile.html');
    await rendered(page);

    // The badge shows the published result.
    const badge = page.locator('sipas-badge');
    assert.match((await badge.locator('[part~="value"]').textContent())!, /\d/);
    assert.ok(await badge.locator('[part~="value"]').isVisible());

    // Procedures: search without diacritics and open one.
    const procedures = page.locator('sipas-procedures');
    await procedures.getByLabel('Tìm thủ tục (có dấu hoặc không dấu)').fill('dang ky khai sinh');
    const first = procedures.locator('[part=item]').first();
    assert.equal((await first.textContent())?.trim(), 'Đăng ký khai sinh');
    await first.click();
    await procedures.locator('h3', { hasText: 'Đăng ký khai sinh' }).waitFor();
    await procedures.locator('[part=checklist] input[type=checkbox]').first().check();

    // Feedback: an empty submit shows the error summary — visible despite [role=alert]{display:none}.
    const feedback = page.locator('sipas-feedback');
    await feedback.locator('button[type=submit]').click();
    const summary = feedback.locator('.error-summary');
    await summary.waitFor();
    assert.ok(await summary.isVisible(), 'the error summary is visible');
    const summaryBox = await summary.boundingBox();
    assert.ok(summaryBox && summaryBox.height > 40, `the error summary has a real size: ${JSON.stringify(summaryBox)}`);
    await feedback.locator('#topic-other').check();
    await feedback.locator('#title').fill('Ghế chờ bị hỏng');
    await feedback.locator('#content').fill('Hai ghế ở khu chờ Bộ phận Một cửa bị gãy chân, đề nghị thay sớm.');
    await feedback.locator('#name').fill('Phạm Văn Khách');
    await feedback.locator('#address').fill('Số 1 đường Trung tâm');
    await feedback.locator('#phone').fill('0912 345 678');
    await feedback.locator('#consent').check();
    await feedback.locator('button[type=submit]').click();
    const code = (await feedback.locator('.receipt .code').first().textContent({ timeout: 20_000 }))!.trim();
    assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const stored = await e2e.server.ctx!.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM feedback_cases WHERE tracking_code = ?', [code]);
    assert.equal(Number(stored[0]!.n), 1, 'the feedback is stored');

    // Survey: complete and send.
    const receipt = await sendSurvey(page);
    assert.match(receipt, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const responses = await e2e.server.ctx!.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses WHERE receipt = ?', [receipt]);
    assert.equal(Number(responses[0]!.n), 1, 'the survey response is stored');

    assert.deepEqual(await violationsOf(page), [], 'no CSP or Trusted Types violation events');
    await page.close();

    // English is fetched on demand (sipas.en.json beside the script: connect-src 'self').
    const english = await open(e2e, context, 'hostile-en.html');
    await english.locator('sipas-feedback button[type=submit]', { hasText: 'Send feedback' }).waitFor();
    await english.locator('sipas-procedures').getByLabel('Search procedures by their Vietnamese names (accents optional)').waitFor();
    assert.deepEqual(await violationsOf(english), [], 'no violation in English either');
    await english.close();

    assert.deepEqual(report.consoleErrors, [], 'no console errors');
    assert.deepEqual(report.pageErrors, [], 'no page errors');
  });

  it('host styles do not change the elements: computed styles and pixels match a plain page', async () => {
    const plain = await open(e2e, context, 'plain.html');
    const hostile = await open(e2e, context, 'hostile.html');
    await Promise.all([rendered(plain), rendered(hostile)]);

    const differences = diff(await insideStyles(plain), await insideStyles(hostile));
    assert.deepEqual(differences, [], 'computed styles inside the shadow roots');

    // Sanity: the hostile CSS does bite on the host's own elements.
    const [plainH1, hostileH1] = await Promise.all([plain, hostile].map((p) => p.evaluate(() => getComputedStyle(document.getElementById('host-h1')!).fontSize)));
    assert.notEqual(plainH1, hostileH1);

    const shots = process.env.SIPAS_SCREENSHOTS;
    for (const tag of ['sipas-badge', 'sipas-survey', 'sipas-procedures', 'sipas-feedback']) {
      // The element's own pixels: its box rounded inwards, without the page behind a fractional edge.
      const shot = async (page: Page) => {
        const box = await page.locator(tag).evaluate((el) => {
          const r = el.getBoundingClientRect();
          const [top, left] = [Math.ceil(r.top + scrollY), Math.ceil(r.left + scrollX)];
          return { x: left, y: top, width: Math.floor(r.right + scrollX) - left, height: Math.floor(r.bottom + scrollY) - top };
        });
        return page.screenshot({ fullPage: true, clip: box, animations: 'disabled', caret: 'hide' });
      };
      const [a, b] = [await shot(plain), await shot(hostile)];
      if (shots) {
        mkdirSync(shots, { recursive: true });
        writeFileSync(`${shots}/hostile-${tag}-plain.png`, a);
        writeFileSync(`${shots}/hostile-${tag}-hostile.png`, b);
      }
      const pixels = a.equals(b) ? { count: 0 } : await pixelDiff(await e2e.browser.newPage(), a, b);
      assert.deepEqual(pixels, { count: 0 }, `${tag} looks the same on the plain and the hostile page (SIPAS_SCREENSHOTS=dir keeps both)`);
    }

    // A page's [hidden] { display: block !important } neither unhides a hidden element…
    await hostile.evaluate(() => document.querySelector('sipas-badge')!.toggleAttribute('hidden', true));
    assert.equal(await hostile.locator('sipas-badge').evaluate((el) => getComputedStyle(el).display), 'none');
    // …while the page's own [hidden] elements follow the page's rule.
    assert.equal(await hostile.locator('#host-hidden').evaluate((el) => getComputedStyle(el).display), 'block');

    assert.deepEqual(await violationsOf(hostile), []);
    await Promise.all([plain.close(), hostile.close()]);
  });

  it('the elements do not change the host: its computed styles are the same with and without the script', async () => {
    const bare = await open(e2e, context, 'hostile-bare.html');
    const withScript = await open(e2e, context, 'hostile.html');
    await rendered(withScript);
    const differences = diff(await hostStyles(bare), await hostStyles(withScript));
    assert.deepEqual(differences, [], 'computed styles of the host page’s own elements');
    const globals = await withScript.evaluate(() => ({
      adopted: document.adoptedStyleSheets.length,
      sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
      htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
      bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    }));
    assert.deepEqual(globals, {
      adopted: 0,
      sheets: [`${e2e.server.url}/hostile/base.css`, `${e2e.server.url}/hostile/hostile.css`],
      htmlAttributes: ['lang=vi'],
      bodyAttributes: [],
    });
    await Promise.all([bare.close(), withScript.close()]);
  });
});
