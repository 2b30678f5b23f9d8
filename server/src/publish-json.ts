/**
 * The JSON of textDocument/publishDiagnostics, made from the text of each run of diagnostics: a run
 * that is the same array as in the previous version (an unchanged line's diagnostics) is not
 * serialized again. While the user types in a long report, only the edited line's diagnostics are
 * turned into JSON; the rest is copied.
 */
import type { PublishedDiagnostic, Segment } from './engine';

const COMMA = Buffer.from(',');

export class PublishEncoder {
  private readonly runs = new WeakMap<PublishedDiagnostic[], Buffer>();
  private readonly single = new WeakMap<PublishedDiagnostic, Buffer>();
  private readonly segmentsOf = new WeakMap<object, Segment[]>();

  /** Tells the encoder that the array `diagnostics` is `segments` laid end to end. */
  register(diagnostics: object, segments: Segment[]): void {
    this.segmentsOf.set(diagnostics, segments);
  }

  /** The UTF-8 JSON of a message: a registered publishDiagnostics from its runs, anything else as JSON.stringify makes it. */
  encode(msg: unknown): Buffer {
    return this.publish(msg) ?? Buffer.from(JSON.stringify(msg), 'utf8');
  }

  private publish(msg: unknown): Buffer | undefined {
    const m = msg as { jsonrpc?: unknown; method?: unknown; params?: { uri?: unknown; version?: unknown; diagnostics?: unknown } };
    if (m.method !== 'textDocument/publishDiagnostics' || !m.params || typeof m.params.uri !== 'string') return undefined;
    if (Object.keys(m).some((k) => k !== 'jsonrpc' && k !== 'method' && k !== 'params')) return undefined;
    if (Object.keys(m.params).some((k) => k !== 'uri' && k !== 'version' && k !== 'diagnostics')) return undefined;
    const list = m.params.diagnostics;
    const segments = typeof list === 'object' && list !== null ? this.segmentsOf.get(list) : undefined;
    if (!segments) return undefined;
    const version = m.params.version === undefined ? '' : `,"version":${JSON.stringify(m.params.version)}`;
    const parts: Buffer[] = [Buffer.from(`{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(m.params.uri)}${version},"diagnostics":[`)];
    let first = true;
    for (const seg of segments) {
      if (Array.isArray(seg) && !seg.length) continue;
      if (!first) parts.push(COMMA);
      first = false;
      if (Array.isArray(seg)) {
        let text = this.runs.get(seg);
        if (!text) this.runs.set(seg, (text = Buffer.from(JSON.stringify(seg).slice(1, -1), 'utf8')));
        parts.push(text);
      } else {
        // a line's diagnostic published on its own (others fall among the line's) is the same object from version to version too
        let text = this.single.get(seg);
        if (!text) this.single.set(seg, (text = Buffer.from(JSON.stringify(seg), 'utf8')));
        parts.push(text);
      }
    }
    parts.push(Buffer.from(']}}'));
    return Buffer.concat(parts);
  }
}
