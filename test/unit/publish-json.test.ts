/** publishDiagnostics written from cached runs is the JSON of the message, and each run is serialized once. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PublishEncoder } from '../../server/src/publish-json';
import type { Segment } from '../../server/src/engine';

const diagnostic = fc.record({
  range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }),
  severity: fc.constantFrom(1, 2, 3, 4),
  code: fc.constantFrom('placeholder/latin-x', 'typo/fixed-phrase'),
  message: fc.string({ unit: 'binary' }),
});

describe('publishDiagnostics from runs', () => {
  it('gives exactly the message JSON.stringify gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(diagnostic, fc.array(diagnostic, { maxLength: 4 }))), fc.string(), fc.option(fc.integer()), (segments, uri, version) => {
        const encoder = new PublishEncoder();
        const diagnostics = segments.flat();
        encoder.register(diagnostics, segments as Segment[]);
        const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === null ? { uri, diagnostics } : { uri, version, diagnostics } };
        assert.deepEqual(JSON.parse(encoder.encode(msg).toString('utf8')), JSON.parse(JSON.stringify(msg)));
      }),
      { numRuns: 300, seed: 15835 },
    );
  });

  it('serializes a run once, however often it is published', () => {
    const encoder = new PublishEncoder();
    let serialized = 0;
    const d = (line: number) => ({ line, toJSON: () => (serialized++, { line }) });
    const run = [d(1), d(2)];
    for (let version = 1; version <= 3; version++) {
      const fresh = d(9);
      const diagnostics = [...run, fresh];
      encoder.register(diagnostics, [run, fresh] as unknown as Segment[]);
      const text = encoder.encode({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', version, diagnostics } }).toString();
      assert.deepEqual(JSON.parse(text).params.diagnostics, [{ line: 1 }, { line: 2 }, { line: 9 }]);
    }
    assert.equal(serialized, 2 + 3); // the run once, the fresh one each time
  });

  it('writes any other message, or an unregistered list, as JSON.stringify does', () => {
    const encoder = new PublishEncoder();
    for (const msg of [
      { jsonrpc: '2.0', id: 1, result: { a: '中文' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [{ x: 1 }] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [], extra: true } },
    ]) {
      assert.equal(encoder.encode(msg).toString('utf8'), JSON.stringify(msg));
    }
  });
});
