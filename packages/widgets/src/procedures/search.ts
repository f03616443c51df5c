import { foldForSearch } from '@sipas/schema/rules';
import type { ProcedureSummary } from '@sipas/schema';

/**
 * Search without diacritics, in any word order, on partial words, within a frame at thousands of
 * procedures. The catalogue is folded once into an index: each name folded character for
 * character (so a match is highlighted at the same offsets in the real name), and the distinct
 * words of names, fields and codes with the procedures that contain each. A query looks words up
 * in that vocabulary — narrowing the previous keystroke's word list while a word grows — and
 * only then touches procedures.
 *
 * Ranking, as a citizen expects: the exact title, then titles that start with the query, then
 * titles with the query's words in order (the phrase itself first), then the rest; ties go to the
 * earlier match and the shorter title. A leading "Thủ tục" in a title is ignored.
 * A word with no match is read with one typo: a wrong, missing or extra letter for words of five
 * letters or more, two neighbouring letters swapped for four-letter words ("khai sihn" finds
 * "khai sinh"); such results come after every exact one.
 */
export interface Indexed {
  p: ProcedureSummary;
  /** The name folded one character for one character (same length as the name). */
  name: string;
  /** The name folded to words, each after one space (" dang ky khai sinh"), without a leading "thu tuc". */
  plain: string;
}

/** What a query found: results best first and the folded terms to highlight in their names. */
export interface Found {
  results: Indexed[];
  terms: string[];
}

export interface Filters {
  field: string;
  level: string;
  online: boolean;
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

export const tokens = (query: string): string[] => foldForSearch(query).split(' ').filter(Boolean);

/** The levels of a procedure: "Cấp tỉnh, Cấp xã" → ["Cấp tỉnh", "Cấp xã"]. */
export const levelsOf = (level: string): string[] => level.split(/\s*,\s*/).filter(Boolean);

/**
 * Whether some prefix of `word` is `typed` with one typo (see above). `typed` is not itself in
 * `word`, so the first difference is a real one.
 */
export function nearPrefix(typed: string, word: string): boolean {
  const n = typed.length;
  if (n < 4 || word.length < n - 1) return false;
  let i = 0;
  while (i < n && typed[i] === word[i]) i++;
  const rest = (from: number, at: number, length: number) => typed.slice(from) === word.slice(at, at + length);
  // Swapped neighbours ("sihn" → "sinh"), the only typo forgiven in a four-letter word.
  if (i + 1 < n && typed[i] === word[i + 1] && typed[i + 1] === word[i] && rest(i + 2, i + 2, n - i - 2)) return true;
  if (n < 5) return false;
  return (
    rest(i + 1, i + 1, n - i - 1) || // a wrong letter
    rest(i + 1, i, n - i - 1) || // an extra letter typed
    rest(i, i + 1, n - i) // a letter missed
  );
}

/** How one query word matched: the vocabulary words it is in, exactly or with a typo. */
interface WordMatch {
  typed: string;
  words: string[];
  typo: boolean;
}

const STRIP = /^thu tuc /;

export class ProcedureIndex {
  readonly entries: Indexed[];
  private readonly vocabulary: string[];
  /** Vocabulary word → indexes of the entries that contain it (name, field or code). */
  private readonly postings = new Map<string, number[]>();
  /** Per entry: how many of the query's words it has, as `generation`-based stamps (no clearing between searches). */
  private readonly stamp: Uint32Array;
  private generation = 0;
  /** The last query's word matches, reused or narrowed by the next keystroke. */
  private memo = new Map<string, WordMatch>();

  constructor(list: ProcedureSummary[]) {
    this.entries = list.map((p, at) => {
      const plain = foldForSearch(p.name).replace(STRIP, '');
      for (const word of new Set([...plain.split(' '), ...tokens(p.field), ...tokens(p.code)])) {
        if (!word) continue;
        const list = this.postings.get(word);
        if (list) list.push(at);
        else this.postings.set(word, [at]);
      }
      return { p, name: foldSameLength(p.name), plain: ` ${plain}` };
    });
    this.vocabulary = [...this.postings.keys()];
    this.stamp = new Uint32Array(list.length);
  }

