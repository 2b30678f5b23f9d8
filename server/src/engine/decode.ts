/**
 * Bytes → report text. Encodings are told by a byte-order mark, else by decoding strictly in a fixed
 * order — UTF-8, then GB18030 (which contains GBK and GB2312) — never guessed from a few bytes: the
 * first that decodes the whole file without an error is the one. Binary files and text in any other
 * encoding are refused with a reason. Web-standard TextDecoder only (it runs in a browser too).
 */
export type ReportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: ReportEncoding } | { ok: false; reason: string };

/** How an encoding is named to a user. */
export const ENCODING_NAMES: Record<ReportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030/GBK',
};

const strict = (label: string, bytes: Uint8Array): string | undefined => {
  try {
    // ignoreBOM: the mark is taken off here, so that a second one would stay as text
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

export function decodeReport(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'utf-16be');
  if (buf.indexOf(0) !== -1) return { ok: false, reason: '文件含有 NUL 字节，不像文本文件（UTF-16 文本须带字节顺序标记 BOM）。' };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strict('utf-8', buf.subarray(3));
    return text === undefined ? { ok: false, reason: '文件以 UTF-8 的 BOM 开头，但内容不是有效的 UTF-8。' } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  const utf8 = strict('utf-8', buf);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', buf);
  // GB18030 maps nearly every byte pair to something: text that decodes to private-use characters was not written in it
  if (gb !== undefined && !/[\ue000-\uf8ff]/.test(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: '文件不是 UTF-8、UTF-16（带 BOM）或 GB18030/GBK 编码的文本。' };
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (body.length % 2) return { ok: false, reason: `文件以 ${ENCODING_NAMES[encoding]} 的 BOM 开头，但长度不是偶数字节。` };
  const text = strict(encoding, body);
  if (text === undefined) return { ok: false, reason: `文件以 ${ENCODING_NAMES[encoding]} 的 BOM 开头，但内容不是有效的 ${ENCODING_NAMES[encoding]}。` };
  if (text.indexOf('\u0000') !== -1) return { ok: false, reason: '文件含有 NUL 字符，不像文本文件。' };
  return { ok: true, text, encoding };
}
