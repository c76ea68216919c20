#!/usr/bin/env bash
# maml lsp vs yaml-language-server on the same front-matter schema-validation scenario, both driven by
# bench/lsp/client.mjs in one run: didChange -> publishDiagnostics p50/p95 on 100 KB and 1 MB documents
# (maml's debounce set to 0, so it is excluded), completion p95, RSS with 100 open documents.
# Needs Node 20 and npm; installs yaml-language-server@1.25 into bench/work/.
# Usage: bench/lsp-vs-yaml-language-server.sh [ITERATIONS] [WARMUP]   (default 200 50; "5 5" for a smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-200}"
warmup="${2:-50}"
work=bench/work
mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/yaml-language-server" ]; then
  npm install --prefix "$work" --no-audit --no-fund --silent yaml-language-server@1.25
fi
jar=maml-cli/target/maml.jar
mvn -B -q -pl maml-cli -am package -DskipTests   # never measure a stale jar
schema=maml-core/src/main/resources/dev/maml/schema/maml-front-matter.schema.json
node bench/lsp/client.mjs --iterations "$iterations" --warmup "$warmup" --schema "$schema" \
  --maml "java -XX:+UseSerialGC -jar $jar lsp" \
  --yaml "node $work/node_modules/.bin/yaml-language-server --stdio"
