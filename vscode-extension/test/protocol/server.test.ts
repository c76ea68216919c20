// Drives the bundled server jar (server/maml.jar, copied by `npm run package`) over stdio with
// vscode-jsonrpc, as the extension's language client does.
import { spawn } from 'child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { pathToFileURL } from 'url';

const root = path.resolve(__dirname, '..', '..', '..');
const jar = path.join(root, 'server', 'maml.jar');
const example = path.resolve(root, '..', 'examples', 'drone_communication.maml.md');

interface Diagnostic { code?: string; message: string; range: { start: { line: number; character: number } } }
interface Action { title: string; kind?: string; edit?: { changes?: Record<string, { newText: string }[]> }; data?: unknown }

test('initialize -> didOpen -> publishDiagnostics with MAML012 on the example -> shutdown -> exit 0', async () => {
  assert.ok(fs.existsSync(jar), `${jar} is missing: run npm run package first`);
  const server = spawn(process.env.MAML_JAVA ?? 'java', ['-Xmx512m', '-jar', jar, 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(example).toString();
  const diagnostics = new Promise<Diagnostic[]>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      if (p.uri === uri && p.diagnostics.length > 0) resolve(p.diagnostics);
    });
  });
  connection.listen();
  try {
    const init = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(path.dirname(example)).toString(),
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: {},
    });
    assert.ok(init.capabilities.textDocumentSync, 'the server announces text document sync');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'maml', version: 1, text: fs.readFileSync(example, 'utf8') },
    });
    const found = (await diagnostics).filter((d) => d.code === 'MAML012');
    assert.equal(found.length, 1, `one MAML012 expected, got ${JSON.stringify(await diagnostics)}`);
    // The example's id is on line 3 (0-based 2): "urn:uuid:5c4d3e2f-1g0h-..." has letters g-z.
    assert.equal(found[0].range.start.line, 2);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0, `the server exits with 0 after shutdown + exit; stderr: ${stderr}`);
  } finally {
    connection.dispose();
    server.kill();
  }
});

test('code actions are resolved lazily and verify answers with typed fields, as the extension expects', async () => {
  assert.ok(fs.existsSync(jar), `${jar} is missing: run npm run package first`);
  const server = spawn(process.env.MAML_JAVA ?? 'java', ['-Xmx512m', '-jar', jar, 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  const uri = pathToFileURL(path.join(path.dirname(example), 'protocol-test.maml.md')).toString();
  try {
    const init = await connection.sendRequest<{ capabilities: { codeActionProvider?: { resolveProvider?: boolean } } }>(
      'initialize', {
        processId: process.pid, rootUri: null, initializationOptions: {},
        // What vscode-languageclient announces: the server may leave edits to codeAction/resolve.
        capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } } },
      });
    assert.equal(init.capabilities.codeActionProvider?.resolveProvider, true);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'maml', version: 1, text: '---  \nmaml_version: "2.0.0"\n---\n## Intent\nx\n' },
    });
    const actions = await connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Remove the trailing whitespace');
    assert.ok(fix, `no trailing-whitespace fix in ${JSON.stringify(actions)}`);
    assert.equal(fix.edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved = await connection.sendRequest<Action>('codeAction/resolve', fix);
    assert.deepEqual(resolved.edit?.changes?.[uri]?.map((e) => e.newText), ['']);

    const answer = await connection.sendRequest<Record<string, unknown>>('workspace/executeCommand',
      { command: 'maml.verifySignature', arguments: [uri] });
    assert.equal(answer.outcome, 'unsigned', JSON.stringify(answer));
    assert.equal(answer.valid, false);
    assert.equal(answer.trusted, false);
    assert.equal(typeof answer.message, 'string');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    server.kill();
  }
});
