import { foldForSearch } from '@sipas/schema/rules';
import type { ProcedureSummary } from '@sipas/schema';

/**
 * Search without diacritics, in any word order, on partial words, within a frame at thousands of
 * procedures. The catalogue is folded once into an index: each name folded character for
 * character (so a match is highlighted at the same offsets in the real name), each procedure's
 * words (name, field, code) in one string, and the catalogue's vocabulary. A query word matches a
 * procedure that has it inside one of its words; the first keystroke scans the catalogue (a
 * string search per procedure), each next one only what the previous one found, and a space or a
 * repeated query costs nothing.
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

const STRIP = /^thu tuc /;

export class ProcedureIndex {
  readonly entries: Indexed[];
  /** Per entry, its words (name without a leading "thu tuc", field, code), each between spaces. */
  private readonly haystacks: string[];
  /** The distinct words of the catalogue, for reading a word with a typo. */
  private readonly vocabulary: string[];
  /** The vocabulary in one string, words between spaces: one `includes` says whether a word occurs at all. */
  private readonly allWords: string;
  /** Every entry's index, in the catalogue's order. */
  private readonly all: number[];
  /** The last search: its words and filters, what it found, and its entries to narrow from (when every word matched exactly). */
  private last: { words: string; filters: string; found: Found; exact?: string[]; matched: number[] } | undefined;

  constructor(list: ProcedureSummary[]) {
    const vocabulary = new Set<string>();
    this.haystacks = [];
    this.entries = list.map((p) => {
      const plain = foldForSearch(p.name).replace(STRIP, '');
      const words = `${plain} ${foldForSearch(p.field)} ${foldForSearch(p.code)}`.split(' ').filter(Boolean);
      for (const word of words) vocabulary.add(word);
      this.haystacks.push(` ${words.join(' ')} `);
      return { p, name: foldSameLength(p.name), plain: ` ${plain}` };
    });
    this.all = list.map((_, at) => at);
    this.vocabulary = [...vocabulary];
    this.allWords = ` ${this.vocabulary.join(' ')} `;
  }

  search(query: string, filters: Filters): Found {
    const typed = [...new Set(tokens(query))];
    const filterKey = `${filters.field}\u0000${filters.level}\u0000${filters.online}`;
    const words = typed.join(' ');
    const last = this.last?.filters === filterKey ? this.last : undefined;
    // A space typed after a word, or the same words again: nothing to do.
    if (last?.words === words) return last.found;
    const exact = typed.filter((word) => this.allWords.includes(word));
    const guessed = typed.filter((word) => !exact.includes(word));
    // A word found nowhere is read with one typo: the vocabulary words it may stand for (none: nothing matches).
    const near = guessed.map((word) => this.vocabulary.filter((known) => nearPrefix(word, known)));
    // Each word as the strings an entry must contain one of: itself, or one of the words it stands for.
    const needs = [...exact.map((word) => [word]), ...near.map((words) => words.map((known) => ` ${known} `))];
    // While typing, each keystroke narrows: when every word of the last query lies inside a word of
    // this one (all exact, same filters), only the entries the last query found can match.
    const from = last?.exact && !guessed.length && last.exact.every((old) => exact.some((word) => word.includes(old))) ? last.matched : this.all;
    const matched: number[] = [];
    const haystacks = this.haystacks;
    // Plain loops: at the first keystroke this runs over the whole catalogue, and closures made per entry cost collections.
    scan: for (const at of from) {
      const haystack = haystacks[at]!;
      for (const strings of needs) {
        let found = false;
        for (const text of strings) if ((found = haystack.includes(text))) break;
        if (!found) continue scan;
      }
      const e = this.entries[at]!;
      if (
        (!filters.field || e.p.field === filters.field) &&
        (!filters.level || levelsOf(e.p.level).includes(filters.level)) &&
        (!filters.online || e.p.online)
      )
        matched.push(at);
    }
    const spaced = exact.map((word) => ` ${word}`);
    const ranked: RankedQuery = { words: spaced, phrase: spaced.join(''), first: exact[0] ?? '', typo: guessed.length > 0 };
    const found: Found = {
      // One number per result, its rank then its entry (without words, the catalogue's order): a native numeric sort, no comparator calls.
      results: Array.from(
        Float64Array.from(matched, (at) => (typed.length && rank(this.entries[at]!.plain, ranked)) * 65536 + at).sort(),
        (value) => this.entries[value % 65536]!,
      ),
      terms: [...exact, ...guessed.flatMap((word, k) => near[k]!.map((known) => nearestPrefix(word, known)))],
    };
    this.last = { words, filters: filterKey, found, exact: guessed.length ? undefined : exact, matched };
    return found;
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
    if (at >= 0) {
      tier = 2;
      where = Math.min(at, 511);
    } else if (words.length > 1 && inOrder(plain, words)) {
      tier = 2;
      where = 512 + Math.min(first, 511);
    }
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
