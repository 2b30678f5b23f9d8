import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.join(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('architecture', () => {
  it('keeps the engine free of editor and protocol imports', () => {
    for (const file of sources(path.join(root, 'server/src/engine'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/, file);
    }
  });

  it('builds the Word export without Node built-ins (it is to run in a browser too): it loads only the engine', () => {
    const bundle = fs.readFileSync(path.join(root, 'dist/export.js'), 'utf8');
    const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['./engine.js']);
    for (const file of sources(path.join(root, 'server/src/engine'))) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /from ['"](node:)?(fs|path|os|child_process|crypto|stream|buffer|util|zlib)['"]/, file);
    }
  });

  it('shapes the server around its features: a core, one file per LSP feature taking the core, Node only in the Node entry', () => {
    const neutral = [
      'server/src/core.ts',
      'server/src/start.ts',
      'server/src/base64.ts',
      'server/src/uri-key.ts',
      'server/src/sent-configs.ts',
      'server/src/browser-server.ts',
      'server/src/browser-worker.ts',
      'server/src/settings.ts',
      'server/src/lifecycle.ts',
      ...sources(path.join(root, 'server/src/features')).map((f) => path.relative(root, f)),
    ];
    for (const file of neutral) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      assert.doesNotMatch(text, /from ['"](node:)?(fs|path|os|child_process|crypto|stream|buffer|util|zlib|v8|url|net|worker_threads)['"]/, file);
      assert.doesNotMatch(text, /from ['"]vscode-languageserver\/node['"]|from ['"]\.\.?\/(node-host|server|workspace-config|uri|files|encode|write-file)['"]/, file);
      assert.doesNotMatch(text, /\bBuffer\.|\bprocess\.|\brequire\(|__dirname/, file);
    }
    const features = sources(path.join(root, 'server/src/features'));
    assert.ok(features.length >= 9, String(features.length));
    for (const file of features) {
      const text = fs.readFileSync(file, 'utf8');
      // one feature a file: one register function, given the core; no state of its own at module level
      const registers = [...text.matchAll(/^export function (register\w+)\(core: Core\): void/gm)];
      assert.equal(registers.length, 1, file);
      assert.doesNotMatch(text, /^(let|var) /m, file);
    }
    // the Node entry is small: the connection and the host
    assert.ok(fs.readFileSync(path.join(root, 'server/src/server.ts'), 'utf8').split('\n').length < 120);
  });

  it('has generated docs and README tables that match the rules', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-docs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
