import { expect, fixture, html } from '@open-wc/testing';
import { apiUrl, resolveSetting } from '../../packages/widgets/src/shared/config.js';
import { HttpError, isRetryable, NetworkError, requestJson } from '../../packages/widgets/src/shared/client.js';
import { defineElement } from '../../packages/widgets/src/shared/define.js';
import { enqueue, flushOutbox, OUTBOX_DELIVERED, pendingEntries } from '../../packages/widgets/src/shared/outbox.js';
import { SipasElement } from '../../packages/widgets/src/shared/element.js';
import { serverStart, serverStop, sql, testServer, waitFor } from '../support/commands.js';

const { endpoint, unit } = testServer();

describe('foundation: endpoint configuration', () => {
  it('prefers the attribute, then the loader script, then window.SIPAS', () => {
    window.SIPAS = { endpoint: 'https://global.example', unit: 'global-unit' };
    expect(resolveSetting('unit', 'own-unit')).to.equal('own-unit');
    expect(resolveSetting('unit', null)).to.equal('global-unit');
    const script = document.createElement('script');
    script.dataset.unit = 'script-unit';
    script.type = 'text/plain';
    document.head.append(script);
    expect(resolveSetting('unit', null)).to.equal('script-unit');
    script.remove();
    delete window.SIPAS;
  });

  it('puts the API under {endpoint}/v1 whatever the trailing slash', () => {
    expect(apiUrl('https://x.gov.vn/sipas', 'units/a')).to.equal('https://x.gov.vn/sipas/v1/units/a');
    expect(apiUrl('https://x.gov.vn/sipas/', '/units/a')).to.equal('https://x.gov.vn/sipas/v1/units/a');
  });
});

describe('foundation: the fetch client against the real server', () => {
  it('reads a unit', async () => {
    const response = await requestJson<{ id: string }>(apiUrl(endpoint, `units/${unit}`));
    expect(response.data?.id).to.equal(unit);
  });

  it('turns a problem answer into a typed, final HttpError', async () => {
    const error = await requestJson(apiUrl(endpoint, 'units/khong-co')).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(404);
    expect((error as HttpError).problem?.title).to.contain('Không tìm thấy');
    expect(isRetryable(error)).to.equal(false);
  });

  it('reports a server that is down as a retryable NetworkError', async () => {
    await serverStop();
    try {
      // A fresh URL: the unit itself may be answered from the browser's HTTP cache.
      const error = await requestJson(apiUrl(endpoint, `units/${unit}?t=${Date.now()}`)).catch((e: unknown) => e);
      expect(error instanceof NetworkError, String(error)).to.equal(true);
      expect(isRetryable(error)).to.equal(true);
    } finally {
      await serverStart();
    }
  });
});

describe('foundation: the outbox', () => {
  it('keeps a payload while the server is down and delivers it exactly once when it is back', async () => {
    const id = crypto.randomUUID();
    const body = {
      id,
      unit,
      questionnaire: { id: 'bnv-2023', version: 1 },
      answers: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`q${i + 15}`, 4])),
      context: { channel: 'web' },
    };
    await serverStop();
    await enqueue({ id, kind: 'survey', url: apiUrl(endpoint, 'surveys'), body });
    await flushOutbox({ force: true });
    expect((await pendingEntries()).map((e) => e.id)).to.include(id);
    await serverStart();
    const delivered = new Promise((resolve) => window.addEventListener(OUTBOX_DELIVERED, resolve, { once: true }));
    await Promise.all([flushOutbox({ force: true }), flushOutbox({ force: true })]);
    await delivered;
    expect((await pendingEntries()).map((e) => e.id)).not.to.include(id);
    const rows = await waitFor(() => sql('SELECT id FROM survey_responses WHERE id = ?', [id]), 'the stored row');
    expect(rows).to.have.length(1);
  });
});

describe('foundation: registration', () => {
  it('tolerates a second registration of the same tag', async () => {
    class First extends SipasElement {}
    class Second extends SipasElement {}
    defineElement('sipas-test-twice', First);
    defineElement('sipas-test-twice', Second);
    expect(customElements.get('sipas-test-twice')).to.equal(First);
    const el = await fixture(html`<sipas-test-twice></sipas-test-twice>`);
    expect(el).to.be.instanceOf(First);
  });
});
