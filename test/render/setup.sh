#!/usr/bin/env bash
# Installs what the render tests need to turn an exported .docx into measured pages: LibreOffice Writer
# (headless), poppler-utils (pdftotext, pdftoppm), a CJK font (every CJK glyph is 1 em wide, as in the
# fonts a document names), Liberation Serif (the metrics of Times New Roman) and Chromium (it prints the
# paged preview's print version). From Debian; skipped
# when already installed.
set -euo pipefail
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
need_apt=()
installed libreoffice-writer-nogui || installed libreoffice-writer || need_apt+=(libreoffice-writer-nogui)
installed poppler-utils || need_apt+=(poppler-utils)
installed fonts-noto-cjk || need_apt+=(fonts-noto-cjk)
installed fonts-liberation || need_apt+=(fonts-liberation)
# the preview's print version is printed in a browser
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "render setup: installing ${need_apt[*]} from Debian"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
# LibreOffice must start: a half-removed installation fails here, not in the tests
soffice --version >/dev/null || { echo "render setup: soffice does not start" >&2; exit 1; }
echo "render setup: ready ($(soffice --version | head -1))"
