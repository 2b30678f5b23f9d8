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

  it('has generated docs and README tables that match the rules', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-docs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
