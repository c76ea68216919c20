#!/usr/bin/env bash
# maml lsp vs yaml-language-server on the same front-matter schema-validation scenario, both driven by
# bench/lsp/client.mjs in one run, in alternating rounds (maml first, then yaml-language-server first, ...):
# didChange -> publishDiagnostics p50/p95 on 100 KB and 1 MB documents (maml's debounce set to 0;
# yaml-language-server's fixed 200 ms one is subtracted for the net comparison the summary leads with),
# completion p95, RSS with 100 open documents; and the same client against bench/lsp/EchoServer.java (a
# JVM server answering from constants: the floor of pipes and client under any JVM server). maml runs
# as bin/maml runs `maml lsp` (its JVM flags).
# Needs Node 20 and npm; installs yaml-language-server@1.25.0 into bench/work/.
# Usage: bench/lsp-vs-yaml-language-server.sh [ITERATIONS] [WARMUP] [ROUNDS] [IDLE_MS]
#        (default 200 50 4 0; "5 5 2" for a smoke run; IDLE_MS: a pause after each open before the
#        first edit, as a user who reads before typing, which maml's start-up warm-up uses)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-200}"
warmup="${2:-50}"
rounds="${3:-4}"
idle="${4:-0}"
work=bench/work
mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/yaml-language-server" ]; then
  npm install --prefix "$work" --no-audit --no-fund --silent yaml-language-server@1.25.0
fi
mvn -B -q -pl maml-cli -am package -DskipTests   # never measure a stale jar
schema=maml-core/src/main/resources/dev/maml/schema/maml-front-matter.schema.json
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
node bench/lsp/client.mjs --iterations "$iterations" --warmup "$warmup" --rounds "$rounds" --idle-ms "$idle" --schema "$schema" \
  --maml "bin/maml lsp" \
  --yaml "node $work/node_modules/.bin/yaml-language-server --stdio" \
  --floor "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 bench/lsp/EchoServer.java"
