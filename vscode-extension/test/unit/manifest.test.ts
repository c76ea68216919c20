// The manifest claims MAML files before the built-in Markdown does: VS Code picks, among languages
// whose patterns match, the longest extension/filename pattern, so "*.maml.md" beats Markdown's ".md".
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('maml owns *.maml.md and *.maml.markdown by compound extension and filename pattern', () => {
  const maml = manifest.contributes.languages.find((l: { id: string }) => l.id === 'maml');
  assert.deepEqual(maml.extensions, ['.maml.md', '.maml.markdown']);
  assert.deepEqual(maml.filenamePatterns, ['*.maml.md', '*.maml.markdown']);
});

test('@types/vscode is not newer than engines.vscode', () => {
  const engine = manifest.engines.vscode.replace(/^\^/, '');
  const types = manifest.devDependencies['@types/vscode'];
  const num = (v: string) => v.split('.').map(Number).reduce((a, b) => a * 1000 + b, 0);
  assert.ok(num(types) <= num(engine), `@types/vscode ${types} > engines.vscode ${engine}`);
});

test('every command is contributed and titled "MAML: ..."', () => {
  const ids = manifest.contributes.commands.map((c: { command: string; category: string }) => `${c.category}:${c.command}`);
  assert.deepEqual(ids.sort(), ['MAML:maml.createReceipt', 'MAML:maml.restartServer', 'MAML:maml.run', 'MAML:maml.sign', 'MAML:maml.verify']);
});
