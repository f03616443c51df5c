import { foldForSearch } from '@sipas/schema/rules';
import type { ProcedureSummary } from '@sipas/schema';

/**
 * Search without diacritics, in any word order, on partial words. Every name is folded once,
 * character by character, so a match in the folded name is at the same offsets in the real one
 * and can be highlighted there.
 */
export interface Indexed {
  p: ProcedureSummary;
  /** The name folded one character for one character (same length as the name). */
  name: string;
  /** What the query is matched against: folded name, field and code. */
  hay: string;
}

const chars = new Map<string, string>();
const foldChar = (c: string) => {
  let f = chars.get(c);
  if (f === undefined) {
    const folded = foldForSearch(c);
    chars.set(c, (f = folded.length === 1 ? folded : ' '));
  }
  return f;
};

/** Folds keeping the length: "Đăng ký" → "dang ky". */
export const foldSameLength = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
};

export const index = (list: ProcedureSummary[]): Indexed[] =>
  list.map((p) => {
    const name = foldSameLength(p.name);
    return { p, name, hay: `${name} ${foldForSearch(p.field)} ${foldForSearch(p.code)}` };
  });

export const tokens = (query: string): string[] => foldForSearch(query).split(' ').filter(Boolean);

export interface Filters {
  field: string;
  level: string;
  online: boolean;
}

/** The levels of a procedure: "Cấp tỉnh, Cấp xã" → ["Cấp tỉnh", "Cấp xã"]. */
export const levelsOf = (level: string): string[] => level.split(/\s*,\s*/).filter(Boolean);

/** Entries matching every word of the query and the filters, best first (words at word starts, then the phrase). */
export function search(entries: Indexed[], query: string, filters: Filters): Indexed[] {
  const words = tokens(query);
  const phrase = words.join(' ');
  const scored: { e: Indexed; s: number }[] = [];
  for (const e of entries) {
    if (filters.field && e.p.field !== filters.field) continue;
    if (filters.level && !levelsOf(e.p.level).includes(filters.level)) continue;
    if (filters.online && !e.p.online) continue;
    let s = 0;
    let ok = true;
    for (const w of words) {
      const at = e.hay.indexOf(w);
      if (at < 0) {
        ok = false;
        break;
      }
      s += at === 0 || e.hay[at - 1] === ' ' ? 2 : 1;
    }
    if (!ok) continue;
    if (words.length > 1 && e.name.includes(phrase)) s += 5;
    scored.push({ e, s });
  }
  if (words.length) scored.sort((a, b) => b.s - a.s);
  return scored.map((x) => x.e);
}

/** [start, end) ranges of the name where query words occur, merged. */
export function highlights(name: string, words: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const w of words) {
    for (let at = name.indexOf(w); at >= 0; at = name.indexOf(w, at + w.length)) ranges.push([at, at + w.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    // Words next to each other ("khai sinh") make one highlight.
    if (last && (r[0] <= last[1] || !name.slice(last[1], r[0]).trim())) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}
