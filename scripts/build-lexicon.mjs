// Builds server/src/engine/lexicon/data.json, the lexicon the homophone detector reads, from two packages:
//   @pinyin-pro/data (ISC): complete.json, ~350,000 words with their pinyin and a frequency;
//                           modern.json, the ~59,000 words of a modern dictionary (its two-character
//                           words, with complete.json's frequent ones, are the ordinary words)
//   pinyin-pro (MIT):       every reading of a character (polyphones included)
// plus every right form of gongwen's own phrase catalogues (so 公文 expressions such as 接诉即办 are known).
// The output is committed; `npm run lexicon` makes it again and a unit test checks that it is current.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const complete = require('@pinyin-pro/data/complete.json');
const modern = require('@pinyin-pro/data/modern.json');
const dataVersion = JSON.parse(fs.readFileSync(new URL('../node_modules/@pinyin-pro/data/package.json', import.meta.url), 'utf8')).version;
const pinyinVersion = require('pinyin-pro/package.json').version;

const HAN = /^[\u4e00-\u9fff]+$/;
/** A word seen this often or more (per word of the source's corpus) is a common expression. */
const COMMON = 3e-11;
/** An entry one homophone away from an entry this many times as frequent is taken for its misspelling. */
const VARIANT_RATIO = 4;

const freq = new Map();
for (const [word, [, f]] of Object.entries(complete)) if (word.length === 4 && HAN.test(word)) freq.set(word, f);
// the right forms of the catalogues: known, and common
const catalogue = new Set();
for (const file of ['typos', 'political', 'colloquial', 'outdated']) {
  const data = JSON.parse(fs.readFileSync(new URL(`../server/src/engine/phrases/${file}.json`, import.meta.url), 'utf8'));
  for (const e of data.entries) for (const r of [e.right].flat()) if (typeof r === 'string' && r.length === 4 && HAN.test(r)) catalogue.add(r);
}
for (const r of catalogue) freq.set(r, Math.max(freq.get(r) ?? 0, COMMON));

// readings of every character that occurs in a word of either list or in the common character range
const chars = new Set();
for (const w of [...freq.keys(), ...Object.keys(modern)]) for (const c of w) if (HAN.test(c)) chars.add(c);
const readingsOf = new Map();
for (const c of chars) readingsOf.set(c, [...new Set(pinyin(c, { multiple: true, type: 'array', toneType: 'none', v: true }))].filter((s) => /^[a-z]+$/.test(s)));
const homophones = (a, b) => readingsOf.get(a)?.some((x) => readingsOf.get(b)?.includes(x)) ?? false;

// a rare entry one homophone away from a much more frequent one is its misspelling (再接再励 beside 再接再厉): not a word
const byMask = new Map();
for (const w of freq.keys()) for (let k = 0; k < 4; k++) {
  const key = w.slice(0, k) + '*' + w.slice(k + 1);
  let list = byMask.get(key);
  if (!list) byMask.set(key, (list = []));
  list.push(w);
}
const variants = new Set();
for (const [key, list] of byMask) {
  if (list.length < 2) continue;
  const k = key.indexOf('*');
  for (const a of list) for (const b of list) {
    if (a !== b && !catalogue.has(b) && freq.get(a) >= VARIANT_RATIO * freq.get(b) && homophones(a[k], b[k])) variants.add(b);
  }
}

// the same for a doubled pair (虎视耽耽 beside 虎视眈眈)
const byPair = new Map();
for (const w of freq.keys()) for (let k = 0; k < 3; k++) {
  if (w[k] !== w[k + 1]) continue;
  const key = k + ':' + w.slice(0, k) + '**' + w.slice(k + 2);
  let list = byPair.get(key);
  if (!list) byPair.set(key, (list = []));
  list.push(w);
}
for (const [key, list] of byPair) {
  const k = Number(key[0]);
  for (const a of list) for (const b of list) {
    if (a !== b && !catalogue.has(b) && freq.get(a) >= VARIANT_RATIO * freq.get(b) && homophones(a[k], b[k])) variants.add(b);
  }
}

const idioms = [...freq.keys()].filter((w) => !variants.has(w)).sort();
// 3: one of gongwen's own fixed expressions; 2: common; 1: known
const rank = idioms.map((w) => (catalogue.has(w) ? '3' : freq.get(w) >= COMMON ? '2' : '1')).join('');
// two-character words: the modern dictionary's, and the source's frequent ones it lacks (院长, 局长, 县委)
const WORD = 2e-11;
const words = [...new Set([
  ...Object.keys(modern).filter((w) => w.length === 2 && HAN.test(w)),
  ...Object.entries(complete).filter(([w, [, f]]) => w.length === 2 && HAN.test(w) && f >= WORD).map(([w]) => w),
])].sort();
const bySyllable = new Map();
for (const [c, rs] of [...readingsOf].sort(([a], [b]) => (a < b ? -1 : 1))) for (const r of rs) bySyllable.set(r, (bySyllable.get(r) ?? '') + c);
const readings = Object.fromEntries([...bySyllable].sort(([a], [b]) => (a < b ? -1 : 1)));

// three-character words: the modern dictionary's and the source's frequent ones (新能源, 研究院)
const words3 = [...new Set([
  ...Object.keys(modern).filter((w) => w.length === 3 && HAN.test(w)),
  ...Object.entries(complete).filter(([w, [, f]]) => w.length === 3 && HAN.test(w) && f >= COMMON).map(([w]) => w),
])].sort();

// characters that reduplicate as a word of their own (天天, 层层, 慢慢): their doubling is no slip
const redup = [...new Set(Object.keys(complete).filter((w) => w.length === 2 && w[0] === w[1] && HAN.test(w)).map((w) => w[0]))].sort().join('');

const out = {
  source: `@pinyin-pro/data ${dataVersion} (ISC): complete.json (four-character words, frequent two-character words) and modern.json (two-character words); pinyin-pro ${pinyinVersion} (MIT): readings; gongwen's phrase catalogues: right forms`,
  idioms: idioms.join(''),
  rank,
  words: words.join(''),
  words3: words3.join(''),
  redup,
  readings,
};
const file = new URL('../server/src/engine/lexicon/data.json', import.meta.url);
const text = JSON.stringify(out) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error('server/src/engine/lexicon/data.json is not current: run npm run lexicon');
    process.exit(1);
  }
  console.log('lexicon data is current');
} else {
  fs.writeFileSync(file, text);
  console.log(`lexicon: ${idioms.length} four-character entries (${rank.split('2').length - 1} common, ${rank.split('3').length - 1} from the catalogues, ${variants.size} misspellings left out), ${words.length} two-character and ${words3.length} three-character words, ${redup.length} reduplicating characters, ${readingsOf.size} characters in ${bySyllable.size} readings; ${(text.length / 1024).toFixed(0)} K characters`);
}
