import type { Plugin } from 'vite';
import { messageNumbers, scriptTagMessageCount } from './message-ids.mjs';
import { walk, type Node } from './minify-literals.js';

/**
 * For the script tag's chunks only: `msg(text, { id: 'survey.review' })` becomes `msg(text, 17)`,
 * the message's number in sipas.<locale>.json (scripts/message-ids.mjs), and an id no locale
 * translates is dropped (the Vietnamese text is all there is). A msg call whose options are not
 * one literal id fails the build rather than silently staying Vietnamese in English.
 */
export function messageKeys(): Plugin {
  let numbers: Map<string, number>;
  let count: number;
  return {
    name: 'sipas-message-keys',
    enforce: 'post',
    buildStart() {
      numbers = messageNumbers();
      count = scriptTagMessageCount();
    },
    transform(code, id) {
      if (!/\/packages\/widgets\/src\/.*\.ts$/.test(id) || !/\bmsg\(/.test(code)) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      walk(this.parse(code), (node) => {
        const callee = node.callee as (Node & { name?: string }) | undefined;
        if (node.type !== 'CallExpression' || callee?.type !== 'Identifier' || callee.name !== 'msg') return;
        const [template, options] = node.arguments as Node[];
        if (!options) return;
        const properties = (options as Node & { properties?: (Node & { key: Node & { name?: string }; value: Node & { value?: unknown } })[] }).properties;
        const only = properties?.length === 1 ? properties[0] : undefined;
        if (options.type !== 'ObjectExpression' || only?.key.name !== 'id' || typeof only.value.value !== 'string')
          this.error(`${id}: msg() options must be { id: 'literal' } (${code.slice(options.start, options.end)})`);
        const number = numbers.get(only.value.value as string);
        // sipas.<locale>.json holds the first `count` messages (scripts/message-ids.mjs lists the folders they come from).
        if (number !== undefined && number >= count) this.error(`${id}: message ${only.value.value as string} is not among the script tag's (scripts/message-ids.mjs)`);
        edits.push(number === undefined ? { start: template!.end, end: options.end, text: '' } : { start: options.start, end: options.end, text: String(number) });
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}
