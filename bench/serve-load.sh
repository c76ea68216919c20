#!/usr/bin/env bash
# `maml serve` under load (issue 12): wrk on loopback against POST /lint (a 10 KB document) and
# POST /execute (the demo), 16 and 64 connections, SECONDS each after a warm-up, and beside each, in
# the same run, the in-process throughput of the same work through the core API on as many threads
# as cores (bench/serve/InProcessThroughput.java). Goals: each endpoint >= 0.7x in-process; /lint p99
# at 16 connections <= 25 ms; no error answers but deliberate 429/503.
# --soak: 5 minutes of /lint and /execute together at 16 connections (8 + 8); the server's RSS
# (VmRSS) every 10 s after a 30 s warm-up: first, last, max and growth (goal: < 10 %), and which of
# the JVM's memory grew (Native Memory Tracking, on for the soak only).
# The two sides alternate in ROUNDS rounds of SECONDS each (the in-process JVM stays warm between
# them): this machine's CPU speed drifts 2-4x within minutes, so only rounds taken close together
# compare fairly; the table gives medians, and the CPU time each side spends per request.
# Usage: bench/serve-load.sh [SECONDS [WARMUP [ROUNDS]]]     (default 10 10 3)
#        bench/serve-load.sh --soak [SECONDS]       (default 300)
# SERVE_JAVA_OPTS: JVM options for the server (e.g. -Xmx256m for the soak); none by default.
# Needs wrk (Debian package). Everything it writes goes to bench/work/serve-load/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
soak=false
if [ "${1:-}" = --soak ]; then soak=true; shift; fi
seconds="${1:-$($soak && echo 300 || echo 10)}"
warmup="${2:-10}"
rounds="${3:-3}"
cores=$(nproc)
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -f maml-cli/target/maml.jar ] || mvn -B -q -pl maml-cli -am package -DskipTests
jar=$repo/maml-cli/target/maml.jar

work=$repo/bench/work/serve-load
rm -rf "$work"
mkdir -p "$work/receipts"
. bench/serve/documents.sh
serve_documents "$work"
demo=$work/root/drone_communication.maml.md
trust=$work/root/keys/demo-only-drone-security.pub
doc10k=$work/lint-10k.maml.md

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== machine: $cores cores, $(uname -srm); $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "== commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before: $(load)"
echo "== documents: /lint $(wc -c < "$doc10k") bytes (generated from the seed example), /execute the demo $(wc -c < "$demo") bytes"

# The server: plain `java -jar` (C2, default GC), as a long-running server is started.
nmt=(); $soak && nmt=(-XX:NativeMemoryTracking=summary) # the soak says which memory grew
java "${nmt[@]}" ${SERVE_JAVA_OPTS:-} -jar "$jar" serve --root "$work/root" --receipts "$work/receipts" --port 0 --auth none \
  --max-concurrent 64 --trust "$trust" 2> "$work/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  grep -q 'listening on' "$work/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/server.log" | head -1)
