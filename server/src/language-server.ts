/**
 * gongwen-language-server: the language server for any editor that speaks LSP (Neovim, Helix, Emacs,
 * JetBrains IDEs…). Over stdio unless another transport is named (--node-ipc, --socket=N, --pipe=NAME).
 */
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./server.js');
