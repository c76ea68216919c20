#!/usr/bin/env bash
# Tool-call latency of `lint` over `maml mcp` (stdio, the official TypeScript SDK client) beside the
# same work through the Toolchain in-process (bench/mcp/InProcessLint.java), in one run: p50/p99 of 1,000 calls
# each. The difference is what MCP costs (JSON-RPC framing, the SDK's schema checks, two pipes).
# Needs Node 20 and npm (installs interop/mcp-client's pinned packages).
# Usage: bench/mcp-latency.sh [CALLS] [WARMUP]   (default 1000 200)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
warmup="${2:-200}"
document=examples/drone_communication.maml.md
(cd interop/mcp-client && npm ci --no-audit --no-fund --silent)
mvn -B -q -pl maml-cli -am package -DskipTests   # never measure a stale jar
echo "== MCP over stdio: $calls calls of lint, $warmup warm-up"
node bench/mcp/latency.mjs --calls "$calls" --warmup "$warmup" --document "$document" \
  -- java -XX:+UseSerialGC -jar maml-cli/target/maml.jar mcp
echo "== in-process: Toolchain.lint to the same JSON, $calls calls, $warmup warm-up"
java -XX:+UseSerialGC -cp maml-cli/target/maml.jar bench/mcp/InProcessLint.java "$document" "$calls" "$warmup"
