#!/usr/bin/env bash
# Continuum beside monolithic glpsol and HiGHS on the same models (issue 5 §3).
# Usage: Benchmarks/compare/run.sh [TIME_LIMIT]   (default 60 s)
#   RESERVISTS="300:101:90 3000:101:90"  generated reservist instances (N:DEPARTMENTS:DAYS, seed 1)
#   SCENARIOS="concert psq-week ..."     bundled event scenarios (default: all five bundled scenarios)
# Installs glpk-utils (glpsol) if missing, and HiGHS (highspy) into Benchmarks/compare/.venv only.
# Writes Benchmarks/results/compare-<commit>.md and prints it. See Benchmarks/compare/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
limit="${1:-60}"
scripts/ensure-glpk
if ! command -v glpsol >/dev/null; then
  echo "glpsol is missing: installing glpk-utils" >&2
  SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq glpk-utils >/dev/null
fi
venv="Benchmarks/compare/.venv"
highspy_version="1.16.0"
if ! "$venv/bin/python" -c "import highspy, sys; sys.exit(0 if highspy.Highs().version() == '$highspy_version' else 1)" >/dev/null 2>&1; then
  echo "installing highspy $highspy_version into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "highspy==$highspy_version"
fi

echo "building continuum and continuum-export-network (release)" >&2
swift build -c release --product continuum >/dev/null
continuum="$(swift build -c release --show-bin-path)/continuum"
swift build -c release --package-path Benchmarks/Micro --product continuum-export-network >/dev/null
exporter="$(swift build -c release --package-path Benchmarks/Micro --show-bin-path)/continuum-export-network"

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ]; then commit="${commit}+dirty"; fi
work="Benchmarks/compare/.work"
rm -rf "$work"
mkdir -p "$work" Benchmarks/results
scenarios=()
for s in ${SCENARIOS:-concert psq-week match-at-risk match-understaffed}; do scenarios+=("Scenarios/$s.json"); done
reservists=(Scenarios/reservists-small.json ${RESERVISTS:-300:101:90 3000:101:90})
nice "$venv/bin/python" Benchmarks/compare/compare.py \
  --continuum "$continuum" --exporter "$exporter" --time-limit "$limit" \
  --work "$work" --output "Benchmarks/results/compare-${commit}.md" --commit "$commit" \
  --scenarios "${scenarios[@]}" --reservists "${reservists[@]}"
rm -rf "$work"
echo "wrote Benchmarks/results/compare-${commit}.md" >&2
