/** Character classes and numerals. Code-unit based: astral ideographs (𠀀) are handled as surrogate pairs. */

export function isCJK(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0xf900 && code <= 0xfaff) || // Compatibility Ideographs
    code === 0x3007 // 〇
  );
}

/** A CJK ideograph starting at `i`, including astral ones (a high surrogate of planes 2–3). */
export function isCJKAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isCJK(c)) return true;
  if (c >= 0xd840 && c <= 0xd8bf) return true; // U+20000–U+3FFFF: CJK extensions B–H
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    return h >= 0xd840 && h <= 0xd8bf;
  }
  return false;
}

/** Full-width punctuation used in Chinese text. */
export function isCJKPunct(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) || (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) || code === 0x201c || code === 0x201d ||
    code === 0x2018 || code === 0x2019 || code === 0x2014 || code === 0x2026 || code === 0x00b7;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isFullWidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

export function isDigit(code: number): boolean {
  return isAsciiDigit(code) || isFullWidthDigit(code);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 → 1 … 99; anything else (十十, 二二, 一百) → undefined. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 1) return s === '十' ? 10 : CN_DIGITS[s];
  if (s.length === 2) {
    if (s[0] === '十') return CN_DIGITS[s[1]] !== undefined ? 10 + CN_DIGITS[s[1]] : undefined;
    if (s[1] === '十') return CN_DIGITS[s[0]] !== undefined && s[0] !== '一' ? CN_DIGITS[s[0]] * 10 : undefined;
    return undefined;
  }
  if (s.length === 3 && s[1] === '十') {
    const a = CN_DIGITS[s[0]];
    const b = CN_DIGITS[s[2]];
    return a !== undefined && b !== undefined && s[0] !== '一' ? a * 10 + b : undefined;
  }
  return undefined;
}

const CN_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 … 99 → 一 … 九十九. */
export function toChineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return CN_NAMES[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_NAMES[tens]) + '十' + CN_NAMES[ones];
}

/** '１２' or '12' → 12. */
export function parseArabic(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n = n * 10 + (isFullWidthDigit(c) ? c - 0xff10 : c - 48);
  }
  return n;
}

/** Share of CJK among the letters of a text sample: decides whether a .txt or .md file is a Chinese report. */
export function isMostlyChinese(text: string, sampleSize = 20000): boolean {
  let cjk = 0;
  let latin = 0;
  const n = Math.min(text.length, sampleSize);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCJK(c)) cjk++;
    else if (isAsciiLetter(c)) latin++;
  }
  // Latin words are several letters each; weigh them as words, roughly.
  return cjk >= 4 && cjk >= latin / 2;
}
