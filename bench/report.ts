/** Deterministic benchmark documents generated from the bundled sample report. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../..');
const sample = fs.readFileSync(path.join(root, 'examples/town-secretary-report.txt'), 'utf8');

/** A deterministic report of about `bytes` UTF-8 bytes: the sample's sections, renumbered and varied. */
export function generateReport(bytes: number): string {
  const lines = sample.split('\n').filter((l) => l.trim());
  const [title, opening, ...body] = lines;
  const out: string[] = [title, opening];
  let size = Buffer.byteLength(out.join('\n'));
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  for (let section = 0; size < bytes; section++) {
    for (const line of body) {
      // vary figures so the text is not one block repeated; keep the placeholders and defects
      const varied = line
        .replace(/^[一二三四五六七八九十]+、/, `${cn[section % 10]}、`)
        .replace(/\d{2,4}(?=次|份|个|人)/g, () => String(Math.floor(rand() * 900) + 10));
      out.push(varied);
      size += Buffer.byteLength(varied) + 1;
      if (size >= bytes) break;
    }
  }
  return out.join('\n');
}
