// Drives an MCP server with the official TypeScript SDK client and prints what it saw as JSON.
//
//   node client.mjs PLAN.json stdio COMMAND [ARG...]   the server as a child process (maml mcp)
//   node client.mjs PLAN.json http URL [NAME=VALUE...]  streamable HTTP, with extra request headers
//
// PLAN.json: {"calls": [{"tool": "lint", "arguments": {...}}, ...], "resources": ["maml://...", ...]}.
// Output (stdout): {"server": {...}, "tools": [...], "resources": [...], "templates": [...],
//                   "calls": [{"tool", "isError", "text", "structuredContent" | "error"}], "reads": [...]}.
// When connecting fails: "failure" (the message), "status" (the HTTP status the SDK's
// StreamableHTTPError carries) and, on a 401 over HTTP, "resourceMetadata": the RFC 9728 document
// the SDK's own discovery finds through the challenge's resource_metadata, as an OAuth client would.
// The client checks each structuredContent against the tool's outputSchema, as MCP clients do: a
// mismatch shows as that call's "error".
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";

const [planFile, mode, target, ...rest] = process.argv.slice(2);
if (!planFile || !["stdio", "http"].includes(mode) || !target) {
  console.error("usage: node client.mjs PLAN.json stdio COMMAND [ARG...] | node client.mjs PLAN.json http URL [NAME=VALUE...]");
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const headers = mode === "http" ? Object.fromEntries(rest.map((pair) => {
  const i = pair.indexOf("=");
  return [pair.slice(0, i), pair.slice(i + 1)];
})) : {};

function transport() {
  if (mode === "stdio") {
    return new StdioClientTransport({ command: target, args: rest, stderr: "inherit" });
  }
  return new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
}

// What an OAuth-capable client does after a 401: read resource_metadata from the challenge and
// fetch the protected resource metadata it names, with the SDK's own functions.
async function resourceMetadata() {
  const challenge = await fetch(target, { method: "POST", headers: { ...headers, "content-type": "application/json",
    accept: "application/json, text/event-stream" }, body: "{}" });
  const { resourceMetadataUrl } = extractWWWAuthenticateParams(challenge);
  await challenge.body?.cancel();
  return discoverOAuthProtectedResourceMetadata(target, { resourceMetadataUrl });
}

function message(e) {
  return e && e.message ? e.message : String(e);
}

const client = new Client({ name: "maml-interop", version: "1.0.0" });
const out = { calls: [], reads: [] };
try {
  await client.connect(transport());
  out.server = client.getServerVersion();
  out.tools = (await client.listTools()).tools;
  out.resources = (await client.listResources()).resources.map((r) => r.uri);
  out.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
  for (const call of plan.calls ?? []) {
    try {
      const r = await client.callTool({ name: call.tool, arguments: call.arguments });
      out.calls.push({
        tool: call.tool,
        isError: r.isError === true,
        text: (r.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n"),
        structuredContent: r.structuredContent ?? null,
      });
    } catch (e) {
      out.calls.push({ tool: call.tool, error: message(e) });
    }
  }
  for (const uri of plan.resources ?? []) {
    try {
      const r = await client.readResource({ uri });
      out.reads.push({ uri, mimeType: r.contents[0].mimeType, text: r.contents[0].text });
    } catch (e) {
      out.reads.push({ uri, error: message(e) });
    }
  }
} catch (e) {
  out.failure = message(e);
  if (e instanceof StreamableHTTPError) {
    out.status = e.code;
    if (e.code === 401) {
      out.resourceMetadata = await resourceMetadata().catch((m) => ({ error: message(m) }));
    }
  }
} finally {
  await client.close();
}
process.stdout.write(JSON.stringify(out) + "\n");
process.exit(out.failure ? 1 : 0);
