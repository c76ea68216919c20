#!/usr/bin/env bash
# Before and after for `maml serve`'s POST /lint: one server per jar, all started at once and warmed
# up, then wrk rounds that alternate among them (this machine's speed drifts 2-4x within minutes, so
# only rounds taken close together compare). Per round: req/s, p50, p99 and the server's CPU time per
# request (user + sys from /proc, all its threads) and its context switches per request (all threads). Same server options and document as
# bench/serve-load.sh.
# Usage: bench/serve/lint-ab.sh CONNECTIONS WARMUP SECONDS ROUNDS JAR...
# Each JAR is maml-cli/target/maml.jar built at the commit to compare, copied aside under a name that says which.
# Needs wrk. Writes to bench/work/serve-ab/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 5 ] || { echo "usage: bench/serve/lint-ab.sh CONNECTIONS WARMUP SECONDS ROUNDS JAR..." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
connections=$1 warmup=$2 seconds=$3 rounds=$4
shift 4
work=$(pwd)/bench/work/serve-ab
rm -rf "$work"
. bench/serve/documents.sh
serve_documents "$work"
doc=$work/lint-10k.maml.md
echo "== commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
pids=() urls=() names=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null || true' EXIT
for jar in "$@"; do
  i=${#pids[@]}
  mkdir -p "$work/receipts$i"
  java -jar "$jar" serve --root "$work/root" --receipts "$work/receipts$i" --port 0 --auth none --max-concurrent 64 \
    --trust "$work/root/keys/demo-only-drone-security.pub" 2> "$work/server$i.log" &
  pids+=($!) names+=("$(basename "$jar")")
  for _ in $(seq 300); do grep -q 'listening on' "$work/server$i.log" && break; sleep 0.1; done
  urls+=("$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/server$i.log" | head -1)")
  [ -n "${urls[$i]}" ] || { echo "$jar: the server did not start" >&2; cat "$work/server$i.log" >&2; exit 1; }
done
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {n += $2} END {print n}'; } # all threads, voluntary or not
lint() { MAML_BODY=$doc wrk -t "$(nproc)" -c "$connections" -d "${2}s" --timeout 30s --latency -s bench/serve/post.lua "$1/lint" | grep '^RESULT'; }
for k in "${!pids[@]}"; do lint "${urls[$k]}" "$warmup" > /dev/null; done
for ((r = 1; r <= rounds; r++)); do
  for k in "${!pids[@]}"; do
    before=$(cpu_ms "${pids[$k]}") cs_before=$(switches "${pids[$k]}")
    result=$(lint "${urls[$k]}" "$seconds")
    used=$(( $(cpu_ms "${pids[$k]}") - before )) cs=$(( $(switches "${pids[$k]}") - cs_before ))
    n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$result")
    echo "round=$r jar=${names[$k]} ${result#RESULT } server_cpu_ms_per_req=$(awk -v c="$used" -v n="$n" 'BEGIN {printf "%.3f", (n > 0 ? c / n : 0)}') switches_per_req=$(awk -v c="$cs" -v n="$n" 'BEGIN {printf "%.2f", (n > 0 ? c / n : 0)}') load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done | tee "$work/rounds.txt"
echo "== medians ($rounds rounds of ${seconds} s, $connections connections, after ${warmup} s of warm-up each):"
for name in "${names[@]}"; do
  m() { grep " jar=$name " "$work/rounds.txt" | sed -n "s/.* $1=\([^ ]*\).*/\1/p" | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
  echo "$name: req/s $(m rps), p50 $(m p50_ms) ms, p99 $(m p99_ms) ms, server CPU $(m server_cpu_ms_per_req) ms per request, $(m switches_per_req) context switches per request"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
