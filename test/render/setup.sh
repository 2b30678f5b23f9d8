#!/usr/bin/env bash
# Installs what the render tests need to turn an exported .docx into measured pages: LibreOffice Writer
# (headless), poppler-utils (pdftotext, pdftoppm) and a CJK font (every CJK glyph is 1 em wide, as in the
# fonts a document names). From Debian; skipped when already there.
set -euo pipefail
need_apt=()
# Writer itself (soffice alone may be there from another LibreOffice package)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-noto-cjk)
# Liberation Serif has the metrics of Times New Roman, the Latin font the document names
fc-list 2>/dev/null | grep -q "Liberation Serif" || need_apt+=(fonts-liberation)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "render setup: installing ${need_apt[*]} from Debian"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
echo "render setup: ready ($(soffice --version 2>/dev/null | head -1))"
