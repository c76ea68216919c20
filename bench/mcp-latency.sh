#!/usr/bin/env bash
# Tool-call latency over `maml mcp` (stdio, the official TypeScript SDK client) beside the same work
# in-process (bench/mcp/InProcessTool.java), in one run: p50/p99 of CALLS calls each, for two tools:
#   lint                   the seed example's text (examples/drone_communication.maml.md)
#   workflow_drone_communication   the signed demo (examples/demo) run as a workflow tool with
#                          {"qkd_bits": 256}: trusted by --trust only, as agent://drone-security; each
#                          call is a whole run (BB84, signature check, sandbox, receipt).
# The difference is what MCP costs (JSON-RPC framing, the SDK's schema checks, two pipes; for the
# workflow, the outputSchema check as well). Goal (issue 13): at most 1 ms at p50. Each MCP row is
# measured twice: with the official SDK client, and with a bare JSON-RPC client (--client raw) that
# validates nothing, which separates the server's and pipes' share from the SDK client's.
# Both sides write their receipts into a copy of the demo of their own (bench/work/mcp-latency/,
# ignored by git); each run finds its chain's head there, so both start with none.
# Needs Node 20 and npm (installs interop/mcp-client's pinned packages).
# Usage: bench/mcp-latency.sh [CALLS] [WARMUP]   (default 1000 2000: the warm-up calls let C2 compile the
#        server's path as in a long agent session; with 200, the JIT is still at work during the 1,000)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
warmup="${2:-2000}"
document=examples/drone_communication.maml.md
(cd interop/mcp-client && npm ci --no-audit --no-fund --silent)
mvn -B -q -pl maml-cli -am package -DskipTests   # never measure a stale jar
jar=maml-cli/target/maml.jar
work=bench/work/mcp-latency
demo() { # a fresh copy of the demo's tracked files (a user's earlier runs leave receipts beside it)
  rm -rf "$work/$1"
  git ls-files examples/demo | while read -r f; do
    mkdir -p "$work/$1/$(dirname "${f#examples/demo/}")"
    cp "$f" "$work/$1/${f#examples/demo/}"
  done
}
workflow=drone_communication
arguments='{"qkd_bits":256}'
identity=agent://drone-security
echo "== $(nproc) cores, $(uname -srm); $(java -version 2>&1 | head -1); node $(node --version); commit $(git rev-parse --short HEAD)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for client in sdk raw; do
  echo "== lint over MCP stdio, $client client: $calls calls, $warmup warm-up"
  node bench/mcp/latency.mjs --client "$client" --calls "$calls" --warmup "$warmup" --document "$document" \
    -- java -XX:+UseSerialGC -jar "$jar" mcp
done
echo "== lint in-process: Toolchain.lint to the same JSON"
java -XX:+UseSerialGC -cp "$jar" bench/mcp/InProcessTool.java lint "$document" "$calls" "$warmup"

for client in sdk raw; do
  demo mcp
  echo "== workflow_$workflow over MCP stdio, $client client: $calls calls, $warmup warm-up"
  node bench/mcp/latency.mjs --client "$client" --calls "$calls" --warmup "$warmup" --tool "workflow_$workflow" \
    --arguments "$arguments" -- java -XX:+UseSerialGC -jar "$jar" mcp --workflows "$work/mcp" \
    --trust "$work/mcp/keys/demo-only-drone-security.pub" --as "$identity"
done
demo inprocess
echo "== workflow in-process: the run pipeline as the tool calls it"
java -XX:+UseSerialGC -cp "$jar" bench/mcp/InProcessTool.java workflow "$work/inprocess/$workflow.maml.md" \
  "$calls" "$warmup" "$arguments" "$work/inprocess/keys/demo-only-drone-security.pub" "$identity"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
