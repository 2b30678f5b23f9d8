#!/usr/bin/env bash
# Packages the extension, unpacks the .vsix and runs the extension-host suite against what a user installs.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node node_modules/@vscode/vsce/vsce package --no-dependencies -o "$tmp/gongwen.vsix" >/dev/null
node scripts/vsix-contents.mjs "$tmp/gongwen.vsix" "$tmp/unpacked"
E2E_EXTENSION_PATH="$tmp/unpacked/extension" node test/e2e/runCodeServer.js
