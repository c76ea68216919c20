#!/usr/bin/env bash
# Compares `maml lint` with markdownlint-cli2 on the same machine, in one run:
#   (a) a directory of N generated MAML files (default 10000), copies of testdata/corpus;
#   (b) one file, cold start (a fresh process each time, R runs, default 5).
# Usage: bench/lint-vs-markdownlint.sh [N] [R]     (needs Java 17, Maven, Node.js 18+ with npm)
# Not part of the test command. Everything it makes goes to bench/work/ (ignored by git).
# The two tools check different things (markdownlint: Markdown style; maml: MAML structure and the
# parser's findings), so this measures the cost of a run, not equal work.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-10000}"
runs="${2:-5}"
work="$root/bench/work"
markdownlint_version="0.24.1"
mkdir -p "$work"

# markdownlint-cli2, pinned, in a scratch prefix (never global).
mdl="$work/node/node_modules/.bin/markdownlint-cli2"
if [ ! -x "$mdl" ]; then
  npm install --silent --no-audit --no-fund --prefix "$work/node" "markdownlint-cli2@$markdownlint_version" >&2
fi

# maml, built, with its AppCDS archive made (the first bin/maml run makes it; keep that out of the timings).
"$root/bin/maml" --version >/dev/null

# The documents live outside the git work tree: maml lint honours .gitignore, and bench/work is ignored.
inputs="${MAML_BENCH_INPUTS:-${TMPDIR:-/tmp}/maml-bench-inputs}"
mkdir -p "$inputs"
docs="$inputs/docs-$files"
"$root/bench/generate-docs.sh" "$files" "$docs"
one="$inputs/one.maml.md"
cp "$root/examples/drone_communication.maml.md" "$one"

timed() { # label, command...: wall seconds and peak RSS; exit codes 0/1 both mean "linted"
  local label="$1"; shift
  local stats="$work/time.txt"
  /usr/bin/time -o "$stats" -f '%e %M' "$@" >/dev/null 2>&1 || true
  local out
  out="$(tail -1 "$stats")"
  printf '%-46s %8ss %10s KB\n' "$label" "${out% *}" "${out#* }"
}

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); node $(node --version); markdownlint-cli2 $markdownlint_version"
echo
echo "(a) $files files"
timed "maml lint DIR" "$root/bin/maml" lint "$docs"
timed "markdownlint-cli2 \"DIR/**/*.md\"" "$mdl" "$docs/**/*.md"
echo
echo "(b) one file, cold start, $runs runs each"
for ((r = 1; r <= runs; r++)); do
  timed "maml lint FILE (run $r)" "$root/bin/maml" lint "$one"
  timed "markdownlint-cli2 FILE (run $r)" "$mdl" "$one"
done
echo
echo "(b') maml without the AppCDS archive, for comparison"
for ((r = 1; r <= runs; r++)); do
  MAML_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" timed "maml lint FILE, no AppCDS (run $r)" "$root/bin/maml" lint "$one"
done
