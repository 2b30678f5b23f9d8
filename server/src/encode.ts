/**
 * Report text → bytes in the encoding it was read in (--fix writes a file back as it was). GB18030 with
 * iconv-lite, the standard encoder for Node (the platform decodes GB18030 but has no encoder for it).
 */
import * as iconv from 'iconv-lite';
import type { ReportEncoding } from './engine/decode';

export function encodeReport(text: string, encoding: ReportEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
