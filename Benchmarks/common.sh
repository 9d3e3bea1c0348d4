# Shared preamble of the benchmark scripts (sourced): from the repository root, makes sure GLPK is
# installed, builds the release binary and sets `bin`, `commit` and a temporary folder `tmp`
# removed on exit.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/ensure-glpk
swift build -c release --product continuum >/dev/null
bin="$(swift build -c release --show-bin-path)/continuum"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Figures from a `/usr/bin/time -v` report (its stderr file): wall seconds, peak resident MiB.
wall_seconds() {
  grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 2) printf "%.2f", $1 * 60 + $2; else print $0 }'
}
peak_mib() { grep 'Maximum resident set size' "$1" | awk '{printf "%.0f", $NF/1024}'; }
# The independent checker's verdict on a plan or roster: clean or VIOLATIONS.
checked() { if "$bin" check "$1" "$2" > /dev/null 2>&1; then echo clean; else echo VIOLATIONS; fi; }
