/**
 * 字数 as Chinese editors count it (the rule of word processors' 字数统计):
 * - each CJK character (astral ones included), full-width punctuation mark or other symbol counts 1;
 * - a run of Latin letters or digits counts 1 as a word, with a decimal point, thousands separator,
 *   apostrophe or hyphen inside it and a % after it (2023, 1.5, 1,000, 85%, COVID-19 each count 1);
 * - white space, line breaks and half-width punctuation outside such runs count nothing.
 */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
// . , ' ’ - _ inside a word
function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 45 || c === 95;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}
function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

export function countCharacters(text: string, start = 0, end = text.length): number {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) {
      n++;
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (i < end && (isAlnum(d) || (isJoiner(d) && i + 1 < end && isAlnum(text.charCodeAt(i + 1))))) i++;
        else break;
      }
      const p = text.charCodeAt(i);
      if (i < end && (p === 37 || p === 0xff05)) i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      n++;
      i += 2;
      continue;
    }
    if (!isSpace(c) && !isAsciiPunct(c)) n++;
    i++;
  }
  return n;
}
