/**
 * 字数 as Chinese editors count it (the rule of word processors' 字数统计):
 * - each CJK character (astral ones included), full-width punctuation mark or other symbol counts 1;
 * - a run of Latin letters or digits counts 1 as a word, with a decimal point, thousands separator,
 *   apostrophe or hyphen inside it and a % after it (2023, 1.5, 1,000, 85%, COVID-19 each count 1);
 * - white space, line breaks and half-width punctuation outside such runs count nothing.
 */
const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;
const JOINER = /[.,'’\-_]/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

export function countCharacters(text: string, start = 0, end = text.length): number {
  let n = 0;
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ALNUM.test(ch)) {
      n++;
      i++;
      while (i < end && (ALNUM.test(text[i]) || (JOINER.test(text[i]) && i + 1 < end && ALNUM.test(text[i + 1])))) i++;
      if (text[i] === '%' || text[i] === '％') i++;
      continue;
    }
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    if (!/\s/.test(ch) && ch !== '\uFEFF' && !ASCII_PUNCT.test(ch)) n++;
    i += width;
  }
  return n;
}