[ -n "$url" ] || { echo "the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "== server: pid $server, $url, --max-concurrent 64 (so 64 connections are not refused on purpose), JVM options: ${SERVE_JAVA_OPTS:-none}"

wrk_run() { # endpoint body connections seconds -> the RESULT line and wrk's own CPU seconds; raw output kept in $work
  MAML_BODY="$2" /usr/bin/time -f '%U %S' -o "$work/wrk-$1-$3-$4.cpu" \
    wrk -t "$cores" -c "$3" -d "${4}s" --timeout 30s --latency -s bench/serve/post.lua "$url/$1" > "$work/wrk-$1-$3-$4.txt" \
    2>> "$work/wrk-$1-$3-$4.other" # the bodies of answers that were neither 2xx nor 429/503, of every round
  echo "$(grep '^RESULT' "$work/wrk-$1-$3-$4.txt") wrk_cpu_s=$(awk '{print $1 + $2}' "$work/wrk-$1-$3-$4.cpu")"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
empty_receipts() { find "$work/receipts" -name '*.mu' -delete; }

if $soak; then
  echo "== soak: /lint (8 connections) and /execute (8) for ${seconds} s; RSS every 10 s after 30 s"
  wrk_run lint "$doc10k" 16 10 >/dev/null
  wrk_run execute "$demo" 16 10 >/dev/null
  wrk_run lint "$doc10k" 8 $((seconds + 30)) > "$work/soak-lint.txt" &
  lint_pid=$!
  wrk_run execute "$demo" 8 $((seconds + 30)) > "$work/soak-execute.txt" &
  execute_pid=$!
  sleep 30
  jcmd "$server" VM.native_memory baseline > /dev/null
  samples=()
  for ((t = 0; t <= seconds; t += 10)); do
    samples+=("$(rss)")
    echo "rss_kb t=${t}s ${samples[-1]} receipts=$(find "$work/receipts" -name '*.mu' | wc -l)"
    [ "$t" -lt "$seconds" ] && sleep 10
  done
  wait "$lint_pid" "$execute_pid"
  # What grew since the warm-up, by the JVM's own accounting (committed memory, KB): the Java heap
  # (G1 commits more heap as it sizes itself; a fixed heap, -Xms = -Xmx with -XX:+AlwaysPreTouch,
  # commits it at start), the JIT's code cache, the GC's structures, threads, metaspace.
  echo "native memory growth after the warm-up (committed):"
  jcmd "$server" VM.native_memory summary.diff | sed -n 's/^[ -]*\(Total\|Java Heap\|Code\|GC\|Thread\|Metaspace\|Class\|Other\|Internal\)\( (\|:\)/\1\2/p' \
    | sed -n 's/^\([A-Za-z ]*\)[ (:].*committed=\([0-9]*KB\)\( [+-][0-9]*KB\)\{0,1\}.*/  \1: \2\3/p'  | sed 's/ :/:/'
  echo "lint    $(cat "$work/soak-lint.txt")"
  echo "execute $(cat "$work/soak-execute.txt")"
  printf '%s\n' "${samples[@]}" | awk '
    NR == 1 {first = $1; max = $1} {last = $1; if ($1 > max) max = $1}
    END {g = 100 * (last - first) / first
         printf "RSS first %d KB, last %d KB, max %d KB, growth %.1f %% (goal < 10 %%: %s)\n", first, last, max, g, g < 10 ? "met" : "missed"}'
  echo "== load average after: $(load)"
  exit 0
fi

ticks=$(getconf CLK_TCK)
server_cpu_ms() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$server/stat"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

rows=()
for endpoint in lint execute; do
  body=$doc10k; [ "$endpoint" = execute ] && body=$demo
  # The in-process side stays warm in its own JVM and measures a round whenever it is told to.
  coproc INPROCESS { java -cp "$jar" bench/serve/InProcessThroughput.java "$endpoint" "$work/root" "$body" "$warmup" \
    "$cores" "$work/inprocess-receipts" "$trust"; }
  wrk_run "$endpoint" "$body" 16 "$warmup" > /dev/null # the server's warm-up, not counted, beside the in-process one
  read -r ready <&"${INPROCESS[0]}"
  [ "$ready" = ready ] || { echo "the in-process side did not start: $ready" >&2; exit 1; }
  for connections in 16 64; do
    : > "$work/rounds-$endpoint-$connections.txt"
    for ((r = 1; r <= rounds; r++)); do
      empty_receipts # a run lists and stats every receipt there to find its chain's head: both sides start with none
      before=$(server_cpu_ms)
      result=$(wrk_run "$endpoint" "$body" "$connections" "$seconds")
      cpu=$(( $(server_cpu_ms) - before ))
      echo "$seconds" >&"${INPROCESS[1]}"
      read -r inprocess <&"${INPROCESS[0]}"
      echo "$inprocess" >> "$work/inprocess.txt"
      rps=$(field rps "$result")
      ops=$(sed -n 's/.*"ops_per_s":\([0-9.]*\).*/\1/p' <<< "$inprocess")
      line="round=$r $result server_cpu_ms_per_req=$(awk -v c="$cpu" -v n="$(field requests "$result")" 'BEGIN {printf "%.3f", (n > 0 ? c / n : 0)}')"
      line+=" ops=$ops inprocess_cpu_ms_per_op=$(sed -n 's/.*"cpu_ms_per_op":\([0-9.]*\).*/\1/p' <<< "$inprocess")"
      line+=" ratio=$(awk -v a="$rps" -v b="$ops" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
      # The client's share of the cores, which the in-process side never gives up: the ratio with the
      # server's side credited with it (the server had 1 - share of the cores) is printed beside the plain one.
      share=$(awk -v w="$(field wrk_cpu_s "$result")" -v s="$seconds" -v c="$cores" 'BEGIN {printf "%.3f", w / s / c}')
      line+=" wrk_share=$share ratio_without_wrk=$(awk -v a="$rps" -v b="$ops" -v f="$share" 'BEGIN {printf "%.2f", (b > 0 ? a / b / (1 - f) : 0)}')"
      echo "/$endpoint c=$connections $line"
      echo "$line" >> "$work/rounds-$endpoint-$connections.txt"
    done
    m() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$work/rounds-$endpoint-$connections.txt" | median; }
    worst() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$work/rounds-$endpoint-$connections.txt" | sort -g | tail -1; }
    sum() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$work/rounds-$endpoint-$connections.txt" | awk '{s += $1} END {print s + 0}'; }
    rows+=("$endpoint $connections rps=$(m rps) p50_ms=$(m p50_ms) p99_ms=$(m p99_ms) worst_p99_ms=$(worst p99_ms) deliberate=$(sum deliberate) other=$(sum other) socket_errors=$(sum socket_errors) ops=$(m ops) ratio=$(m ratio) wrk_share=$(m wrk_share) ratio_without_wrk=$(m ratio_without_wrk) server_cpu=$(m server_cpu_ms_per_req) inprocess_cpu=$(m inprocess_cpu_ms_per_op)")
  done
  exec {INPROCESS[1]}>&- # end of input: the in-process side exits
  wait "$INPROCESS_PID" 2>/dev/null || true
done
echo "== load average after: $(load)"
echo
echo "Medians of $rounds rounds of ${seconds} s per side, the sides alternating (the ratio is the median of the per-round ratios);"
echo "p99: median (worst round). CPU: milliseconds of process CPU time per request / per operation (all threads, GC included)."
echo "wrk share: wrk's own CPU time over the round's time on all cores; the ratio without it divides by (1 - share), as if the"
echo "server had had the cores wrk used. The goals are judged on the plain ratio."
echo
printf '| endpoint | connections | req/s | p50 | p99 | non-2xx deliberate / other | socket errors | in-process ops/s (%d threads) | ratio | wrk share of the cores; ratio without it | CPU ms per request: server / in-process | goals |\n' "$cores"
echo '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
for row in "${rows[@]}"; do
  read -r endpoint connections _ <<< "$row"
  ratio=$(field ratio "$row"); p99=$(field p99_ms "$row"); other=$(field other "$row")
  goals="ratio >= 0.7: $(awk -v r="$ratio" 'BEGIN {print (r >= 0.7 ? "met" : "missed")}')"
  if [ "$endpoint" = lint ] && [ "$connections" = 16 ]; then
    goals+="; p99 <= 25 ms: $(awk -v p="$p99" 'BEGIN {print (p <= 25 ? "met" : "missed")}')"
  fi
  goals+="; no other errors: $([ "$other" = 0 ] && [ "$(field socket_errors "$row")" = 0 ] && echo met || echo missed)"
  printf '| /%s | %s | %s | %s ms | %s ms (%s ms) | %s / %s | %s | %s | %s | %s; %s | %s / %s | %s |\n' "$endpoint" "$connections" \
    "$(field rps "$row")" "$(field p50_ms "$row")" "$p99" "$(field worst_p99_ms "$row")" "$(field deliberate "$row")" "$other" \
    "$(field socket_errors "$row")" "$(field ops "$row")" "$ratio" "$(field wrk_share "$row")" "$(field ratio_without_wrk "$row")" \
    "$(field server_cpu "$row")" "$(field inprocess_cpu "$row")" "$goals"
done
