#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test. Ends with CTest's summary.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/install-deps.sh"
export PORTALDESK_BUILD_DIR=${PORTALDESK_BUILD_DIR:-$here/build-tests}
export PORTALDESK_BUILD_TYPE=Debug
bash "$here/packaging/build.sh" -DPORTALDESK_WERROR=ON \
    "-DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS -DQT_FORCE_ASSERTS"
cd "$PORTALDESK_BUILD_DIR"
exec ctest --output-on-failure --parallel 2 --timeout 900
