// Tool-call latency over stdio, as an MCP client sees it: the official TypeScript SDK client
// (interop/mcp-client, pinned) calls one tool CALLS times and reports p50/p99 of the round trip
// (request written -> result parsed and checked against the outputSchema). The tool is `lint` with
// the document's text as argument, or, with --tool, any tool with --arguments (JSON).
//   node bench/mcp/latency.mjs --calls 1000 --warmup 200 --document FILE -- COMMAND [ARG...]
//   node bench/mcp/latency.mjs --calls 1000 --warmup 200 --tool workflow_x --arguments '{...}' -- COMMAND [ARG...]
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
const tool = options.tool ?? "lint";
const document = tool === "lint" ? readFileSync(options.document, "utf8") : null;
const toolArguments = tool === "lint" ? { document } : JSON.parse(options.arguments ?? "{}");

const client = new Client({ name: "maml-bench", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command, args, stderr: "inherit" }));
const { tools } = await client.listTools(); // caches the output schemas, as a client does before calling
if (!tools.some((t) => t.name === tool)) throw new Error(`no tool ${tool}; listed: ${tools.map((t) => t.name)}`);
const call = async () => {
  const r = await client.callTool({ name: tool, arguments: toolArguments });
  if (r.isError) throw new Error(`${tool} failed: ` + JSON.stringify(r.content));
};
for (let i = 0; i < warmup; i++) await call();
const millis = [];
for (let i = 0; i < calls; i++) {
  const start = process.hrtime.bigint();
  await call();
  millis.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await client.close();
millis.sort((a, b) => a - b);
const pct = (p) => millis[Math.min(millis.length - 1, Math.floor((p / 100) * millis.length))];
const input = document === null ? { arguments: toolArguments }
  : { document: options.document, bytes: Buffer.byteLength(document) };
console.log(JSON.stringify({ tool, transport: "stdio", calls, warmup, ...input, p50_ms: +pct(50).toFixed(3),
  p99_ms: +pct(99).toFixed(3), max_ms: +millis[millis.length - 1].toFixed(3) }));
