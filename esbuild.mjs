// Bundles the extension: dist/client.js (VS Code), dist/server.js (language server), dist/cli.js
// (gongwen-lint), dist/export-cli.js (gongwen-export), dist/engine.js (the Node API) and dist/export.js (Word export). The engine, with its phrase catalogue, is bundled
// once into dist/engine.js; the others load it from there.
import * as esbuild from 'esbuild';
import { chmodSync } from 'fs';
import * as path from 'path';

const engineDir = path.resolve('server/src/engine');
const exportDir = path.join(engineDir, 'export');
/** The engine and the Word export are bundled once each (dist/engine.js, dist/export.js); the others load them from there. */
const sharedEngine = {
  name: 'shared-engine',
  setup(build) {
    build.onResolve({ filter: /(^|\/)(engine|index|export|index\.js|\.\.)$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '');
      if (target === engineDir || target === path.join(engineDir, 'index')) return { path: './engine.js', external: true };
      if (target === exportDir || target === path.join(exportDir, 'index')) return { path: './export.js', external: true };
      return undefined;
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

/** In the web worker, the engine is the global that dist/engine.js defines (loaded before the server starts). */
const engineGlobal = {
  name: 'engine-global',
  setup(build) {
    build.onResolve({ filter: /(^|\/)(engine|index|index\.js|\.\.)$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '');
      if (target === engineDir || target === path.join(engineDir, 'index')) return { path: 'engine', namespace: 'engine-global' };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'engine-global' }, () => ({ contents: 'module.exports = globalThis.gongwenEngine;', loader: 'js' }));
  },
};

/** VS Code for the Web: the client for the web extension host, the server for a Web Worker; no Node built-ins (esbuild refuses them for the browser). */
const web = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': '"production"' } };

await Promise.all([
  esbuild.build({ ...web, entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser-client.js', format: 'cjs', external: ['vscode'] }),
  esbuild.build({ ...web, entryPoints: ['server/src/browser-worker.ts'], outfile: 'dist/browser-server.js', format: 'iife', alias: { fflate: path.resolve('node_modules/fflate/esm/browser.js') }, plugins: [engineGlobal] }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [sharedEngine] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sharedEngine] }),
  // the server for other editors: dist/server.js started over stdio (server.js stays external: one copy)
  esbuild.build({ ...common, entryPoints: ['server/src/language-server.ts'], outfile: 'dist/language-server.js', banner: { js: '#!/usr/bin/env node' }, external: ['./server.js'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/export-cli.ts'], outfile: 'dist/export-cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sharedEngine] }),
  // one engine for Node (require, import) and the web worker (importScripts with a module object: see browser-worker.ts)
  esbuild.build({ ...common, entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' }),
  // the export's own entry resolves the engine to dist/engine.js, its own files into the bundle
  // fflate's plain build (the one browsers get): its Node build looks for worker_threads, which the export never uses
  esbuild.build({ ...common, entryPoints: ['server/src/engine/export/index.ts'], outfile: 'dist/export.js', alias: { fflate: path.resolve('node_modules/fflate/esm/browser.js') }, plugins: [{
    name: 'engine-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/index$/ }, (args) => (path.resolve(args.resolveDir, args.path) === path.join(engineDir, 'index') ? { path: './engine.js', external: true } : undefined));
    },
  }] }),
]);
chmodSync('dist/cli.js', 0o755);
chmodSync('dist/export-cli.js', 0o755);
chmodSync('dist/language-server.js', 0o755);
