#!/usr/bin/env bash
# The floor under `maml serve`'s POST /lint (issue 12): what HTTP alone costs on this machine, and what
# any server of the same lint gets. Five servers at once, all from maml.jar's class path: maml serve
# (as bench/serve-load.sh starts it); bench/serve/BareJetty.java (same Jetty, same connector settings)
# with a Jetty core handler and with one servlet, both reading the POSTed body and answering maml
# serve's own answer to it, a fixed body of the same bytes; and BareJetty again linting the body as
# /lint does, without any of maml serve's layers (limits, authentication, log, metrics, the bound on
# lints at once), once from a servlet on a thread per request and once on Jetty's selector threads
# (no hand-off between threads; not a design maml serve can take, see BareJetty). Beside them the
# in-process lint of bench/serve/InProcessThroughput.java on one thread per core. wrk as in
# bench/serve-load.sh (the same 10 KB document, post.lua, one thread per core, --timeout 30s). After
# a warm-up of each, ROUNDS rounds in which the sides take turns; per round and side: req/s (ops/s),
# its ratio to the in-process ops/s of the same round, p50, p99, CPU ms per request of the server
# process (user + sys of all its threads, from /proc; the system part apart), its context switches
# per request (all threads) and wrk's CPU per request (from /usr/bin/time). With the cores busy, a
# server's throughput is at most cores / (its CPU + wrk's CPU per request), so the lint ratio's
# ceiling for any server on this HTTP layer is lint / (lint + floor), floor = the bare server's CPU
# + wrk's CPU per request.
# Usage: bench/serve/floor.sh [CONNECTIONS [SECONDS [WARMUP [ROUNDS]]]]   (default 16 10 60 5, about 11 minutes;
# with 30 s the lint servers still spent 1.3-2x the CPU per request in the first rounds, likely the JIT)
# Needs wrk. Writes to bench/work/serve-floor/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
connections="${1:-16}" seconds="${2:-10}" warmup="${3:-60}" rounds="${4:-5}"
cores=$(nproc)
jar=$(pwd)/maml-cli/target/maml.jar
[ -f "$jar" ] || { echo "build maml-cli/target/maml.jar first (mvn -B -q -pl maml-cli -am package -DskipTests)" >&2; exit 2; }
work=$(pwd)/bench/work/serve-floor
rm -rf "$work"
mkdir -p "$work/receipts"
. bench/serve/documents.sh
serve_documents "$work"
doc=$work/lint-10k.maml.md
trust=$work/root/keys/demo-only-drone-security.pub
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ), $cores cores; load average before: $(load)"

