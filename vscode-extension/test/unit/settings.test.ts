import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { test } from 'node:test';
import {
  configurationAnswer, DEFAULT_JVM_ARGS, javaArgs, SERVER_JVM_FLAGS, serverJavaArgs, serverSettings, splitArgs,
} from '../../src/settings';
import { runArgs } from '../../src/run';

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

/**
 * The JVM flags `bin/maml lsp` passes, as it passes them: a copy of the script in a release-archive
 * layout (lib/maml.jar, so nothing is built) runs against a fake `java` that prints its arguments.
 */
function binMamlJvmFlags(command: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maml-binmaml-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.mkdirSync(path.join(dir, 'fake'));
  fs.copyFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'bin', 'maml'), path.join(dir, 'bin', 'maml'));
  fs.writeFileSync(path.join(dir, 'lib', 'maml.jar'), '');
  fs.writeFileSync(path.join(dir, 'fake', 'java'), '#!/bin/sh\nprintf \'%s\\n\' "$@"\n', { mode: 0o755 });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(dir, 'fake')}:${process.env.PATH}` };
  delete env.MAML_JAVA_OPTS; // it replaces the script's own flags
  try {
    const args = execFileSync('bash', [path.join(dir, 'bin', 'maml'), command], { env, encoding: 'utf8' })
      .split('\n').filter((l) => l !== '');
    assert.ok(args.includes('-jar'), `bin/maml ran java ${args.join(' ')}`);
    return args.slice(0, args.indexOf('-jar'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the server gets the JVM flags bin/maml lsp uses, before the user\'s', { skip: process.platform === 'win32' }, () => {
  assert.deepEqual(SERVER_JVM_FLAGS, binMamlJvmFlags('lsp'));
  assert.deepEqual(serverJavaArgs(undefined, '/x/maml.jar'),
    [...SERVER_JVM_FLAGS, '-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-jar', '/x/maml.jar', 'lsp']);
  assert.deepEqual(serverJavaArgs('-Xmn64m', 'm.jar'), [...SERVER_JVM_FLAGS, '-Xmn64m', '-jar', 'm.jar', 'lsp']);
});

test('a collector the user picks replaces the serial one and its young generation size', () => {
  assert.deepEqual(serverJavaArgs('-XX:+UseG1GC -Xmx1g', 'm.jar'),
    ['-XX:TieredStopAtLevel=1', '-XX:ReservedCodeCacheSize=32m', '-XX:CompileThresholdScaling=0.1',
      '-XX:+UseG1GC', '-Xmx1g', '-jar', 'm.jar', 'lsp']);
});

test('Run Workflow gets the user\'s JVM arguments only, not the server\'s flags', () => {
  const run = javaArgs(undefined, 'm.jar', runArgs('/w/a.maml.md', {}));
  assert.deepEqual(run, ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-jar', 'm.jar', 'run', '/w/a.maml.md']);
  assert.ok(SERVER_JVM_FLAGS.every((f) => !run.includes(f)));
});
