// One LSP client for both servers, so the figures compare like with like.
// node bench/lsp/client.mjs --schema FILE --iterations N [--warmup W] [--rounds R] [--sync incremental|full]
//      [--idle-ms MS] --maml "CMD…" --yaml "CMD…" [--floor "CMD…"] [--yaml-debounce-ms 200] [--out FILE]
//      [--slowest N]
// Measures, per server: didChange -> publishDiagnostics latency on 100 KB and 1 MB documents
// (p50/p95), completion latency (p95), and the server's RSS with 100 open documents.
// With both servers, R rounds alternate the order (maml first, then yaml first, ...) so both see
// the same machine load, and the summary compares them per round. yaml-language-server waits a
// fixed 200 ms before it validates (validationDelayMs in its yamlSettings.js); maml's debounce is
// set to 0. The comparison leads with yaml-language-server's figure net of that wait.
// Each edit is sent as the editor sends it to a server that advertises incremental sync (both
// do): a range edit of the changed value; --sync full sends the whole text instead.
// --floor: a server that answers every message from a constant (bench/lsp/EchoServer.java), driven
// as maml is: what the pipes and this client cost, under any server.
// --slowest N: print each server's N slowest measured edits per document, as measured-edit-number:ms.
// The edits follow the open at once (--idle-ms: after that many ms, as a user who reads before typing;
// a server may use the pause, as maml's start-up warm-up does).
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import os from 'node:os';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const iterations = Number(args.iterations ?? 200);
// Not measured: lets both runtimes (JIT, V8) warm up, as an editor session would be.
const warmup = Number(args.warmup ?? 50);
const rounds = Number(args.rounds ?? 1);
const sync = args.sync ?? 'incremental';
const idleMs = Number(args['idle-ms'] ?? 0);
const slowest = Number(args.slowest ?? 0);
const yamlDebounceMs = Number(args['yaml-debounce-ms'] ?? 200);
const schemaFile = path.resolve(args.schema);
const workDir = path.join(os.tmpdir(), `maml-lsp-bench-${process.pid}`);
mkdirSync(workDir, { recursive: true });

class Connection {
  /** `settings`: what the server gets when it asks workspace/configuration (its settings of a folder). */
  constructor(command, settings) {
    const [cmd, ...rest] = command.split(' ').filter(Boolean);
    this.settings = settings;
    this.proc = spawn(cmd, rest, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
  }
  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(body);
    }
  }
  dispatch(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) p(msg);
    } else if (msg.id !== undefined) {
      // A request from the server: configuration gets the server's own settings, everything else null.
      const result = msg.method === 'workspace/configuration'
        ? msg.params.items.map(() => this.settings) : null;
      this.write({ jsonrpc: '2.0', id: msg.id, result });
    } else {
      this.listeners = this.listeners.filter((l) => !l(msg));
    }
  }
  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }
  /** Resolves with the next notification that matches. */
  next(match) {
    return new Promise((resolve) => this.listeners.push((m) => (match(m) ? (resolve(m), true) : false)));
  }
}

// maml lints without a quiet period, also where it asks for the folder's settings (it does, per
// workspace folder, when the client says it can answer: the rootUri below is one).
const mamlSettings = { debounceMillis: 0 };

function yamlSettings() {
  return { validate: true, completion: true, hover: true, schemaStore: { enable: false }, format: { enable: false } };
}

const frontMatter = [
  'maml_version: "2.0.0"',
  'id: "urn:uuid:5c4d3e2f-1a0b-4c8d-9e7f-5a4b3c2d1e0f"',
  'type: "security_workflow"',
  'origin: "agent://drone-security"',
  'permissions:',
  '  read: ["agent://drone-sensors"]',
  '  write: ["agent://drone-security"]',
  '  execute: ["gateway://chimera-head-4"]',
  'created_at: 2025-10-24T12:40:00Z',
].join('\n');

/** The same front matter, padded to `size`: as a MAML document (body prose) or as YAML (comments). */
function documentOf(kind, size) {
  const pad = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = kind === 'maml' ? `Line ${i} of content in the body of the document.` : `# line ${i} of padding in a comment.`;
    pad.push(line);
    length += line.length + 1;
  }
  if (kind === 'maml') return `---\n${frontMatter}\n---\n## Intent\nBenchmark.\n\n## Content\n${pad.join('\n')}\n`;
  return `# yaml-language-server: $schema=${pathToFileURL(schemaFile)}\n${frontMatter}\n${pad.join('\n')}\n`;
}

/** The edit that sets the front matter's type to `value`: the new text and the LSP range change of the old value. */
function typeEdit(text, value) {
  const m = /type: "([a-z_]+)"/.exec(text);
  const from = m.index + 'type: "'.length;
  const to = from + m[1].length;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const range = { start: { line, character: from - lineStart }, end: { line, character: to - lineStart } };
  return { text: text.slice(0, from) + value + text.slice(to), change: { range, text: value } };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}

