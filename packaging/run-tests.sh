#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test. Ends with CTest's summary.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/install-deps.sh"
export PORTALDESK_BUILD_DIR=${PORTALDESK_BUILD_DIR:-$here/build-tests}
export PORTALDESK_BUILD_TYPE=Debug
bash "$here/packaging/build.sh" -DPORTALDESK_WERROR=ON \
    "-DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS -DQT_FORCE_ASSERTS"
# The translation sources follow the code: refresh them, and the translation test fails on anything new.
cmake --build "$PORTALDESK_BUILD_DIR" --target update_translations >/dev/null
cd "$PORTALDESK_BUILD_DIR"
exec ctest --output-on-failure --parallel 2 --timeout 900
