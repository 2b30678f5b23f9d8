// Bundles the extension: dist/client.js (VS Code), dist/server.js (language server), dist/cli.js
// (gongwen-lint) and dist/engine.js (the Node API). The engine, with its phrase catalogue, is bundled
// once into dist/engine.js; the others load it from there.
import * as esbuild from 'esbuild';
import { chmodSync } from 'fs';
import * as path from 'path';

const engineDir = path.resolve('server/src/engine');
const sharedEngine = {
  name: 'shared-engine',
  setup(build) {
    build.onResolve({ filter: /engine(\/index)?$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (target !== engineDir && target !== path.join(engineDir, 'index')) return undefined;
      return { path: './engine.js', external: true };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  keepNames: false,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [sharedEngine] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sharedEngine] }),
  esbuild.build({ ...common, entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' }),
]);
chmodSync('dist/cli.js', 0o755);
