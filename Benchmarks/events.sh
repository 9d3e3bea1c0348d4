#!/usr/bin/env bash
# Event planner benchmark: solves every bundled event scenario with the release
# build and reports wall time, peak memory, status and gap, then checks each
# roster with the independent checker. Usage: Benchmarks/events.sh [TIME_LIMIT]
# Writes Benchmarks/results/events-<commit>.md and prints it.
set -euo pipefail
limit="${1:-60}"
source "$(dirname "$0")/common.sh"
out="Benchmarks/results/events-${commit}.md"
{
  echo "# Event planner benchmark"
  echo
  echo "commit ${commit}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d), time limit ${limit} s"
  echo
  echo "| scenario | people | classes | columns | rows | wall s | peak MiB | status | gap | check |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for scenario in concert psq-week match-at-risk match-understaffed; do
    file="Scenarios/${scenario}.json"
    /usr/bin/time -v "$bin" solve "$file" --time-limit "$limit" --format json -o "$tmp/$scenario.json" \
      2> "$tmp/$scenario.err" || true
    summary="$(grep '^solved in' "$tmp/$scenario.err" || echo 'solved in ? s: ? people in ? classes, ? components, ? columns (? integer), ? rows')"
    wall="$(wall_seconds "$tmp/$scenario.err")"
    rss="$(peak_mib "$tmp/$scenario.err")"
    people="$(echo "$summary" | sed -E 's/.*: ([0-9?]+) people in ([0-9?]+) classes.*/\1/')"
    classes="$(echo "$summary" | sed -E 's/.*people in ([0-9?]+) classes.*/\1/')"
    columns="$(echo "$summary" | sed -E 's/.* ([0-9?]+) columns.*/\1/')"
    rows="$(echo "$summary" | sed -E 's/.* ([0-9?]+) rows.*/\1/')"
    status="$(echo "$summary" | sed -E 's/.*status ([a-z-]+).*/\1/')"
    gap="$(echo "$summary" | sed -E 's/.*gap ([^ ]+)$/\1/')"
    check="$(checked "$file" "$tmp/$scenario.json")"
    echo "| ${scenario} | ${people} | ${classes} | ${columns} | ${rows} | ${wall} | ${rss} | ${status} | ${gap} | ${check} |"
  done
} | tee "$out"
