#!/usr/bin/env bash
# Runs the micro-benchmarks (swift package benchmark) and writes
# Benchmarks/results/micro-<commit>.md: a summary of medians, then every benchmark's percentiles.
# Usage: Benchmarks/Micro/run.sh [extra `swift package benchmark` options, e.g. --filter "GLPK.*"]
set -euo pipefail
cd "$(dirname "$0")"
../../scripts/ensure-glpk
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no -- ../../Sources ../../Package.swift 2>/dev/null)" ]; then commit="${commit}+dirty"; fi
out="../results/micro-${commit}.md"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
load="$(cut -d' ' -f1 /proc/loadavg)"
nice swift package benchmark --format markdown --path stdout --no-progress "$@" > "$tmp"
python3 summary.py "$tmp" "$commit" "$load" > "$out"
cat "$out"
echo "wrote Benchmarks/results/micro-${commit}.md" >&2
