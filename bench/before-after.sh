#!/usr/bin/env bash
# Compares two builds of maml (before and after a change) on the lint and language-server
# benchmarks of docs/performance.md, in one run, interleaved (before, after, after, before, ...), so
# both sides see the same machine load: absolute figures on a shared machine are noisy, the
# comparison within a round is not.
#   lint: N generated documents (bench/generate-docs.sh) linted by one process, then one file cold;
#         each jar launched the way bin/maml launches it (C1 only, serial GC, an AppCDS archive made
#         by a training run per jar, kept out of the timings).
#   lsp:  bench/lsp/client.mjs against `java -XX:+UseSerialGC -jar JAR lsp`, as
#         bench/lsp-vs-yaml-language-server.sh runs it.
# Usage: bench/before-after.sh BEFORE_JAR AFTER_JAR [FILES] [LINT_RUNS] [LSP_ROUNDS] [ITERATIONS] [WARMUP]
#        (defaults 10000 5 3 200 50; needs Java 17 and Node 20). Output goes to bench/work/before-after/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  echo "usage: bench/before-after.sh BEFORE_JAR AFTER_JAR [FILES] [LINT_RUNS] [LSP_ROUNDS] [ITERATIONS] [WARMUP]" >&2
  exit 2
fi
declare -A jar=([before]="$(realpath "$1")" [after]="$(realpath "$2")")
files="${3:-10000}"
lint_runs="${4:-5}"
lsp_rounds="${5:-3}"
iterations="${6:-200}"
warmup="${7:-50}"
work="$root/bench/work/before-after"
mkdir -p "$work"
sides=(before after)
# The sides in round r: before first in odd rounds, after first in even ones, so neither side always
# runs second (right after the other has filled caches and memory).
order() { if (($1 % 2)); then echo before after; else echo after before; fi; }

# bin/maml's JVM flags; the archive lives in the work directory so the jars' directories stay untouched.
opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
launch() { # side: sets cmd to the java command line that runs that side's jar
  cmd=(java "${opts[@]}" -XX:SharedArchiveFile="$work/$1.jsa" -Xshare:auto -Xlog:cds=off
    -Xlog:cds+dynamic=off -jar "${jar[$1]}")
}
for side in "${sides[@]}"; do
  rm -f "$work/$side.jsa"
  java "${opts[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$work/$side.jsa" \
    -jar "${jar[$side]}" lint --format json "$root/examples/drone_communication.maml.md" >/dev/null 2>&1 || true
  [ -s "$work/$side.jsa" ] || echo "note: no AppCDS archive for $side; it runs without one" >&2
done

# The documents live outside the git work tree: maml lint honours .gitignore, and bench/work is ignored.
inputs="${MAML_BENCH_INPUTS:-${TMPDIR:-/tmp}/maml-bench-inputs}"
mkdir -p "$inputs"
docs="$inputs/docs-$files"
"$root/bench/generate-docs.sh" "$files" "$docs"
one="$inputs/one.maml.md"
cp "$root/examples/drone_communication.maml.md" "$one"

lint_tsv="$work/lint.tsv"
: >"$lint_tsv"
timed() { # case, side, run, arguments to maml...: appends wall seconds and peak RSS (KB)
  local case="$1" side="$2" run="$3"; shift 3
  local rc=0
  launch "$side"
  /usr/bin/time -o "$work/time.txt" -f '%e %M' "${cmd[@]}" "$@" >"$work/out-$side.txt" 2>&1 || rc=$?
  # lint exits 0 (clean) or 1 (findings); anything else means the run did not lint.
  if [ "$rc" -gt 1 ]; then echo "$side: maml $* exited $rc; see $work/out-$side.txt" >&2; exit 1; fi
  printf '%s\t%s\t%s\t%s\n' "$case" "$side" "$run" "$(tail -1 "$work/time.txt" | tr ' ' '\t')" >>"$lint_tsv"
}

echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); node $(node --version)"
echo "before: ${jar[before]}"
echo "after:  ${jar[after]}"
# One untimed pass each, so the page cache holds the files for every timed run.
for side in "${sides[@]}"; do launch "$side"; "${cmd[@]}" lint "$docs" >/dev/null 2>&1 || true; done
for ((r = 1; r <= lint_runs; r++)); do
  for side in $(order "$r"); do timed "lint $files files" "$side" "$r" lint "$docs"; done
done
for side in "${sides[@]}"; do echo "$side: $(wc -l <"$work/out-$side.txt") lines of lint output on the last run" >&2; done
for ((r = 1; r <= lint_runs; r++)); do
  for side in $(order "$r"); do timed "lint one file, cold" "$side" "$r" lint "$one"; done
done
echo "load average after lint: $(cut -d' ' -f1-3 /proc/loadavg)"

schema="$root/maml-core/src/main/resources/dev/maml/schema/maml-front-matter.schema.json"
rm -f "$work"/lsp-*.json
for ((r = 1; r <= lsp_rounds; r++)); do
  for side in $(order "$r"); do
    node "$root/bench/lsp/client.mjs" --iterations "$iterations" --warmup "$warmup" --schema "$schema" \
      --maml "java -XX:+UseSerialGC -jar ${jar[$side]} lsp" --out "$work/lsp-$side-$r.json" >/dev/null
  done
done
echo "load average after lsp: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node "$root/bench/before-after-summary.mjs" "$work" "${sides[@]}"
