// Editor data for @sipas/widgets, generated from its custom-elements.json (run by the package's
// `analyze` script, after the analyzer): completion and hover docs for the tags, attributes and
// values in VS Code (`html.customData`, `css.customData`) and JetBrains IDEs (web-types), shipped
// in the tarball beside the manifest.
import { readFileSync, writeFileSync } from 'node:fs';

const pkgDir = new URL('../packages/widgets/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', pkgDir), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: mod.path })));
const DOCS = { 'sipas-survey': 'survey', 'sipas-procedures': 'procedures', 'sipas-feedback': 'feedback', 'sipas-badge': 'results' };
// Links only when the package says where its documentation lives (`homepage`); never a guessed address.
const docsUrl = (tag) => (pkg.homepage ? new URL(`docs/${DOCS[tag] ?? 'embedding'}.md`, pkg.homepage.replace(/\/?$/, '/')).href : undefined);

/** `'steps' | 'single'` → ['steps', 'single']; other types give no fixed values. */
function literalValues(type) {
  const parts = (type ?? '').split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  return parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : undefined;
}
const firstParagraph = (text = '') => text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();

const vscodeHtml = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: [
      firstParagraph(el.description),
      el.events?.length ? `**Events:** ${el.events.map((e) => `\`${e.name}\``).join(', ')}` : '',
      el.cssParts?.length ? `**Parts:** ${el.cssParts.map((p) => `\`${p.name}\``).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    attributes: (el.attributes ?? []).map((attr) => {
      const values = literalValues(attr.type?.text);
      return {
        name: attr.name,
        description: `${attr.description ?? ''}${attr.default ? ` Default: \`${attr.default}\`.` : ''}`.trim(),
        ...(values ? { values: values.map((name) => ({ name })) } : attr.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
      };
    }),
    ...(docsUrl(el.tagName) ? { references: [{ name: 'Documentation', url: docsUrl(el.tagName) }] } : {}),
  })),
};

const cssProperties = new Map();
for (const el of elements) for (const prop of el.cssProperties ?? []) if (!cssProperties.has(prop.name)) cssProperties.set(prop.name, prop);
const vscodeCss = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: [...cssProperties.values()].map((prop) => ({
    name: prop.name,
    description: `${prop.description ?? ''} (SIPAS widgets: ${elements.filter((el) => el.cssProperties?.some((p) => p.name === prop.name)).map((el) => `<${el.tagName}>`).join(', ')})`,
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  framework: 'lit',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: firstParagraph(el.description),
        ...(docsUrl(el.tagName) ? { 'doc-url': docsUrl(el.tagName) } : {}),
        source: { module: `${pkg.name}`, symbol: el.name },
        attributes: (el.attributes ?? []).map((attr) => ({
          name: attr.name,
          description: attr.description,
          ...(attr.default ? { default: attr.default } : {}),
          value: { type: attr.type?.text ?? 'string', required: false },
        })),
        events: (el.events ?? []).map((event) => ({ name: event.name, description: event.description })),
        slots: (el.slots ?? []).map((slot) => ({ name: slot.name || 'default', description: slot.description })),
        css: {
          properties: (el.cssProperties ?? []).map((prop) => ({ name: prop.name, description: prop.description })),
          parts: (el.cssParts ?? []).map((part) => ({ name: part.name, description: part.description })),
        },
      })),
    },
  },
};

const write = (name, data) => writeFileSync(new URL(name, pkgDir), `${JSON.stringify(data, null, 2)}\n`);
write('vscode.html-custom-data.json', vscodeHtml);
write('vscode.css-custom-data.json', vscodeCss);
write('web-types.json', webTypes);
console.log(`editor data for ${elements.map((el) => `<${el.tagName}>`).join(', ')}: vscode.html-custom-data.json, vscode.css-custom-data.json, web-types.json`);
