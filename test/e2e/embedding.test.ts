import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

/**
 * Embedding that survives real CMSs: host pages written the ways webmasters and CMSs write them,
 * served on the test server's own origin (which the demo unit allows) through page.route, with the
 * real built sipas.js and the real API behind them.
 */
const TAGS = ['sipas-survey', 'sipas-procedures', 'sipas-feedback', 'sipas-badge'] as const;
const ELEMENTS = TAGS.map((tag) => `<${tag}></${tag}>`).join('\n');
const SCRIPT = (extra = '') => `<script src="/sipas/sipas.js" data-endpoint="/" data-unit="phuong-tan-hoa"${extra}></script>`;
const page = (body: string, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang của phường</title>${head}</head><body><h1>Trang của phường</h1>${body}</body></html>`;
const dist = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));
const sipasJs = join(dist, 'sipas.js');
/** The build's id, which names every file of it (`survey-<id>.js`). */
const build = (JSON.parse(readFileSync(join(dist, '.vite/script-tag.json'), 'utf8')) as { build: string }).build;

/** The scripts a tab asks for, as a sorted list of names under /sipas/ without the build's id. */
function scriptsAskedFor(tab: Page): () => string[] {
  const scripts: string[] = [];
  tab.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return () => scripts.map((path) => path.replace(/^\/sipas\//, '').replace(`-${build}.js`, '.js')).sort();
}

describe('embedding in real CMS pages', () => {
  let e2e: E2E;
  let context: BrowserContext;

  before(async () => {
    e2e = await startE2E();
    context = await e2e.context({ viewport: { width: 1024, height: 800 } });
  });
  after(async () => {
    await context?.close();
    await e2e?.close();
  });

  /** Opens `html` as `/cms/<name>.html` of the server; collects console messages and page errors. */
  async function host(name: string, html: string, files: Record<string, string> = {}) {
    const url = `${e2e.server.url}/cms/${name}.html`;
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    for (const [path, body] of Object.entries(files))
      await context.route(`${e2e.server.url}${path}`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body }));
    const tab = await context.newPage();
    const messages: { type: string; text: string }[] = [];
    tab.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
    tab.on('pageerror', (error) => messages.push({ type: 'pageerror', text: error.message }));
    await tab.goto(url);
    return { tab, messages };
  }

  /** Waits until every tag on the page is upgraded and has rendered into its shadow root. */
  async function upgraded(tab: Page, tags: readonly string[] = TAGS) {
    await tab.waitForFunction(
      (names) =>
        names.every((tag) => {
          const all = [...document.querySelectorAll(tag)];
          const ctor = customElements.get(tag);
          return all.length > 0 && ctor && all.every((el) => el instanceof ctor && (el.shadowRoot?.childElementCount ?? 0) > 0);
        }),
      tags,
      { timeout: 20_000 },
    );
  }

  /** How many different classes the elements of `tags` extend: 1 when an element added later shares the first bundle's core (and Lit). */
  const baseClasses = (tab: Page, tags: string[]) => tab.evaluate((names) => new Set(names.map((tag) => Object.getPrototypeOf(customElements.get(tag)!))).size, tags);

  it('including the script twice registers each element once and says nothing', async () => {
    const { tab, messages } = await host('hai-lan', page(`${ELEMENTS}\n${SCRIPT(' defer')}\n${SCRIPT(' defer')}`, SCRIPT()));
    await upgraded(tab);
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    assert.equal(await tab.locator('script[src="/sipas/sipas.js"]').count(), 3);
    assert.deepEqual(messages.filter((m) => m.type !== 'log' && m.type !== 'debug'), [], 'no warnings, no errors');
    assert.deepEqual(await tab.evaluate((tags) => tags.map((tag) => (customElements.get(tag) as unknown as { sipasVersion: string }).sipasVersion), TAGS), TAGS.map(() => '0.1.0'));
    await tab.close();
  });

  it('a page with one survey downloads the loader and one file (survey, shared core, sending code), and no other element; an element added later brings only its own code', async () => {
    const tab = await context.newPage();
    const names = scriptsAskedFor(tab);
    const url = `${e2e.server.url}/cms/mot-phan-tu.html`;
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(`<sipas-survey></sipas-survey>${SCRIPT()}`) }));
    await tab.goto(url);
    await upgraded(tab, ['sipas-survey']);
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    assert.deepEqual(names(), ['chunks/survey.js', 'sipas.js']);
    assert.deepEqual(await tab.evaluate(() => ['sipas-procedures', 'sipas-feedback', 'sipas-badge'].map((tag) => customElements.get(tag) === undefined)), [true, true, true]);
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div><sipas-badge></sipas-badge></div>'));
    await upgraded(tab, ['sipas-survey', 'sipas-badge']);
    // The badge alone and the date formatting it shares with the feedback form; the core is the survey file's.
    assert.deepEqual(names(), ['chunks/badge-later.js', 'chunks/format-later.js', 'chunks/survey.js', 'sipas.js']);
    assert.equal(await baseClasses(tab, ['sipas-survey', 'sipas-badge']), 1, 'one core, one Lit: both extend the same SipasElement');
    await tab.close();
  });

  it("with the snippet's hints the page imports the survey's stable file the hint began downloading; one of another build, or a missing one, gives way to this build's own file", async () => {
    const hints = '<link rel="modulepreload" href="/sipas/chunks/sipas-survey.js" crossorigin><link rel="preload" href="/v1/units/phuong-tan-hoa" as="fetch" crossorigin>';
    const html = page(`<sipas-survey></sipas-survey>${SCRIPT()}`, hints);
    const tab = await context.newPage();
    const names = scriptsAskedFor(tab);
    const units: string[] = [];
    tab.on('request', (request) => request.url().endsWith('/v1/units/phuong-tan-hoa') && units.push(request.url()));
    await context.route(`${e2e.server.url}/cms/goi-y.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await tab.goto(`${e2e.server.url}/cms/goi-y.html`);
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    assert.deepEqual(names(), ['chunks/sipas-survey.js', 'sipas.js'], 'the hinted file, not the same code a second time under its build name');
    assert.equal(units.length, 1, 'the unit once: the preload, taken by the loader');
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<sipas-badge></sipas-badge>'));
    await upgraded(tab, ['sipas-survey', 'sipas-badge']);
    assert.equal(await baseClasses(tab, ['sipas-survey', 'sipas-badge']), 1, 'the badge shares the hinted file\'s core');
    await tab.close();

    // After an upgrade a browser may hold the old sipas.js for its 5 minutes while the stable file is
    // already the new build's (it publishes its code under another build's key); or the hint names a
    // file the server does not have. Either way the loader takes its own build's file, and an
    // element added later shares that one's core.
    const otherBuild = readFileSync(join(dist, 'chunks/sipas-survey.js'), 'utf8').replaceAll(build, '0other');
    for (const stable of [{ status: 200, body: otherBuild }, { status: 404, body: '' }]) {
      const skewed = await e2e.context();
      await skewed.route(`${e2e.server.url}/sipas/chunks/sipas-survey.js`, (route) =>
        route.fulfill({ ...stable, contentType: 'text/javascript; charset=utf-8', headers: { 'access-control-allow-origin': '*' } }),
      );
      await skewed.route(`${e2e.server.url}/cms/goi-y.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      const old = await skewed.newPage();
      const oldNames = scriptsAskedFor(old);
      const warnings: string[] = [];
      old.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await old.goto(`${e2e.server.url}/cms/goi-y.html`);
      await old.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
      await old.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<sipas-badge></sipas-badge>'));
      await upgraded(old, ['sipas-survey', 'sipas-badge']);
      // (A hint that failed may be asked for again by the import itself before it gives way.)
      assert.deepEqual([...new Set(oldNames())], ['chunks/badge-later.js', 'chunks/format-later.js', 'chunks/sipas-survey.js', 'chunks/survey.js', 'sipas.js'], String(stable.status));
      assert.equal(await baseClasses(old, ['sipas-survey', 'sipas-badge']), 1, 'one core: this build\'s');
      assert.deepEqual(warnings, []);
      await skewed.close();
    }
  });

  it('a survey added later to a procedures page brings the sending code and the survey once, shares the core, and sends', async () => {
    const tab = await context.newPage();
    const names = scriptsAskedFor(tab);
    const url = `${e2e.server.url}/cms/them-phieu.html`;
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(`<sipas-procedures></sipas-procedures>${SCRIPT()}`) }));
    await tab.goto(url);
    await upgraded(tab, ['sipas-procedures']);
    assert.deepEqual(names(), ['chunks/procedures.js', 'sipas.js']);
    // Two surveys at once: the sending code and the survey's file are still asked for once each.
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<sipas-survey layout="single"></sipas-survey><div><sipas-survey></sipas-survey></div>'));
    await upgraded(tab, ['sipas-procedures', 'sipas-survey']);
    assert.deepEqual(names(), ['chunks/procedures.js', 'chunks/send-later.js', 'chunks/survey-later.js', 'sipas.js']);
    assert.equal(await baseClasses(tab, ['sipas-procedures', 'sipas-survey']), 1, 'one core, one Lit: both extend the same SipasElement');
    const survey = tab.locator('sipas-survey').nth(1);
    await survey.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    await tab.locator('sipas-survey').first().getByRole('button', { name: 'Gửi phiếu' }).click();
    await tab.locator('sipas-survey').first().getByRole('alert').filter({ hasText: 'Phiếu chưa đầy đủ' }).waitFor();
    await tab.close();
  });

  it('a survey asks for its unit and questionnaire while its code is still on the way, and each only once', async () => {
    // A first visit: a fresh browser profile, nothing kept from an earlier one.
    const fresh = await e2e.context({ viewport: { width: 1024, height: 800 } });
    const url = `${e2e.server.url}/cms/dau-tien.html`;
    await fresh.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(`<sipas-survey></sipas-survey>${SCRIPT()}`) }));
    const asked: string[] = [];
    let bothAsked!: () => void;
    const both = new Promise<boolean>((resolve) => (bothAsked = () => resolve(true)));
    const tab = await fresh.newPage();
    tab.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/v1/')) asked.push(path);
      if (asked.includes('/v1/units/phuong-tan-hoa') && asked.some((p) => p.startsWith('/v1/questionnaires/'))) bothAsked();
    });
    // The survey's chunk is held back until the page has asked for both: were they asked for by the
    // element itself, that would be only after the chunk arrived (the bound only keeps a broken build from hanging).
    let heldUntilAsked = false;
    await fresh.route(/\/sipas\/chunks\/survey-[\w-]+\.js$/, async (route) => {
      heldUntilAsked = await Promise.race([both, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
      await route.continue();
    });
    await tab.goto(url);
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor({ timeout: 40_000 });
    assert.ok(heldUntilAsked, 'the unit and its questionnaire were asked for before the survey chunk arrived');
    assert.equal(asked.filter((path) => path === '/v1/units/phuong-tan-hoa').length, 1, asked.join(' '));
    assert.equal(asked.filter((path) => path.startsWith('/v1/questionnaires/')).length, 1, asked.join(' '));
    await fresh.close();
  });

  it('a second, different version is ignored with one warning per element; the first keeps working', async () => {
    // An older copy of the whole folder (the loader and its chunks) published elsewhere on the site.
    const older = (file: string) => readFileSync(join(dist, file), 'utf8').replaceAll('0.1.0', '0.0.9');
    const files = Object.fromEntries(
      ['sipas.js', ...readdirSync(join(dist, 'chunks')).filter((file) => file.endsWith('.js')).map((file) => `chunks/${file}`)].map((file) => [`/cms/cu/${file}`, older(file)]),
    );
    assert.notEqual(files['/cms/cu/sipas.js'], readFileSync(sipasJs, 'utf8'));
    assert.ok(Object.values(files).some((source) => source.includes('0.0.9') && !source.includes('0.1.0')));
    const { tab, messages } = await host(
      'hai-phien-ban',
      page(`${ELEMENTS}\n<script src="/cms/cu/sipas.js" data-endpoint="/" data-unit="phuong-tan-hoa"></script>\n${SCRIPT()}`),
      files,
    );
    await upgraded(tab);
    const warnings = messages.filter((m) => m.type === 'warning').map((m) => m.text);
    assert.deepEqual(
      warnings.filter((text) => /already registered/.test(text)).sort(),
      [...TAGS].sort().map((tag) => `<${tag}> is already registered by SIPAS widgets 0.0.9; version 0.1.0 is ignored.`),
    );
    assert.equal(await tab.evaluate(() => (customElements.get('sipas-survey') as unknown as { sipasVersion: string }).sipasVersion), '0.0.9');
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await tab.close();
  });

  const orders: [string, string][] = [
    ['script in <head>, no defer (runs before the markup exists)', page(ELEMENTS, SCRIPT())],
    ['script in <head> with defer', page(ELEMENTS, SCRIPT(' defer'))],
    ['script in <head> with async', page(ELEMENTS, SCRIPT(' async'))],
    ['script at the end of <body>, after the markup', page(`${ELEMENTS}\n${SCRIPT()}`)],
    ['script in the middle: elements before and after it', page(`<sipas-survey></sipas-survey><sipas-badge></sipas-badge>${SCRIPT()}<sipas-procedures></sipas-procedures><sipas-feedback></sipas-feedback>`)],
    [
      'markup written later by the CMS (a tab, a lazy block) after the script ran',
      page(
        `<div id="later"></div>${SCRIPT()}`,
        // A classic inline script of the host, as CMS themes have: adds the elements a second after load.
        `<script>addEventListener('load', function () { setTimeout(function () { document.getElementById('later').innerHTML = ${JSON.stringify(ELEMENTS)}; }, 500); });</script>`,
      ),
    ],
    [
      'script itself added later by a tag manager',
      page(
        ELEMENTS,
        `<script>addEventListener('load', function () { var s = document.createElement('script'); s.src = '/sipas/sipas.js'; s.dataset.endpoint = '/'; s.dataset.unit = 'phuong-tan-hoa'; document.body.appendChild(s); });</script>`,
      ),
    ],
  ];
  for (const [name, html] of orders) {
    it(`elements upgrade: ${name}`, async () => {
      const { tab, messages } = await host(`thu-tu-${orders.findIndex(([n]) => n === name)}`, html);
      await upgraded(tab);
      await tab.getByRole('heading', { name: /Bước 1\/6 · Tiếp cận dịch vụ/ }).waitFor({ timeout: 20_000 });
      assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror' || m.type === 'warning'), []);
      await tab.close();
    });
  }

  it('the file is a classic script: it works without type, with type="text/javascript", and where a CMS strips type="module"', async () => {
    const source = readFileSync(sipasJs, 'utf8');
    assert.doesNotMatch(source, /^\s*(import|export)\s/m, 'no module syntax at the top level');
    assert.doesNotMatch(source, /import\.meta/, 'no import.meta, which a classic script cannot parse');
    // What a webmaster pasted from a "modern" guide, and what the CMS kept of it.
    const pasted = `<script type="module" src="/sipas/sipas.js" data-endpoint="/" data-unit="phuong-tan-hoa"></script>${ELEMENTS}`;
    const stripped = pasted.replace(' type="module"', '');
    for (const [name, body] of [
      ['khong-type', stripped],
      ['text-javascript', stripped.replace('<script ', '<script type="text/javascript" ')],
      ['van-la-module', pasted],
    ] as const) {
      const { tab, messages } = await host(`classic-${name}`, page(body));
      await upgraded(tab);
      await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor({ timeout: 20_000 });
      // The loader's data-unit was found (the survey loaded the demo unit's questionnaire).
      assert.match(await tab.locator('sipas-survey [part=title]').first().textContent() ?? '', /Phiếu khảo sát/);
      assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), [], name);
      await tab.close();
    }
  });

  it("nothing collides with the host's globals: only window.SipasWidgets (and Lit's shared registries) is added; html, css, msg, $, define, require, module, exports stay the host's", async () => {
    const hostGlobals = `<script>
      var html = 'host-html', css = 'host-css', msg = 'host-msg';
      function $(selector) { return 'host-$:' + selector; }
      function define() { window.amdCalls = (window.amdCalls || 0) + 1; }
      define.amd = { jQuery: true };
      function require() { window.requireCalls = (window.requireCalls || 0) + 1; }
      var module = { exports: {} }, exports = module.exports;
      var SIPAS = { locale: 'vi' };
      window.snapshot = [];
      window.snapshot = Object.getOwnPropertyNames(window);
    </script>`;
    const { tab, messages } = await host('bien-toan-cuc', page(`${ELEMENTS}${SCRIPT()}`, hostGlobals));
    await upgraded(tab);
    await tab.getByRole('heading', { name: /Bước 1\/6/ }).waitFor({ timeout: 20_000 });
    const seen = await tab.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { snapshot: string[] };
      const added = Object.getOwnPropertyNames(window).filter((name) => !w.snapshot.includes(name));
      return {
        added: added.sort(),
        html: w['html'],
        css: w['css'],
        msg: w['msg'],
        $: (w['$'] as (s: string) => string)('#x'),
        amd: (w['define'] as { amd: unknown }).amd,
        amdCalls: w['amdCalls'] ?? 0,
        requireCalls: w['requireCalls'] ?? 0,
        module: JSON.stringify(w['module']),
        exportsSame: w['exports'] === (w['module'] as { exports: unknown }).exports,
        api: Object.keys(w['SipasWidgets'] as object),
      };
    });
    // Lit's own registries (shared by every copy of Lit on a page, by design) are allowed.
    const LIT = ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'];
    assert.deepEqual(seen.added.filter((name) => !LIT.includes(name) && !['amdCalls', 'requireCalls'].includes(name)), ['SipasWidgets']);
    assert.deepEqual(
      { ...seen, added: undefined },
      {
        added: undefined, html: 'host-html', css: 'host-css', msg: 'host-msg', $: 'host-$:#x', amd: { jQuery: true },
        amdCalls: 0, requireCalls: 0, module: '{"exports":{}}', exportsSame: true, api: seen.api,
      },
    );
    assert.ok(seen.api.includes('setLocale'), 'window.SipasWidgets.setLocale');
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await tab.close();
  });
});
