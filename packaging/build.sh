#!/usr/bin/env bash
# Builds the standalone TEAM Desktop on Linux (PyInstaller, one folder, the course bundled):
#   bash packaging/build.sh
# -> dist/team-desktop/ (run dist/team-desktop/team-desktop) and
#    dist/team-desktop-linux-<arch>.tar.gz (the same folder, to copy to the trainers' machines).
# A fresh build environment every time (build/venv), with the app installed as users
# get it (not editable) and PyInstaller; PYTHON picks the interpreter (default python3, which
# must be 3.11+ with its shared library: Debian's python3-dev, or pyenv's --enable-shared).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
python=${PYTHON:-python3}
venv=build/venv
arch=$(uname -m)
archive="dist/team-desktop-linux-$arch.tar.gz"

# setuptools reuses build/lib: a module deleted from the tree would otherwise still be bundled.
rm -rf "$venv" build/lib build/bdist.* build/pyinstaller dist/team-desktop "$archive"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q . "pyinstaller>=6.10,<7"
# The translations (.qm, .mo) are build products: compiled here, then bundled with resources/.
"$venv/bin/python" packaging/translations.py build

"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/team-desktop.spec

tar -C dist -czf "$archive" team-desktop
echo "Bundle : dist/team-desktop/ ($(du -sh dist/team-desktop | cut -f1))"
echo "Archive : $archive ($(du -sh "$archive" | cut -f1))"
echo "Construit en $(($(date +%s) - start)) s."
