#!/usr/bin/env bash
# maml lsp with and without its start-up warm-up (server.WarmUp), in alternating rounds (without
# first, then with, ...), driven by bench/lsp/client.mjs as bench/lsp-vs-yaml-language-server.sh
# drives it (maml only). IDLE_MS: the pause after each open before the first edit (the warm-up runs
# only when the server is idle; 0 is the main benchmark's back-to-back editing). Without = the
# system property maml.lsp.warmUp=0, through JAVA_TOOL_OPTIONS so bin/maml's flags stay as they are.
# Usage: bench/lsp-warm-up.sh [IDLE_MS] [ROUNDS] [ITERATIONS] [WARMUP]   (default 3000 4 200 50)
set -euo pipefail
cd "$(dirname "$0")/.."
idle="${1:-3000}"
rounds="${2:-4}"
iterations="${3:-200}"
warmup="${4:-50}"
mvn -B -q -pl maml-cli -am package -DskipTests   # never measure a stale jar
schema=maml-core/src/main/resources/dev/maml/schema/maml-front-matter.schema.json
out="$(mktemp -d)"
echo "idle=${idle} ms, ${iterations} measured edits after ${warmup}; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="without with"; else order="with without"; fi
  for side in $order; do
    opts=""; [ "$side" = without ] && opts="-Dmaml.lsp.warmUp=0"
    JAVA_TOOL_OPTIONS="$opts" node bench/lsp/client.mjs --iterations "$iterations" --warmup "$warmup" --rounds 1 \
      --idle-ms "$idle" --schema "$schema" --maml "bin/maml lsp" --out "$out/$side-$r.json" >/dev/null 2>&1
    node -e 'const [r] = require(process.argv[1]); console.log(process.argv[2].padEnd(8), "round", process.argv[3], "load", r.load,
      "| 100KB p50", r.diag_100KB_p50_ms, "p95", r.diag_100KB_p95_ms, "| completion p95", r.completion_p95_ms,
      "| 1MB p50", r.diag_1MB_p50_ms, "p95", r.diag_1MB_p95_ms, "| RSS", r.rss_100_docs_mib, "MiB")' "$out/$side-$r.json" "$side" "$r"
  done
done
node -e '
const fs = require("fs"); const dir = process.argv[1];
const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const side of ["without", "with"]) {
  const rows = fs.readdirSync(dir).filter((f) => f.startsWith(side + "-")).map((f) => require(dir + "/" + f)[0]);
  const m = (k) => median(rows.map((r) => Number(r[k]))).toFixed(2);
  console.log(`median ${side.padEnd(8)}: 100KB p50 ${m("diag_100KB_p50_ms")} p95 ${m("diag_100KB_p95_ms")} | completion p95 ${m("completion_p95_ms")} | 1MB p50 ${m("diag_1MB_p50_ms")} p95 ${m("diag_1MB_p95_ms")} | RSS ${m("rss_100_docs_mib")} MiB`);
}' "$out"
