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
# The sides alternate in ROUNDS rounds, as bench/serve-load.sh's do: this machine's speed drifts
# within minutes (and other work may share it), so only measurements taken close together compare
# fairly. In each round, for each tool, the three sides run one after the other (fresh processes,
# each with its own WARMUP calls; the order flips every round: MCP first in odd rounds, in-process
# first in even ones), and the round's overhead (SDK p50 - in-process p50) and ratio (SDK p50 /
# in-process p50) are printed with the load average. The summary gives the medians over the rounds.
# Each workflow side writes its receipts into a fresh copy of the demo of its own
# (bench/work/mcp-latency/, ignored by git), so every side of every round starts with no receipt.
# Needs Node 20 and npm (installs interop/mcp-client's pinned packages).
# Usage: bench/mcp-latency.sh [CALLS [WARMUP [ROUNDS]]]   (default 1000 2000 3: the warm-up calls let
#        C2 compile the server's path as in a long agent session; with 200, the JIT is still at work)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
warmup="${2:-2000}"
rounds="${3:-3}"
document=examples/drone_communication.maml.md
(cd interop/mcp-client && npm ci --no-audit --no-fund --silent)
mvn -B -q -o -pl maml-cli -am package -DskipTests   # never measure a stale jar
jar=maml-cli/target/maml.jar
work=bench/work/mcp-latency
mkdir -p "$work"
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
load() { cut -d' ' -f1-3 /proc/loadavg; }
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" <<< "$2"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

# One side of one tool: prints the JSON line its client or program printed.
mcp_side() { # TOOL CLIENT
  if [ "$1" = lint ]; then
    node bench/mcp/latency.mjs --client "$2" --calls "$calls" --warmup "$warmup" --document "$document" \
      -- java -XX:+UseSerialGC -jar "$jar" mcp
  else
    demo "mcp-$2"
    node bench/mcp/latency.mjs --client "$2" --calls "$calls" --warmup "$warmup" --tool "workflow_$workflow" \
      --arguments "$arguments" -- java -XX:+UseSerialGC -jar "$jar" mcp --workflows "$work/mcp-$2" \
      --trust "$work/mcp-$2/keys/demo-only-drone-security.pub" --as "$identity"
  fi
}
inprocess_side() { # TOOL
  if [ "$1" = lint ]; then
    java -XX:+UseSerialGC -cp "$jar" bench/mcp/InProcessTool.java lint "$document" "$calls" "$warmup"
  else
    demo inprocess
    java -XX:+UseSerialGC -cp "$jar" bench/mcp/InProcessTool.java workflow "$work/inprocess/$workflow.maml.md" \
      "$calls" "$warmup" "$arguments" "$work/inprocess/keys/demo-only-drone-security.pub" "$identity"
  fi
}

echo "== $(nproc) cores, $(uname -srm); $(java -version 2>&1 | head -1); node $(node --version); commit $(git rev-parse --short HEAD)"
echo "== $rounds rounds; per side $calls calls after $warmup warm-up calls; load average before: $(load)"
for tool in lint workflow; do : > "$work/rounds-$tool.txt"; done
for ((r = 1; r <= rounds; r++)); do
  for tool in lint workflow; do
    before=$(load)
    if ((r % 2)); then
      sdk=$(mcp_side "$tool" sdk); raw=$(mcp_side "$tool" raw); inproc=$(inprocess_side "$tool")
    else
      inproc=$(inprocess_side "$tool"); raw=$(mcp_side "$tool" raw); sdk=$(mcp_side "$tool" sdk)
    fi
    line="round=$r sdk_p50=$(field p50_ms "$sdk") sdk_p99=$(field p99_ms "$sdk") raw_p50=$(field p50_ms "$raw")"
    line+=" raw_p99=$(field p99_ms "$raw") inprocess_p50=$(field p50_ms "$inproc") inprocess_p99=$(field p99_ms "$inproc")"
    line+=" overhead_ms=$(awk -v a="$(field p50_ms "$sdk")" -v b="$(field p50_ms "$inproc")" 'BEGIN {printf "%.3f", a - b}')"
    line+=" ratio=$(awk -v a="$(field p50_ms "$sdk")" -v b="$(field p50_ms "$inproc")" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
    echo "$tool $line load=$before..$(load)"
    echo "$line" >> "$work/rounds-$tool.txt"
  done
done
echo "== load average after: $(load)"
echo
echo "Medians of $rounds rounds (p50 and p99 in ms; overhead = SDK p50 - in-process p50, per round; goal <= 1 ms):"
echo
echo '| tool | MCP, SDK client p50 / p99 | MCP, raw client p50 / p99 | in-process p50 / p99 | MCP overhead at p50 (SDK) | ratio SDK / in-process | goal (<= 1 ms) |'
echo '|---|---:|---:|---:|---:|---:|---|'
for tool in lint workflow; do
  m() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$work/rounds-$tool.txt" | median; }
  name=$tool; [ "$tool" = workflow ] && name=workflow_$workflow
  overhead=$(m overhead_ms)
  echo "| $name | $(m sdk_p50) / $(m sdk_p99) | $(m raw_p50) / $(m raw_p99) | $(m inprocess_p50) / $(m inprocess_p99) | $overhead ms | $(m ratio) | $(awk -v o="$overhead" 'BEGIN {print (o <= 1 ? "met" : "missed")}') |"
done
