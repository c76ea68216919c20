#!/usr/bin/env bash
# Cold-start figures for `maml run` on the demo: each run is a fresh JVM through bin/maml (C1, serial
# GC, AppCDS archive), as a user runs it. Works on a copy of examples/demo, so the repo is not written.
# Build first:  mvn -B -q -pl maml-cli -am package -DskipTests
# Run:          bench/run-cli.sh [RUNS]        (default: 10; prints each run's wall time and the median)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f maml-cli/target/maml.jar ] || { echo "missing maml-cli/target/maml.jar; build it first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files examples/demo | while read -r f; do
  mkdir -p "$work/$(dirname "${f#examples/demo/}")"
  cp "$f" "$work/${f#examples/demo/}"
done
runs=${1:-10}
trust=(--trust "$work/keys/demo-only-drone-security.pub") # as the README's first command: no allowed store needed
bin/maml run "$work/drone_communication.maml.md" "${trust[@]}" >/dev/null 2>&1 # first use may build the CDS archive
times=()
for _ in $(seq "$runs"); do
  rm -f "$work"/*.mu
  t0=$(date +%s%N)
  bin/maml run "$work/drone_communication.maml.md" "${trust[@]}" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
  echo "run_ms ${times[-1]}"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median_ms", a[int((NR+1)/2)]}'