  /** The vocabulary words `typed` is in; narrows the list of a shorter word typed just before. */
  private match(typed: string): WordMatch {
    const known = this.memo.get(typed);
    if (known) return known;
    let base = this.vocabulary;
    for (let cut = typed.length - 1; cut > 0; cut--) {
      const shorter = this.memo.get(typed.slice(0, cut));
      if (shorter && !shorter.typo) {
        base = shorter.words;
        break;
      }
    }
    let words = base.filter((word) => word.includes(typed));
    let typo = false;
    if (!words.length) {
      words = this.vocabulary.filter((word) => nearPrefix(typed, word));
      typo = words.length > 0;
    }
    const found = { typed, words, typo };
    this.memo.set(typed, found);
    return found;
  }

  search(query: string, filters: Filters): Found {
    const typed = [...new Set(tokens(query))];
    const matches = typed.map((word) => this.match(word));
    // Keep only this query's words (and their prefixes, through `match`'s narrowing) for the next keystroke.
    this.memo = new Map(matches.map((m) => [m.typed, m]));
    const filtered = (e: Indexed) =>
      (!filters.field || e.p.field === filters.field) &&
      (!filters.level || levelsOf(e.p.level).includes(filters.level)) &&
      (!filters.online || e.p.online);
    if (!matches.length) return { results: this.entries.filter(filtered), terms: [] };

    // Entries containing every word: each word moves the stamp of the entries that had all the
    // words before it one step up (stamps of earlier searches are all below `base`).
    const base = this.generation + 1;
    const stamp = this.stamp;
    matches.forEach((m, k) => {
      for (const word of m.words)
        for (const at of this.postings.get(word)!) if (k === 0 || stamp[at] === base + k - 1) stamp[at] = base + k;
    });
    const last = (this.generation = base + matches.length - 1);

    const words = matches.filter((m) => !m.typo).map((m) => ` ${m.typed}`);
    const ranked: RankedQuery = { words, phrase: words.join(''), first: words[0]?.slice(1) ?? '', typo: words.length < matches.length };
    const ranks: number[] = [];
    this.entries.forEach((e, at) => {
      if (stamp[at] === last && filtered(e)) ranks.push(rank(e.plain, ranked) * 65536 + at);
    });
    // One number per result: a native numeric sort, no comparator calls.
    const results: Indexed[] = [];
    for (const value of Float64Array.from(ranks).sort()) results.push(this.entries[value % 65536]!);
    const terms = matches.flatMap((m) => (m.typo ? m.words.map((word) => nearestPrefix(m.typed, word)) : [m.typed]));
    return { results, terms };
  }
}

/** The part of `word` that the typo'd `typed` stands for, to highlight it. */
function nearestPrefix(typed: string, word: string): string {
  for (const length of [typed.length + 1, typed.length, typed.length - 1]) {
    const prefix = word.slice(0, length);
    if (prefix.length === length && nearPrefix(typed, prefix)) return prefix;
  }
  return word;
}

/** The exactly matched words of a query, each after a space, for ranking. */
interface RankedQuery {
  words: string[];
  phrase: string;
  first: string;
  typo: boolean;
}

/**
 * A sortable number, smaller is better: the tier (exact title, title prefix, the phrase or the
 * words in order at word starts, the rest; after all of these when a word needed a typo), then
 * where the match starts, then the title's length. `words` start with a space, like `plain`.
 */
function rank(plain: string, { words, phrase, first: word, typo }: RankedQuery): number {
  const first = word ? plain.indexOf(word) : 0;
  let tier = 3;
  let where = first < 0 ? 1023 : Math.min(first, 1023);
  if (!words.length) tier = 3;
  else if (plain === phrase) tier = 0;
  else if (plain.startsWith(phrase)) tier = 1;
  else {
    const at = plain.indexOf(phrase);
    if (at >= 0) [tier, where] = [2, Math.min(at, 511)];
    else if (words.length > 1 && inOrder(plain, words)) [tier, where] = [2, 512 + Math.min(first, 511)];
  }
  if (typo) tier += 4;
  return (tier * 1024 + where) * 4096 + Math.min(plain.length, 4095);
}

/** Every word found at a word start, each after the previous one. */
function inOrder(plain: string, words: string[]): boolean {
  let from = 0;
  for (const word of words) {
    const at = plain.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
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
