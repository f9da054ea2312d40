#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test. Ends with CTest's summary.
# The test build is instrumented with AddressSanitizer and UndefinedBehaviorSanitizer: every test, the
# desktop's and the command line's among them, runs with memory errors and undefined behaviour fatal.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/install-deps.sh"
export PORTALDESK_BUILD_DIR=${PORTALDESK_BUILD_DIR:-$here/build-tests}
export PORTALDESK_BUILD_TYPE=Debug
sanitize="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
bash "$here/packaging/build.sh" -DPORTALDESK_WERROR=ON \
    "-DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS -DQT_FORCE_ASSERTS $sanitize" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
# The translation sources follow the code: refresh them, and the translation test fails on anything new.
cmake --build "$PORTALDESK_BUILD_DIR" --target update_translations >/dev/null
# Leaks are not checked: Qt, fontconfig and the database drivers keep caches for the process's life.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$PORTALDESK_BUILD_DIR"
exec ctest --output-on-failure --parallel 2 --timeout 900
