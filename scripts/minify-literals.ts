import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * Collapses whitespace in the static text of Lit's html`…`, svg`…` and css`…` templates: the
 * indentation that makes source readable is bytes every citizen's phone downloads, and no JS
 * minifier touches template text. Uses the bundler's parser, so only real tagged templates are
 * changed and expressions inside them are left as they are.
 */
const TAGS = new Set(['html', 'svg', 'css']);

export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * The oldest browsers that run the bundles (ES2022: class static blocks), so that Lightning CSS
 * never writes newer syntax (e.g. media ranges) than the stylesheet's own.
 */
const CSS_TARGETS = { chrome: 94 << 16, firefox: 93 << 16, safari: (15 << 16) | (4 << 8) };

/**
 * A whole stylesheet (a css`` literal without `${}`): Lightning CSS's minifier (shorter colours,
 * numbers and shorthands, merged rules), which Vite itself uses for CSS files.
 */
export function minifyStylesheet(text: string): string {
  // Escapes would mean one thing in the template's raw text and another to the CSS parser.
  const plain = (css: string) => !/[\\`]|\$\{/.test(css);
  if (!plain(text)) return minifyCss(text);
  const out = transform({ filename: 'literal.css', code: Buffer.from(text), minify: true, targets: CSS_TARGETS }).code.toString();
  return plain(out) ? out : minifyCss(text);
}

export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/([,:>])\s+/g, '$1')
    .replace(/;}/g, '}');
}

export function minifyHtml(text: string): string {
  // A run of whitespace that holds a line break is indentation: one space keeps the meaning.
  return text.replace(/\s*\n\s*/g, ' ').replace(/<!--[\s\S]*?-->/g, '');
}

export function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const record = node as Node;
  if (typeof record.type === 'string') visit(record);
  for (const key of Object.keys(record)) {
    if (key !== 'parent') walk(record[key], visit);
  }
}

export function minifyLiterals(): Plugin {
  return {
    name: 'sipas-minify-literals',
    enforce: 'post',
    transform(code, id) {
      if (!/\/packages\/widgets\/src\/.*\.ts$/.test(id) || !/(html|css|svg)`/.test(code)) return null;
      const ast = this.parse(code);
      const edits: { start: number; end: number; text: string }[] = [];
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const tag = node.tag as Node & { name?: string };
        if (tag.type !== 'Identifier' || !TAGS.has(tag.name ?? '')) return;
        const quasi = node.quasi as Node & { quasis: (Node & { value: { raw: string } })[] };
        const whole = tag.name === 'css' && quasi.quasis.length === 1;
        for (const element of quasi.quasis) {
          const raw = code.slice(element.start, element.end);
          const text = whole ? minifyStylesheet(raw) : tag.name === 'css' ? minifyCss(raw) : minifyHtml(raw);
          if (text !== raw) edits.push({ start: element.start, end: element.end, text });
        }
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}
