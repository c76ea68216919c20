#!/usr/bin/env bash
# `maml-run` on many copies of the demo against the in-process limit (issue 15): DOCS copies of
# examples/demo/drone_communication.maml.md in one directory (with the dataset and key they name),
# run by `bin/maml-run DIR --jobs JOBS` as users run it (a fresh JVM with bin/maml's flags, C1 and
# serial GC, and its class archive), and by bench/run/InProcessBatch.java (the same documents through
# one warm Pipeline on JOBS threads, no JVM start). The sides alternate, ROUNDS rounds each, every
# round starting with no receipts; the ratio is the median of the per-round ratios (command line /
# in-process). Prints documents/s and the command line's CPU seconds (user + sys) per round.
#
# BEFORE adds a second command line to every round, for a before/after comparison on one machine:
#   BEFORE=DIR      DIR/bin/maml-run: another tree (a release archive, or a checkout with its jar
#                   built), with its own launcher and archive: compares launchers and builds.
#   BEFORE=old.jar  this tree's bin/maml-run on a copy of the old jar: the same flags and the same
#                   archive training (for that jar), so only the build differs.
# The two command lines take turns going first. Both sides' archives are made before the first
# round (a launcher trains its archive on first use), so no round pays for a training.
# Build first:  mvn -B -q -pl maml-cli -am package -DskipTests
# Run:          [BEFORE=old.jar|DIR] bench/run-batch.sh [DOCS] [JOBS] [ROUNDS]        (default: 300 2 5)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=maml-cli/target/maml.jar
[ -f "$jar" ] || { echo "missing $jar; build it first" >&2; exit 2; }
before=${BEFORE:-}
docs=${1:-300}
jobs=${2:-2}
rounds=${3:-5}
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$work"' EXIT
unset MAML_JAVA_OPTS # the launcher's own flags, as users get them
dir="$work/docs"
mkdir -p "$dir/keys"
cp examples/demo/drone_communication_data.csv "$dir/"
cp examples/demo/keys/demo-only-drone-security.pub "$dir/keys/"
for i in $(seq -w 1 "$docs"); do cp examples/demo/drone_communication.maml.md "$dir/d$i.maml.md"; done
trust="$dir/keys/demo-only-drone-security.pub"
launcher="$PWD/bin/maml-run"
if [ -d "$before" ]; then
  before_launcher="$(cd "$before" && pwd)/bin/maml-run"
elif [ -n "$before" ]; then
  # a tree of its own: this launcher next to the old jar (its archive goes beside that copy)
  mkdir -p "$work/before/bin" "$work/before/maml-cli/target"
  cp bin/maml bin/maml-run "$work/before/bin/"
  cp "$before" "$work/before/maml-cli/target/maml.jar"
  ln -s "$PWD/examples" "$work/before/examples" # the training's documents
  before_launcher="$work/before/bin/maml-run"
fi
# make the archives now: --version trains the default archive, which run-batch uses
"$(dirname "$launcher")/maml" --version >/dev/null
if [ -n "$before" ]; then "$(dirname "$before_launcher")/maml" --version >/dev/null; fi
# one command-line batch with LAUNCHER; prints "documents/s cpu_seconds"
cli() {
  rm -f "$dir"/*.mu
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$1" "$dir" --jobs "$jobs" --trust "$trust" >"$work/cli.out"
  t1=$(date +%s%N)
  grep -q "\"ok\":$docs," "$work/cli.out" || { tail -1 "$work/cli.out" >&2; exit 1; }
  awk -v n="$docs" -v ns=$((t1 - t0)) '{printf "%.1f %.2f\n", n / (ns / 1e9), $1 + $2}' "$work/time"
}
mkfifo "$work/in"
java -cp "$jar" bench/run/InProcessBatch.java "$dir" "$trust" "$jobs" 3 <"$work/in" >"$work/inproc.out" &
exec 3>"$work/in"
until grep -q ready "$work/inproc.out" 2>/dev/null; do sleep 0.2; done
# one unmeasured batch per command line: the file cache, and the in-process side's compiler threads
# finish its warm-up (without this the first measured batch took a third longer, CPU unchanged)
cli "$launcher" >/dev/null
if [ -n "$before" ]; then cli "$before_launcher" >/dev/null; fi
ratios=()
before_ratios=()
for r in $(seq "$rounds"); do
  # with BEFORE, the two command lines take turns going first (the machine drifts within a round)
  if [ -n "$before" ] && [ $((r % 2)) = 0 ]; then read -r before_rate before_cpu < <(cli "$before_launcher"); fi
  read -r cli_rate cli_cpu < <(cli "$launcher")
  if [ -n "$before" ] && [ $((r % 2)) = 1 ]; then read -r before_rate before_cpu < <(cli "$before_launcher"); fi
  rm -f "$dir"/*.mu
  done_rounds=$(grep -c per_second "$work/inproc.out" || true)
  echo >&3
  until [ "$(grep -c per_second "$work/inproc.out" || true)" -gt "$done_rounds" ]; do sleep 0.1; done
  in_rate=$(grep per_second "$work/inproc.out" | tail -1 | sed 's/.*"per_second":\([0-9.]*\).*/\1/')
  in_cpu=$(grep per_second "$work/inproc.out" | tail -1 | sed 's/.*"cpu_s":\([0-9.]*\).*/\1/')
  ratio=$(awk -v a="$cli_rate" -v b="$in_rate" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  line="{\"round\":$r,\"cli_documents_per_s\":$cli_rate,\"cli_cpu_s\":$cli_cpu,\"in_process_documents_per_s\":$in_rate,\"in_process_cpu_s\":$in_cpu,\"ratio\":$ratio"
  if [ -n "$before" ]; then
    before_ratio=$(awk -v a="$before_rate" -v b="$in_rate" 'BEGIN {printf "%.3f", a / b}')
    before_ratios+=("$before_ratio")
    line="$line,\"before_cli_documents_per_s\":$before_rate,\"before_cli_cpu_s\":$before_cpu,\"before_ratio\":$before_ratio"
  fi
  echo "$line,\"load\":$(cut -d' ' -f1 /proc/loadavg)}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if [ -n "$before" ]; then
  echo "{\"median_ratio\":$(median "${ratios[@]}"),\"median_before_ratio\":$(median "${before_ratios[@]}")}"
else
  echo "{\"median_ratio\":$(median "${ratios[@]}")}"
fi
