#!/usr/bin/env bash
# Reservist call-up benchmark (issue 4's targets): generates national instances (101 departments,
# 90 days, seed 1), solves each with the release build twice (the default 0.01 % gap within the
# time limit, then stopping at the 1 % gap the issue asks for), checks every plan with the
# independent checker, and reports wall time, peak memory, status, gap and the 30k/3k time ratio.
# Usage: Benchmarks/reservists.sh [SIZES] [RUNS]   (default "300 3000 30000"; time limit 5 s up to
# 3 000 reservists, 60 s above). The 1 % runs are repeated RUNS times (default 3) in rounds that take
# every size in turn, so that a slow spell of this shared 2-core VM (its timings drift by 20-40 %
# over minutes) weighs on all sizes alike; each size's median wall time is reported and the ratio
# uses the medians. Writes Benchmarks/results/reservists-<commit>.md and prints it.
set -euo pipefail
sizes="${1:-300 3000 30000}"
runs="${2:-3}"
source "$(dirname "$0")/common.sh"
out="Benchmarks/results/reservists-${commit}.md"

# solve N GAP TAG: one timed run; its stderr (with /usr/bin/time's figures) goes to $tmp/TAG.err.
solve() {
  local limit=60
  if [ "$1" -le 3000 ]; then limit=5; fi
  /usr/bin/time -v "$bin" solve "$tmp/r$1.json" --time-limit "$limit" --gap "$2" --format json -o "$tmp/p$3.json" \
    2> "$tmp/$3.err" || true
}
wall_of() { wall_seconds "$tmp/$1.err"; }
# row N GAP TAG WALL: the table row of run TAG (its plan checked independently).
row() {
  local limit=60
  if [ "$1" -le 3000 ]; then limit=5; fi
  local summary rss callups method status result check
  summary="$(grep '^solved in' "$tmp/$3.err" || echo 'solved in ? s: ? allowed call-ups, ?; status ?, gap ?')"
  rss="$(peak_mib "$tmp/$3.err")"
  callups="$(echo "$summary" | sed -E 's/.* ([0-9?]+) allowed call-ups.*/\1/')"
  method="$(echo "$summary" | sed -E 's/.*allowed call-ups, (.*); status.*/\1/')"
  status="$(echo "$summary" | sed -E 's/.*status ([a-z-]+).*/\1/')"
  result="$(echo "$summary" | sed -E 's/.*gap ([^ ]+)$/\1/')"
  check="$(checked "$tmp/r$1.json" "$tmp/p$3.json")"
  echo "| $1 | ${callups} | ${limit} s | $2 | $4 | ${rss} | ${status} | ${result} | ${method} | ${check} |"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A default_row walls median_wall
for n in $sizes; do
  "$bin" generate reservists --reservists "$n" --departments 101 --days 90 --seed 1 --output "$tmp/r$n.json" >/dev/null 2>&1
  solve "$n" 0.0001 "default$n"
  default_row[$n]="$(row "$n" 0.0001 "default$n" "$(wall_of "default$n")")"
done
for ((i = 0; i < runs; i++)); do
  for n in $sizes; do
    solve "$n" 0.01 "gap$n"
    walls[$n]="${walls[$n]:-} $(wall_of "gap$n")"
  done
done
{
  echo "# Reservist call-up benchmark"
  echo
  echo "commit ${commit}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d), release build"
  echo
  echo '    continuum generate reservists --reservists N --departments 101 --days 90 --seed 1 --output r.json'
  echo '    continuum solve r.json --format json --output plan.json --time-limit T [--gap 0.01]'
  echo '    continuum check r.json plan.json'
  echo
  echo "The 1 % runs: ${runs} rounds over the sizes; median wall time, every run listed. The plan and"
  echo "the other figures are the last run's (runs stopping at the gap are deterministic)."
  echo
  echo "| reservists | allowed call-ups | limit | --gap | wall s | peak MiB | status | gap | method | check |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for n in $sizes; do
    echo "${default_row[$n]}"
    # shellcheck disable=SC2086
    median_wall[$n]="$(median ${walls[$n]})"
    wall="${median_wall[$n]}"
    if [ "$runs" -gt 1 ]; then wall="${wall} (runs:${walls[$n]})"; fi
    row "$n" 0.01 "gap$n" "$wall"
  done
  if [ -n "${median_wall[3000]:-}" ] && [ -n "${median_wall[30000]:-}" ]; then
    echo
    echo "Time to the 1 % gap (median of ${runs}), 30 000 / 3 000 reservists: ${median_wall[30000]} s / ${median_wall[3000]} s = $(awk -v a="${median_wall[30000]}" -v b="${median_wall[3000]}" 'BEGIN { printf "%.1f", a / b }')"
  fi
  # How the time grows with the instance: the generator adds missions with reservists, so the
  # allowed call-ups (what every phase reads) grow faster than the reservists.
  echo
  echo "Time to the 1 % gap per million allowed call-ups:"
  for n in $sizes; do
    callups="$(grep '^solved in' "$tmp/gap$n.err" | sed -E 's/.* ([0-9]+) allowed call-ups.*/\1/')"
    echo "- ${n} reservists: ${callups} call-ups, $(awk -v w="${median_wall[$n]}" -v c="$callups" 'BEGIN { printf "%.2f s", w / c * 1e6 }') per million"
  done
} | tee "$out"