pids=() urls=() names=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null || true' EXIT
start() { # name command... : starts a server that prints "listening on URL" on stderr
  local name=$1 i=${#pids[@]}
  shift
  "$@" 2> "$work/$name.log" &
  pids+=($!) names+=("$name")
  for _ in $(seq 600); do grep -q 'listening on' "$work/$name.log" && break; sleep 0.1; done
  urls+=("$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/$name.log" | head -1)")
  [ -n "${urls[$i]}" ] || { echo "$name did not start" >&2; cat "$work/$name.log" >&2; exit 1; }
}
start maml-serve java -jar "$jar" serve --root "$work/root" --receipts "$work/receipts" --port 0 --auth none \
  --max-concurrent 64 --trust "$trust"
curl -sf -H 'Content-Type: text/markdown' --data-binary "@$doc" "${urls[0]}/lint" > "$work/answer.json"
echo "== /lint answer: $(wc -c < "$work/answer.json") bytes of JSON for $(wc -c < "$doc") bytes of document"
start bare-core java -cp "$jar" bench/serve/BareJetty.java core "$work/answer.json"
start bare-servlet java -cp "$jar" bench/serve/BareJetty.java servlet "$work/answer.json"
start servlet-lint java -cp "$jar" bench/serve/BareJetty.java servlet-lint "$work/root" "$trust"
start selector-lint java -cp "$jar" bench/serve/BareJetty.java selector-lint "$work/root" "$trust"
coproc INPROCESS { java -cp "$jar" bench/serve/InProcessThroughput.java lint "$work/root" "$doc" "$warmup" \
  "$cores" "$work/inprocess-receipts" "$trust"; }

ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$1/stat"; }
sys_ms() { awk -v t="$ticks" '{printf "%d", $15 * 1000 / t}' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {n += $2} END {print n}'; } # all threads, voluntary or not
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
lint() { # url seconds -> wrk's RESULT line and its CPU seconds
  MAML_BODY=$doc /usr/bin/time -f '%U %S' -o "$work/wrk.cpu" wrk -t "$cores" -c "$connections" -d "${2}s" \
    --timeout 30s --latency -s bench/serve/post.lua "$1/lint" 2>> "$work/wrk.other" | grep '^RESULT' | tr '\n' ' '
  awk '{printf "wrk_cpu_s=%s\n", $1 + $2}' "$work/wrk.cpu"
}
for k in "${!pids[@]}"; do lint "${urls[$k]}" "$warmup" > /dev/null; done
read -r ready <&"${INPROCESS[0]}"
[ "$ready" = ready ] || { echo "the in-process side did not start: $ready" >&2; exit 1; }

say() { echo "$*" | tee -a "$work/rounds.txt"; } # no pipeline around the loop: bash closes a coprocess's pipes in subshells
for ((r = 1; r <= rounds; r++)); do
  for k in "${!pids[@]}"; do
    before=$(cpu_ms "${pids[$k]}") sys_before=$(sys_ms "${pids[$k]}") cs_before=$(switches "${pids[$k]}")
    result=$(lint "${urls[$k]}" "$seconds")
    used=$(( $(cpu_ms "${pids[$k]}") - before )) sys=$(( $(sys_ms "${pids[$k]}") - sys_before ))
    cs=$(( $(switches "${pids[$k]}") - cs_before ))
    n=$(field requests "$result")
    say "round=$r side=${names[$k]} rps=$(field rps "$result") p50_ms=$(field p50_ms "$result") p99_ms=$(field p99_ms "$result") other=$(field other "$result")" \
      "socket_errors=$(field socket_errors "$result")" \
      "server_cpu_ms=$(awk -v c="$used" -v n="$n" 'BEGIN {printf "%.4f", c / n}')" \
      "server_sys_ms=$(awk -v c="$sys" -v n="$n" 'BEGIN {printf "%.4f", c / n}')" \
      "switches=$(awk -v c="$cs" -v n="$n" 'BEGIN {printf "%.2f", c / n}')" \
      "wrk_cpu_ms=$(awk -v w="$(field wrk_cpu_s "$result")" -v n="$n" 'BEGIN {printf "%.4f", w * 1000 / n}')" \
      "load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  echo "$seconds" >&"${INPROCESS[1]}"
  read -r inprocess <&"${INPROCESS[0]}"
  say "round=$r side=in-process rps=$(sed -n 's/.*"ops_per_s":\([0-9.]*\).*/\1/p' <<< "$inprocess")" \
    "server_cpu_ms=$(sed -n 's/.*"cpu_ms_per_op":\([0-9.]*\).*/\1/p' <<< "$inprocess") load=$(cut -d' ' -f1 /proc/loadavg)"
done
exec {INPROCESS[1]}>&-
echo "== load average after: $(load)"
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
m() { grep " side=$1 " "$work/rounds.txt" | sed -n "s/.* $2=\([^ ]*\).*/\1/p" | median; }
echo
echo "Medians of $rounds rounds of ${seconds} s, $connections connections, the sides taking turns (CPU: ms per request)."
ratio() { # side -> the median over rounds of its req/s over the in-process ops/s of the same round
  awk -v side="$1" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); f[kv[1]] = kv[2]}}
    f["side"] == side {rps[f["round"]] = f["rps"]} f["side"] == "in-process" {ops[f["round"]] = f["rps"]}
    END {for (r in rps) if (ops[r] > 0) printf "%.2f\n", rps[r] / ops[r]}' "$work/rounds.txt" | median
}
echo "| side | req/s | ratio to in-process | p50 | p99 | server CPU (of it system) | context switches | wrk CPU | server + wrk |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
  echo "| $name | $(m "$name" rps) | $(ratio "$name") | $(m "$name" p50_ms) ms | $(m "$name" p99_ms) ms | $(m "$name" server_cpu_ms) ($(m "$name" server_sys_ms)) | $(m "$name" switches) | $(m "$name" wrk_cpu_ms) |" \
    "$(awk -v a="$(m "$name" server_cpu_ms)" -v b="$(m "$name" wrk_cpu_ms)" 'BEGIN {printf "%.4f", a + b}') |"
done
lint_ms=$(m in-process server_cpu_ms)
echo "| in-process lint ($cores threads) | $(m in-process rps) ops/s | | | | $lint_ms | | | |"
for bare in bare-core bare-servlet; do
  floor=$(awk -v a="$(m "$bare" server_cpu_ms)" -v b="$(m "$bare" wrk_cpu_ms)" 'BEGIN {print a + b}')
  echo "ceiling of the /lint ratio on the $bare floor: lint / (lint + floor) = $lint_ms / ($lint_ms + $floor) =" \
    "$(awk -v l="$lint_ms" -v f="$floor" 'BEGIN {printf "%.2f", l / (l + f)}')"
done
