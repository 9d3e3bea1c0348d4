#!/usr/bin/env bash
# Builds the libFuzzer target and fuzzes Continuum's file readers (docs/fuzzing.md).
#
#   Fuzz/run.sh [RUNS] [TARGET...]     RUNS inputs per target (default 100000); all targets by default
#   Fuzz/run.sh build                  build only
#   Fuzz/run.sh list                   the target names
#
# Environment: FUZZ_TIMEOUT (seconds per input, default 10),
# FUZZ_RSS_MB (default 2048), FUZZ_NICE (default 19), FUZZ_MAX_TIME (seconds per target, 0: none),
# FUZZ_ARGS (more libFuzzer flags), FUZZ_NO_BUILD=1 (use the binary already built).
# Corpora grow in Fuzz/corpus/TARGET, crashes land in Fuzz/artifacts/TARGET/, logs in Fuzz/logs/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$here"

targets=(event-json event-yaml event-csv reservist roster reservist-plan curtois mps free-mps lp)
binary="$here/.build/release/continuum-fuzz"

build() {
    # -Xswiftc / -Xcc reach every target of every package: SwiftPM's --sanitize instruments the
    # root package's targets only, which would leave the readers without coverage feedback. The
    # --sanitize flags are still needed: they stop SwiftPM from renaming main at link time, so that
    # libFuzzer's main is the program's.
    nice -n "${FUZZ_NICE:-19}" swift build -c release --product continuum-fuzz \
        --sanitize=fuzzer --sanitize=address \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >&2
}

# The seed files of a target (small good and bad inputs already in the repository).
seeds() {
    case "$1" in
        event-json) ls "$root"/Tests/Fixtures/scenarios/{good,bad}/*.json ;;
        event-yaml) ls "$root"/Tests/Fixtures/scenarios/{good,bad}/*.yaml ;;
        event-csv) ls "$root"/Tests/Fixtures/scenarios/{good,bad}/*.csv ;;
        reservist) ls "$root"/Scenarios/reservists-small.json "$here"/seeds/reservist/* ;;
        roster) ls "$here"/seeds/roster/* ;;
        reservist-plan) ls "$here"/seeds/reservist-plan/* ;;
        curtois) ls "$root"/Tests/Fixtures/curtois-bad/* "$here"/seeds/curtois/* ;;
        mps|free-mps) ls "$root"/Tests/Fixtures/lp/*.mps ;;
        lp) ls "$root"/Tests/Fixtures/lp/*.lp "$root"/Scenarios/lp/*.lp ;;
    esac
    # The bad-input corpus (Tests/Fixtures/bad, README there): every file must fail cleanly.
    local bad="$root/Tests/Fixtures/bad"
    case "$1" in
        event-csv) ls "$bad"/people-csv/*.csv 2>/dev/null || true ;;
        *) if [ -d "$bad/$1" ]; then ls "$bad/$1"/*; fi ;;
    esac
    if [ -d "$here/seeds/regressions/$1" ]; then ls "$here/seeds/regressions/$1"/*; fi
}

dictionary() {
    case "$1" in
        event-json) echo event.dict ;;
        event-yaml) echo yaml.dict ;;
        event-csv) echo event.dict ;;
        reservist|reservist-plan) echo reservist.dict ;;
        roster) echo roster.dict ;;
        curtois) echo curtois.dict ;;
        mps|free-mps) echo mps.dict ;;
        lp) echo lp.dict ;;
    esac
}

max_len() {
    case "$1" in
        event-json|event-yaml|roster|reservist|reservist-plan) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

case "${1:-}" in
    build) build; exit 0 ;;
    list) printf '%s\n' "${targets[@]}"; exit 0 ;;
esac

runs="${1:-100000}"
shift || true
if [ "$#" -gt 0 ]; then targets=("$@"); fi

if [ -z "${FUZZ_NO_BUILD:-}" ]; then build; fi
mkdir -p logs
for target in "${targets[@]}"; do
    dictionary "$target" >/dev/null || { echo "unknown target $target" >&2; exit 64; }
    mkdir -p "corpus/$target" "artifacts/$target" "seeds-cache/$target"
    seeds "$target" | while read -r f; do cp -f "$f" "seeds-cache/$target/"; done
    log="logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
    echo "== $target: $runs inputs, log $log" >&2
    start=$(date +%s)
    set +e
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" SWIFT_BACKTRACE=enable=no CONTINUUM_FUZZ_TARGET="$target" CONTINUUM_ROOT="$root" nice -n "${FUZZ_NICE:-19}" "$binary" \
        "corpus/$target" "seeds-cache/$target" \
        -runs="$runs" \
        -dict="dict/$(dictionary "$target")" -max_len="$(max_len "$target")" \
        -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
        -max_total_time="${FUZZ_MAX_TIME:-0}" \
        -detect_leaks=0 -artifact_prefix="artifacts/$target/" -print_final_stats=1 ${FUZZ_ARGS:-} \
        >"$log" 2>&1
    status=$?
    set -e
    end=$(date +%s)
    stats=$(grep -E '^(#[0-9]+.*(DONE|pulse|NEW|REDUCE)|stat::)' "$log" | grep -E 'DONE|stat::number_of_executed_units|stat::peak_rss' | tr '\n' ' ')
    echo "== $target: exit $status, $((end - start)) s; $stats" >&2
    if [ "$status" -ne 0 ]; then
        echo "== $target: FINDING, see $log and artifacts/$target/" >&2
        echo "   reproduce: CONTINUUM_FUZZ_TARGET=$target Fuzz/.build/release/continuum-fuzz Fuzz/artifacts/$target/<file>" >&2
    fi
done
