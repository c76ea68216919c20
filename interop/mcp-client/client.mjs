// Drives an MCP server with the official TypeScript SDK client and prints what it saw as JSON.
//
//   node client.mjs PLAN.json stdio COMMAND [ARG...]   the server as a child process (maml mcp)
//   node client.mjs PLAN.json http URL [NAME=VALUE...]  streamable HTTP, with extra request headers
//   node client.mjs PLAN.json oauth URL CLIENT_ID CLIENT_SECRET ISSUER
//        streamable HTTP with no token at first: the SDK's own OAuth flow (its authProvider, a
//        ClientCredentialsProvider bound to ISSUER) gets one after the server's 401
//
// PLAN.json: {"calls": [{"tool": "lint", "arguments": {...}}, ...], "resources": ["maml://...", ...]}.
// Output (stdout): {"server": {...}, "tools": [...], "resources": [...], "templates": [...],
//                   "calls": [{"tool", "isError", "text", "structuredContent" | "error"}], "reads": [...]}.
// When connecting fails: "failure" (the message), "status" (the HTTP status the SDK's
// StreamableHTTPError carries) and, on a 401 over HTTP, "resourceMetadata": the RFC 9728 document
// the SDK's own discovery finds through the challenge's resource_metadata, as an OAuth client would.
// In oauth mode the output also has "trace": every HTTP request the SDK made, in order, as
// {"method", "url", "status"}, with "resource" (the RFC 8707 resource indicator it sent) for token
// requests, and "authorization" (true when it carried a bearer token) for requests to URL.
// The client checks each structuredContent against the tool's outputSchema, as MCP clients do: a
// mismatch shows as that call's "error".
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { ClientCredentialsProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";

const [planFile, mode, target, ...rest] = process.argv.slice(2);
if (!planFile || !["stdio", "http", "oauth"].includes(mode) || !target || (mode === "oauth" && rest.length !== 3)) {
  console.error("usage: node client.mjs PLAN.json stdio COMMAND [ARG...] | node client.mjs PLAN.json http URL [NAME=VALUE...]"
    + " | node client.mjs PLAN.json oauth URL CLIENT_ID CLIENT_SECRET ISSUER");
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const headers = mode === "http" ? Object.fromEntries(rest.map((pair) => {
  const i = pair.indexOf("=");
  return [pair.slice(0, i), pair.slice(i + 1)];
})) : {};

const out = { calls: [], reads: [] };

// Records each request the SDK makes (oauth mode), so a test can see the flow, not just its outcome.
async function tracingFetch(input, init) {
  const request = new Request(input, init);
  const entry = { method: request.method, url: request.url };
  if (request.url === target) {
    entry.authorization = /^Bearer /i.test(request.headers.get("authorization") ?? "");
  }
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    entry.resource = new URLSearchParams(await request.clone().text()).get("resource");
  }
  out.trace.push(entry);
  const response = await fetch(request);
  entry.status = response.status;
  return response;
}

function transport() {
  if (mode === "stdio") {
    return new StdioClientTransport({ command: target, args: rest, stderr: "inherit" });
  }
  if (mode === "oauth") {
    const [clientId, clientSecret, expectedIssuer] = rest;
    out.trace = [];
    const authProvider = new ClientCredentialsProvider({ clientId, clientSecret, expectedIssuer });
    return new StreamableHTTPClientTransport(new URL(target), { authProvider, fetch: tracingFetch });
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
