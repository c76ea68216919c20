// Workspace Trust: what an untrusted folder gets (diagnostics) and what it does not (signing,
// receipts, runs, its own trust stores, its values of settings that name programs, keys or files).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { refusal, withWorkspaceTrust } from '../../src/trust';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('an untrusted workspace turns project trust stores off and never hands the server the signing key', () => {
  const settings = { key: '/home/me/me.key', publicKey: '/home/me/me.pub', trust: ['/home/me/team.pub'], config: 'x.yaml' };
  assert.deepEqual(withWorkspaceTrust(settings, true), settings);
  assert.deepEqual(withWorkspaceTrust(settings, false),
    { trust: ['/home/me/team.pub'], config: 'x.yaml', projectTrustStores: false });
  assert.deepEqual(withWorkspaceTrust({}, false), { projectTrustStores: false });
});

test('signing, receipts and runs are refused with a reason in an untrusted workspace only', () => {
  assert.equal(refusal('Run Workflow', true), undefined);
  assert.match(refusal('Run Workflow', false) ?? '', /^MAML: Run Workflow is off in Restricted Mode/);
});

test('the manifest declares limited support and hides the privileged commands when untrusted', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const settings = manifest.contributes.configuration.properties;
  // Every setting that names a program, JVM options, a key or a file must not come from the workspace.
  const dangerous = Object.keys(settings).filter((k) => /java|server\.(jar|jvmArgs)|signing|lint\.config/.test(k));
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), dangerous.sort());
  const palette = manifest.contributes.menus.commandPalette;
  for (const command of ['maml.sign', 'maml.createReceipt', 'maml.run']) {
    const entry = palette.find((m: { command: string }) => m.command === command);
    assert.match(entry.when, /isWorkspaceTrusted/, command);
  }
  assert.doesNotMatch(palette.find((m: { command: string }) => m.command === 'maml.verify').when, /isWorkspaceTrusted/,
    'verifying stays available: it only reads');
});
