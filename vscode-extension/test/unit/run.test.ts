// MAML: Run Workflow against a fake `java` that answers as spec section 10 says `maml run` does.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { test } from 'node:test';
import { report, runArgs, runWorkflow } from '../../src/run';

function fakeJava(script: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maml-fakerun-'));
  const exe = path.join(dir, 'java');
  fs.writeFileSync(exe, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return exe;
}

test('passes the file and the signing settings as maml run options', () => {
  assert.deepEqual(runArgs('/w/a.maml.md', { key: 'k.key', trust: ['a.pub', 'b.pub'] }),
    ['run', '/w/a.maml.md', '--key', 'k.key', '--trust', 'a.pub', '--trust', 'b.pub']);
  assert.deepEqual(runArgs('a.maml.md', {}), ['run', 'a.maml.md']);
});

test('shows the result JSON and the receipt path of a successful run', async () => {
  // Echoes its arguments into the result, so the test sees what was run.
  const java = fakeJava(`printf '{"status":"ok","args":"%s","receipt":"/w/a.run-1.mu"}' "$*"; echo 'maml run: ok' >&2`);
  const o = await runWorkflow(java, ['-jar', 'maml.jar', 'run', '/w/a.maml.md'], os.tmpdir());
  assert.equal(o.exitCode, 0);
  assert.equal(o.result?.status, 'ok');
  assert.equal(o.result?.args, '-jar maml.jar run /w/a.maml.md');
  assert.equal(o.receipt, '/w/a.run-1.mu');
  const lines = report('/w/a.maml.md', o);
  assert.equal(lines[1], 'exit code 0: ok');
  assert.ok(lines.includes('maml run: ok'));
  assert.equal(lines[lines.length - 1], 'receipt: /w/a.run-1.mu');
});

test('reports a refused run (exit 3) with its message and no receipt', async () => {
  const java = fakeJava(`echo 'maml run: permission denied: agent://local is not in permissions.execute' >&2; exit 3`);
  const o = await runWorkflow(java, ['run', 'x'], os.tmpdir());
  assert.equal(o.exitCode, 3);
  assert.equal(o.result, undefined);
  const lines = report('x', o);
  assert.equal(lines[1], 'exit code 3: refused (permission, signature or sandbox)');
  assert.match(lines[2], /permission denied/);
  assert.equal(lines[lines.length - 1], 'receipt: none written');
});

test('a failed workflow (exit 1) still shows the JSON gathered so far', async () => {
  const java = fakeJava(`echo '{"status":"failed","step":"qkd","qkd":{"qber":0.31}}'; exit 1`);
  const o = await runWorkflow(java, [], os.tmpdir());
  assert.equal(o.result?.step, 'qkd');
  assert.match(report('x', o).join('\n'), /"qber": 0.31/);
});

test('says when java cannot be started', async () => {
  const o = await runWorkflow('/nonexistent/java', [], os.tmpdir());
  assert.match(report('x', o)[1], /could not start java: spawn \/nonexistent\/java ENOENT/);
});
