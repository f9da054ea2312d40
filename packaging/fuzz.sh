#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang into build-fuzz/ (or $PORTALDESK_FUZZ_BUILD_DIR)
# and runs each for a bounded time over a copy of its seed corpus:
#     packaging/fuzz.sh [seconds-per-target]        (default 60)
# Everything a run writes (new inputs, crash files, logs) stays in the build directory. Ends with one line
# per target and a summary; exits non-zero when a target crashed or did not build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: $0 [seconds-per-target]" >&2
    exit 2
fi
build=${PORTALDESK_FUZZ_BUILD_DIR:-$here/build-fuzz}

PORTALDESK_EXTRA_PACKAGES="clang clang-14 libclang-rt-14-dev ${PORTALDESK_EXTRA_PACKAGES:-}" \
    bash "$here/packaging/install-deps.sh"

# Debug keeps Qt's and the project's assertions; -O1 keeps the runs fast enough to find something.
cmake -S "$here" -B "$build" -G Ninja --no-warn-unused-cli -DCMAKE_BUILD_TYPE=Debug \
    -DPORTALDESK_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    "-DCMAKE_CXX_FLAGS=-O1 -D_GLIBCXX_ASSERTIONS" -DPORTALDESK_BUILD_TESTS=OFF >/dev/null

targets=()
for source in "$here"/tests/fuzz/fuzz_*.cpp; do
    targets+=("$(basename "$source" .cpp)")
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

results=()
failed=0
total_crashes=0
for target in "${targets[@]}"; do
    run="$build/fuzz-runs/$target"
    rm -rf "$run"
    mkdir -p "$run/corpus" "$run/artifacts"
    if ! cmake --build "$build" --target "$target" --parallel "${PORTALDESK_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}" \
        >"$run/build.log" 2>&1; then
        results+=("$(printf '%-20s build failed (see %s)' "$target" "$run/build.log")")
        failed=1
        continue
    fi
    if [ -d "$here/tests/fuzz/corpus/$target" ]; then
        cp "$here/tests/fuzz/corpus/$target"/* "$run/corpus/"
    fi
    echo "Fuzzing $target for ${seconds}s"
    status=0
    (cd "$run" && "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$run/artifacts/" corpus >"$run/fuzz.log" 2>&1) || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/fuzz.log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$run/fuzz.log" | tail -1)
    crashes=$(find "$run/artifacts" -type f | wc -l)
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
        crashes=1 # it stopped without leaving an input: the log says why
    fi
    line=$(printf '%-20s runs %10s  exec/s %7s  crashes %d' "$target" "${runs:-?}" "${speed:-?}" "$crashes")
    if [ "$crashes" -gt 0 ]; then
        failed=1
        total_crashes=$((total_crashes + crashes))
        line+="  (log: $run/fuzz.log"
        for artifact in "$run"/artifacts/*; do
            [ -e "$artifact" ] && line+="; reproduce: $build/tests/fuzz/$target $artifact"
        done
        line+=")"
    fi
    results+=("$line")
done

echo
printf '%s\n' "${results[@]}"
if [ "$failed" -eq 0 ]; then
    echo "fuzz: ${#targets[@]} targets, ${seconds}s each, 0 crashes"
else
    echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $total_crashes crashes; FAILED"
fi
exit "$failed"
