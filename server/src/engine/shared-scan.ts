/**
 * Built-in pattern lists (the phrase catalogue, the words repeated-char looks for, the members of the
 * ordered political sets) found in one pass over a document: one automaton for all of them, one scan
 * per version, each list keeping only the matches its owner wants.
 */
import type { ReportDocument } from './document';
import { Matcher, type Match } from './matcher';

interface List {
  patterns: readonly string[];
  /** Whether a match of pattern `index` at [start, end) is worth keeping (cheap: called for every occurrence). */
  keep: (text: string, start: number, end: number, index: number) => boolean;
  offset: number;
}

const lists = new Map<string, List>();
let combined: { matcher: Matcher; owner: List[]; keys: string[] } | undefined;

/** Adds a list under `key` (at module load; a later one makes the automaton again). */
export function registerPatterns(key: string, patterns: readonly string[], keep: List['keep'] = () => true): void {
  lists.set(key, { patterns, keep, offset: 0 });
  combined = undefined;
}

function automaton(): NonNullable<typeof combined> {
  if (combined) return combined;
  const all: string[] = [];
  const owner: List[] = [];
  for (const list of lists.values()) {
    list.offset = all.length;
    for (const p of list.patterns) {
      all.push(p);
      owner.push(list);
    }
  }
  return (combined = { matcher: new Matcher(all), owner, keys: [...lists.keys()] });
}

/** The kept matches of list `key` in this version of the document, `pattern` indexing that list; in order of end offset. */
export function sharedMatches(doc: ReportDocument, key: string): Match[] {
  const byList = doc.memo('shared-scan', () => {
    const { matcher, owner } = automaton();
    const found = new Map<List, Match[]>([...lists.values()].map((l) => [l, []]));
    const text = doc.text;
    matcher.scan(text, (start, end, pattern) => {
      const list = owner[pattern];
      const index = pattern - list.offset;
      if (list.keep(text, start, end, index)) found.get(list)!.push({ start, end, pattern: index });
    });
    return found;
  });
  const list = lists.get(key);
  return (list && byList.get(list)) ?? [];
}
