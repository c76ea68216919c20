import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { configurationAnswer, DEFAULT_JVM_ARGS, javaArgs, serverSettings, splitArgs } from '../../src/settings';

test('passes only the settings the user set, under the names docs/lsp.md gives', () => {
  assert.deepEqual(serverSettings({ lintConfig: '', severities: {}, trust: [], signingKey: '  ' }), {});
  assert.deepEqual(serverSettings({
    lintConfig: 'lint.yaml', severities: { MAML034: 'off' }, signingKey: 'me.key', publicKey: 'me.pub',
    trust: ['a.pub', '', 'b.pub'], docsUrl: 'https://docs.example/maml', debounceMillis: 0,
  }), {
    config: 'lint.yaml', severities: { MAML034: 'off' }, key: 'me.key', publicKey: 'me.pub',
    trust: ['a.pub', 'b.pub'], docsUrl: 'https://docs.example/maml', debounceMillis: 0,
  });
});

test('splits JVM arguments like a shell would, without running one', () => {
  assert.deepEqual(splitArgs(DEFAULT_JVM_ARGS), ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError']);
  assert.deepEqual(splitArgs('  -Dname="a b"  -Xss1m '), ['-Dname=a b', '-Xss1m']);
  assert.deepEqual(splitArgs("'-Dx=1 2'"), ['-Dx=1 2']);
  assert.deepEqual(splitArgs(''), []);
});

test('builds java [jvm args] -jar JAR ARGS with the default JVM arguments', () => {
  assert.deepEqual(javaArgs(undefined, '/x/maml.jar', ['lsp']), ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-jar', '/x/maml.jar', 'lsp']);
  assert.deepEqual(javaArgs('', 'm.jar', ['lsp']), ['-jar', 'm.jar', 'lsp']);
});

test('answers workspace/configuration per folder in the server vocabulary, under Workspace Trust', () => {
  const perFolder: Record<string, { lintConfig?: string; signingKey?: string }> = {
    'file:///w/a': { lintConfig: 'lint/a.yaml', signingKey: 'me.key' },
    'file:///w/b': { lintConfig: 'lint/b.yaml' },
  };
  const items = [{ section: 'maml', scopeUri: 'file:///w/a' }, { section: 'maml', scopeUri: 'file:///w/b' },
    { section: 'other', scopeUri: 'file:///w/a' }];
  const read = (scope: string | undefined) => perFolder[scope ?? ''] ?? {};
  assert.deepEqual(configurationAnswer(items, read, true),
    [{ config: 'lint/a.yaml', key: 'me.key' }, { config: 'lint/b.yaml' }, null]);
  assert.deepEqual(configurationAnswer(items, read, false),
    [{ config: 'lint/a.yaml', projectTrustStores: false }, { config: 'lint/b.yaml', projectTrustStores: false }, null]);
});
