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
