// Tool-call latency of `lint` over stdio, as an MCP client sees it: the official TypeScript SDK client
// (interop/mcp-client, pinned) calls the tool CALLS times with the same document and reports p50/p99
// of the round trip (request written -> result parsed and checked against the outputSchema).
//   node bench/mcp/latency.mjs --calls 1000 --warmup 200 --document FILE -- COMMAND [ARG...]
import { readFileSync } from "node:fs";
import { Client } from "../../interop/mcp-client/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js";
import { StdioClientTransport } from "../../interop/mcp-client/node_modules/@modelcontextprotocol/sdk/dist/esm/client/stdio.js";

const argv = process.argv.slice(2);
const split = argv.indexOf("--");
const options = Object.fromEntries(argv.slice(0, split).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const [command, ...args] = argv.slice(split + 1);
const calls = Number(options.calls ?? 1000);
// Not measured: the JIT of the server and V8 warm up, as in a long agent session.
const warmup = Number(options.warmup ?? 200);
const document = readFileSync(options.document, "utf8");

const client = new Client({ name: "maml-bench", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command, args, stderr: "inherit" }));
await client.listTools(); // caches the output schemas, as a client does before calling
const lint = () => client.callTool({ name: "lint", arguments: { document } });
for (let i = 0; i < warmup; i++) await lint();
const millis = [];
for (let i = 0; i < calls; i++) {
  const start = process.hrtime.bigint();
  const r = await lint();
  millis.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (r.isError) throw new Error("lint failed: " + JSON.stringify(r.content));
}
await client.close();
millis.sort((a, b) => a - b);
const pct = (p) => millis[Math.min(millis.length - 1, Math.floor((p / 100) * millis.length))];
console.log(JSON.stringify({ tool: "lint", transport: "stdio", calls, warmup, document: options.document,
  bytes: Buffer.byteLength(document), p50_ms: +pct(50).toFixed(3), p99_ms: +pct(99).toFixed(3),
  max_ms: +millis[millis.length - 1].toFixed(3) }));
