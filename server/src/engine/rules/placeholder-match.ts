import type { Finding } from '../types';
import type { ReportDocument } from '../document';

/** Findings for every match of a placeholder pattern outside the zones in `skip`. */
export function placeholderMatches(doc: ReportDocument, re: RegExp, skip: number, message: (found: string) => string): Finding[] {
  const out: Finding[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(doc.text)); ) {
    if (doc.touchesZone(m.index, m.index + m[0].length, skip)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, message: message(m[0]), data: { placeholder: m[0] } });
  }
  return out;
}
