#!/usr/bin/env bash
# Build the Linux bundle (dist/zhucun/) and smoke-test it: the same steps CI runs after the tests.
# The folder holds one executable, zhucun-desktop; zhucun beside it is a shell launcher of zhucun-desktop --cli
# (packaging/zhucun.spec), so keep the archive's file modes when unpacking (tar does).
#   bash packaging/build_linux.sh            build, then test from a folder with Chinese characters and spaces
#   bash packaging/build_linux.sh --skip-build
# Needs python3 (3.10+), and for the GUI smoke test the Qt runtime libraries that .ci/run installs
# (libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3, …); pdffonts (poppler-utils) checks the PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tools/build_bundle.py "$@"
tar -C dist -czf dist/zhucun-linux-x86_64.tar.gz zhucun
echo "archive: dist/zhucun-linux-x86_64.tar.gz ($(du -h dist/zhucun-linux-x86_64.tar.gz | cut -f1))"
