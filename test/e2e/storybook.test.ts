import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const index = `${root}storybook-static/index.json`;
const TAGS = ['sipas-badge', 'sipas-feedback', 'sipas-procedures', 'sipas-survey'];

// Storybook is built by `npm test` before the node tests (`npm run build-storybook`).
describe('Storybook documents the elements from the shipped manifest', { skip: !existsSync(index) && 'storybook-static not built' }, () => {
  it('has a Docs page per element, generated from custom-elements.json', () => {
    const entries = Object.values((JSON.parse(readFileSync(index, 'utf8')) as { entries: Record<string, { type: string; title: string }> }).entries);
    const docs = entries.filter((entry) => entry.type === 'docs').map((entry) => entry.title);
    for (const tag of TAGS) assert.ok(docs.includes(`Elements/${tag}`), `a Docs page for <${tag}>`);
  });

  it('lists the four elements and not their base class', () => {
    const manifest = JSON.parse(readFileSync(`${root}packages/widgets/custom-elements.json`, 'utf8')) as {
      modules: { declarations?: { name: string; customElement?: boolean; tagName?: string }[] }[];
    };
    const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
    assert.deepEqual(
      declarations.filter((d) => d.customElement).map((d) => d.tagName).sort(),
      TAGS,
    );
    assert.equal(declarations.find((d) => d.name === 'SipasElement')?.customElement, undefined);
  });
});
