#!/usr/bin/env bash
# Prepares a fresh machine: the system libraries Qt needs (Debian/Ubuntu, when run as root),
# then a virtual environment in .venv with TEAM Desktop and the given extras ("test": the
# test tools, and team-server).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

qt_libs="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core fonts-noto-color-emoji"
gui_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
if command -v dpkg >/dev/null 2>&1; then
  missing=""
  for pkg in $qt_libs $gui_libs; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      echo "Bibliothèques système manquantes pour Qt :$missing" >&2
      echo "Installez-les avec : sudo apt-get install$missing" >&2
    fi
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# The tests start real servers: "test" installs team-server too, its own distribution
# (packaging/server/pyproject.toml) that the app itself never needs.
server=""
case ",$extras," in *,test,*) server="-e packaging/server" ;; esac
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install -q -e ".[$extras]" $server
else
  .venv/bin/python -m pip install -q -e .
fi
# The interface's translations, compiled from the committed catalogues (.ts, .po).
.venv/bin/python packaging/translations.py build >/dev/null
