#!/usr/bin/env bash
# Reservist call-up benchmark (issue 4's targets): generates national instances (101 departments,
# 90 days, seed 1), solves each with the release build twice (the default 0.01 % gap within the
# time limit, then stopping at the 1 % gap the issue asks for), checks every plan with the
# independent checker, and reports wall time, peak memory, status, gap and the 30k/3k time ratio.
# Usage: Benchmarks/reservists.sh [SIZES] [RUNS]   (default "300 3000 30000"; time limit 5 s up to
# 3 000 reservists, 60 s above). The 1 % runs are repeated RUNS times (default 3) and their median
# wall time is reported (this 2-core VM's timings vary by 20 % from run to run); the ratio uses the
# medians. Writes Benchmarks/results/reservists-<commit>.md and prints it.
set -euo pipefail
sizes="${1:-300 3000 30000}"
runs="${2:-3}"
source "$(dirname "$0")/common.sh"
out="Benchmarks/results/reservists-${commit}.md"
declare -A first_one_percent
{
  echo "# Reservist call-up benchmark"
  echo
  echo "commit ${commit}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d), release build"
  echo
  echo '    continuum generate reservists --reservists N --departments 101 --days 90 --seed 1 --output r.json'
  echo '    continuum solve r.json --format json --output plan.json --time-limit T [--gap 0.01]'
  echo '    continuum check r.json plan.json'
  echo
  echo "| reservists | allowed call-ups | limit | --gap | wall s | peak MiB | status | gap | method | check |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for n in $sizes; do
    "$bin" generate reservists --reservists "$n" --departments 101 --days 90 --seed 1 --output "$tmp/r$n.json" >/dev/null 2>&1
    limit=60
    if [ "$n" -le 3000 ]; then limit=5; fi
    for gap in 0.0001 0.01; do
      repeat=1
      if [ "$gap" = "0.01" ]; then repeat="$runs"; fi
      walls=()
      for ((i = 0; i < repeat; i++)); do
        /usr/bin/time -v "$bin" solve "$tmp/r$n.json" --time-limit "$limit" --gap "$gap" --format json -o "$tmp/p$n.json" \
          2> "$tmp/p$n.err" || true
        walls+=("$(grep 'Elapsed (wall clock)' "$tmp/p$n.err" | awk '{print $NF}' | awk -F: '{ if (NF == 2) printf "%.2f", $1 * 60 + $2; else print $0 }')")
      done
      # The median run (the plan and figures below are the last run's; runs stopping at the gap are deterministic).
      wall="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
      if [ "$repeat" -gt 1 ]; then wall="${wall} (runs: ${walls[*]})"; fi
      summary="$(grep '^solved in' "$tmp/p$n.err" || echo 'solved in ? s: ? allowed call-ups, ?; status ?, gap ?')"
      rss="$(grep 'Maximum resident set size' "$tmp/p$n.err" | awk '{printf "%.0f", $NF/1024}')"
      callups="$(echo "$summary" | sed -E 's/.* ([0-9?]+) allowed call-ups.*/\1/')"
      method="$(echo "$summary" | sed -E 's/.*allowed call-ups, (.*); status.*/\1/')"
      status="$(echo "$summary" | sed -E 's/.*status ([a-z-]+).*/\1/')"
      result="$(echo "$summary" | sed -E 's/.*gap ([^ ]+)$/\1/')"
      if "$bin" check "$tmp/r$n.json" "$tmp/p$n.json" > /dev/null 2>&1; then check=clean; else check=VIOLATIONS; fi
      if [ "$gap" = "0.01" ]; then first_one_percent[$n]="${wall%% *}"; fi
      echo "| ${n} | ${callups} | ${limit} s | ${gap} | ${wall} | ${rss} | ${status} | ${result} | ${method} | ${check} |"
    done
  done
  if [ -n "${first_one_percent[3000]:-}" ] && [ -n "${first_one_percent[30000]:-}" ]; then
    echo
    echo "Time to the 1 % gap (median of ${runs}), 30 000 / 3 000 reservists: ${first_one_percent[30000]} s / ${first_one_percent[3000]} s = $(awk -v a="${first_one_percent[30000]}" -v b="${first_one_percent[3000]}" 'BEGIN { printf "%.1f", a / b }')"
  fi
} | tee "$out"