async function run(name, command, side) {
  const kind = side === 'yaml' ? 'yaml' : 'maml'; // the floor gets maml's documents and messages
  const c = new Connection(command, kind === 'maml' ? mamlSettings : yamlSettings());
  const root = pathToFileURL(workDir).toString();
  await c.request('initialize', {
    processId: process.pid, rootUri: root, capabilities: { workspace: { configuration: true } },
    initializationOptions: kind === 'maml' ? { maml: mamlSettings } : {},
  });
  c.notify('initialized', {});
  if (kind === 'yaml') c.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings() } });
  const ext = kind === 'maml' ? '.maml.md' : '.yaml';
  const results = { server: name };
  for (const [label, size] of [['100KB', 100 * 1024], ['1MB', 1024 * 1024]]) {
    const uri = pathToFileURL(path.join(workDir, `doc-${label}${ext}`)).toString();
    let text = documentOf(kind, size);
    const first = c.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: kind === 'maml' ? 'markdown' : 'yaml', version: 1, text } });
    await first;
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
    const times = [];
    for (let v = 2; v < warmup + iterations + 2; v++) {
      // Toggle the type between two values: the schema has to be checked again every time.
      const edit = typeEdit(text, v % 2 ? 'security_workflow' : 'workflow');
      text = edit.text;
      const published = c.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      const start = process.hrtime.bigint();
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [sync === 'full' ? { text } : edit.change] });
      await published;
      if (v >= warmup + 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    if (slowest > 0) {
      const worst = times.map((ms, i) => [i, ms]).sort((a, b) => b[1] - a[1]).slice(0, slowest);
      console.log(`${name} ${label} slowest edits: ${worst.map(([i, ms]) => `${i}:${ms.toFixed(2)}`).join(' ')}`);
    }
    results[`diag_${label}_p50_ms`] = percentile(times, 50).toFixed(2);
    results[`diag_${label}_p95_ms`] = percentile(times, 95).toFixed(2);
    if (label === '100KB') {
      const ctimes = [];
      for (let i = 0; i < warmup + iterations; i++) {
        const start = process.hrtime.bigint();
        // Line 3 is a front-matter key in both documents: key completion from the schema.
        await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
        if (i >= warmup) ctimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      results.completion_p95_ms = percentile(ctimes, 95).toFixed(2);
    }
  }
  const opened = [];
  for (let i = 0; i < 100; i++) {
    const uri = pathToFileURL(path.join(workDir, `many-${i}${ext}`)).toString();
    opened.push(c.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri));
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: kind === 'maml' ? 'markdown' : 'yaml', version: 1, text: documentOf(kind, 20 * 1024) } });
  }
  await Promise.all(opened);
  results.rss_100_docs_mib = rssMiB(c.proc.pid).toFixed(0);
  await c.request('shutdown', null);
  c.notify('exit', null);
  return results;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const sides = [['maml lsp', args.maml, 'maml'], ['yaml-language-server', args.yaml, 'yaml'], ['JVM floor', args.floor, 'floor']]
  .filter((s) => s[1]);
const rows = [];
const comparisons = [];
for (let r = 1; r <= rounds; r++) {
  const order = r % 2 ? sides : [...sides].reverse();
  const round = {};
  for (const [name, command, kind] of order) {
    const row = { round: r, load: os.loadavg()[0].toFixed(2), ...(await run(name, command, kind)) };
    rows.push(row);
    round[kind] = row;
  }
  if (round.maml && round.yaml) comparisons.push(compare(round.maml, round.yaml, round.floor));
}

/**
 * maml's figure over yaml-language-server's, its diagnostics latency taken net of its fixed debounce;
 * with a floor, also what maml's p95s are above the floor's (information: the ratios stay gross of it).
 */
function compare(maml, yaml, floor) {
  const net = (v) => Number(v) - yamlDebounceMs;
  return {
    round: maml.round,
    yaml_net_100KB_p95_ms: net(yaml.diag_100KB_p95_ms).toFixed(2),
    ratio_100KB_p95_net: (maml.diag_100KB_p95_ms / net(yaml.diag_100KB_p95_ms)).toFixed(3),
    yaml_net_1MB_p95_ms: net(yaml.diag_1MB_p95_ms).toFixed(2),
    ratio_1MB_p95_net: (maml.diag_1MB_p95_ms / net(yaml.diag_1MB_p95_ms)).toFixed(3),
    ratio_100KB_p95_gross: (maml.diag_100KB_p95_ms / yaml.diag_100KB_p95_ms).toFixed(3),
    ratio_completion_p95: (maml.completion_p95_ms / yaml.completion_p95_ms).toFixed(3),
    ratio_rss: (maml.rss_100_docs_mib / yaml.rss_100_docs_mib).toFixed(3),
    ...(floor ? {
      floor_completion_p95_ms: floor.completion_p95_ms,
      maml_over_floor_completion_p95_ms: (maml.completion_p95_ms - floor.completion_p95_ms).toFixed(2),
      floor_100KB_p95_ms: floor.diag_100KB_p95_ms,
      maml_over_floor_100KB_p95_ms: (maml.diag_100KB_p95_ms - floor.diag_100KB_p95_ms).toFixed(2),
    } : {}),
  };
}

console.log(`iterations=${iterations} warmup=${warmup} rounds=${rounds} sync=${sync} idle-ms=${idleMs} schema=${schemaFile}`);
console.table(rows);
if (comparisons.length) {
  console.log(`maml / yaml-language-server per round (net: yaml's p95 minus its ${yamlDebounceMs} ms debounce):`);
  console.table(comparisons);
  const keys = Object.keys(comparisons[0]).filter((k) => k !== 'round');
  console.log(`medians over ${comparisons.length} rounds:`);
  console.table([Object.fromEntries(keys.map((k) => [k, median(comparisons.map((c) => Number(c[k]))).toFixed(3)]))]);
}
// --out: a known place for the results, for scripts that collect several runs (bench/before-after.sh).
writeFileSync(args.out ?? path.join(workDir, 'results.json'), JSON.stringify(rows, null, 2));
process.exit(0);
