#!/usr/bin/env bash
# `maml-run` on many copies of the demo against the in-process limit (issue 15): DOCS copies of
# examples/demo/drone_communication.maml.md in one directory (with the dataset and key they name),
# run by `bin/maml-run DIR --jobs JOBS` (a fresh JVM through bin/maml, as a user runs it), and by
# bench/run/InProcessBatch.java (the same documents through one warm Pipeline on JOBS threads, no
# JVM start). The two sides alternate, ROUNDS rounds each, both starting each round with no
# receipts; the ratio is the median of the per-round ratios (command line / in-process).
# Build first:  mvn -B -q -pl maml-cli -am package -DskipTests
# Run:          bench/run-batch.sh [DOCS] [JOBS] [ROUNDS]        (default: 300 2 5)
# MAML_JAR=other.jar runs another build (both sides; the command line with MAML_JAVA_OPTS, default C1 and serial GC).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${MAML_JAR:-maml-cli/target/maml.jar}
[ -f "$jar" ] || { echo "missing $jar; build it first" >&2; exit 2; }
docs=${1:-300}
jobs=${2:-2}
rounds=${3:-5}
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/keys"
cp examples/demo/drone_communication_data.csv "$work/"
cp examples/demo/keys/demo-only-drone-security.pub "$work/keys/"
for i in $(seq -w 1 "$docs"); do cp examples/demo/drone_communication.maml.md "$work/d$i.maml.md"; done
trust="$work/keys/demo-only-drone-security.pub"
cli() {
  if [ "$jar" = maml-cli/target/maml.jar ]; then bin/maml-run "$@"; else java ${MAML_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$jar" run-batch "$@"; fi
}
mkfifo "$work/in"
java -cp "$jar" bench/run/InProcessBatch.java "$work" "$trust" "$jobs" 3 <"$work/in" >"$work/inproc.out" &
exec 3>"$work/in"
until grep -q ready "$work/inproc.out" 2>/dev/null; do sleep 0.2; done
cli "$work" --jobs "$jobs" --trust "$trust" >/dev/null # builds the CDS archive if missing
ratios=()
for r in $(seq "$rounds"); do
  rm -f "$work"/*.mu
  t0=$(date +%s%N)
  cli "$work" --jobs "$jobs" --trust "$trust" >"$work/cli.out"
  t1=$(date +%s%N)
  grep -q "\"ok\":$docs," "$work/cli.out" || { tail -1 "$work/cli.out" >&2; exit 1; }
  cli_rate=$(awk -v n="$docs" -v ns=$((t1 - t0)) 'BEGIN {printf "%.1f", n / (ns / 1e9)}')
  before=$(grep -c per_second "$work/inproc.out" || true)
  echo >&3
  until [ "$(grep -c per_second "$work/inproc.out" || true)" -gt "$before" ]; do sleep 0.1; done
  in_rate=$(grep per_second "$work/inproc.out" | tail -1 | sed 's/.*"per_second":\([0-9.]*\).*/\1/')
  ratio=$(awk -v a="$cli_rate" -v b="$in_rate" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  echo "{\"round\":$r,\"cli_documents_per_s\":$cli_rate,\"in_process_documents_per_s\":$in_rate,\"ratio\":$ratio,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\"}"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print "{\"median_ratio\":" a[int((NR+1)/2)] "}"}'
