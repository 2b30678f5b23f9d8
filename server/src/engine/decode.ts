/** Bytes → report text: UTF-8 only, BOM removed; binary files and invalid UTF-8 are refused with a reason. */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeReport(buf: Uint8Array): Decoded {
  if (buf.indexOf(0) !== -1) return { ok: false, reason: '文件含有 NUL 字节，不像文本文件。' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, reason: '文件不是有效的 UTF-8 编码（如为 GBK，请先转存为 UTF-8）。' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
