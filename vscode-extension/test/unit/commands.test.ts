// Workspace Trust, end to end inside the extension: its real activate() registers the commands
// (with a stand-in `vscode`, test/unit/fake-vscode.ts), and in an untrusted workspace the commands
// that sign with the user's key or run the document refuse before touching the document, the
// server or Java; verifying stays available. The same handlers go past the refusal once trusted.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { installFakeVscode } from './fake-vscode';

const vscode = installFakeVscode();
// After the stand-in is installed: the extension and vscode-languageclient require `vscode` when loaded.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const extension = require('../../src/extension') as typeof import('../../src/extension');

let saved = 0;
const document = {
  languageId: 'maml', isDirty: true, lineCount: 1,
  uri: { scheme: 'file', fsPath: '/w/a.maml.md', toString: () => 'file:///w/a.maml.md' },
  save: () => { saved++; return Promise.resolve(true); },
  lineAt: () => ({ range: { end: { line: 0, character: 0 } } }),
};

const activated = (async () => {
  // No server: a jar that does not exist, so activation starts nothing (it says so; cleared below).
  vscode.settings = { 'java.home': '/nonexistent-java-home', 'server.jar': '/nonexistent/maml.jar' };
  await extension.activate({ subscriptions: [], extensionPath: '/nonexistent' } as never);
})();

async function invoke(command: string): Promise<string[]> {
  await activated;
  vscode.shown.length = 0;
  const handler = vscode.commands.get(command);
  assert.ok(handler, `${command} is registered`);
  await handler();
  return [...vscode.shown];
}

test('in an untrusted workspace Sign Document, Create Receipt and Run Workflow are refused and do nothing', async () => {
  vscode.trusted = false;
  vscode.activeTextEditor = { document };
  for (const [command, title] of [['maml.sign', 'Sign Document'], ['maml.createReceipt', 'Create Receipt'],
    ['maml.run', 'Run Workflow']]) {
    const shown = await invoke(command);
    assert.equal(shown.length, 1, `${command}: ${shown.join(' | ')}`);
    assert.match(shown[0], new RegExp(`^error: MAML: ${title} is off in Restricted Mode: this workspace is not trusted`));
  }
  assert.equal(saved, 0, 'Run Workflow did not save the document (it saves before running)');
});

test('verifying is not refused in an untrusted workspace, and trusted, the same commands go past the refusal', async () => {
  vscode.trusted = false;
  vscode.activeTextEditor = { document };
  assert.deepEqual(await invoke('maml.verify'),
    ['error: MAML: the language server is not running (see "MAML: Restart Server").']);
  vscode.trusted = true;
  assert.deepEqual(await invoke('maml.sign'),
    ['error: MAML: the language server is not running (see "MAML: Restart Server").']);
  vscode.activeTextEditor = undefined;
  assert.deepEqual(await invoke('maml.run'), ['warning: MAML: open a saved MAML document (*.maml.md) first.']);
});
