import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { test } from 'node:test';
import { candidates, findJava, noJavaMessage, parseJavaVersion } from '../../src/java';

test('parses the version banners of old and new Java releases', () => {
  assert.deepEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime'), { major: 17, version: '17.0.15' });
  assert.deepEqual(parseJavaVersion('java version "1.8.0_392"'), { major: 8, version: '1.8.0_392' });
  assert.deepEqual(parseJavaVersion('openjdk version "21" 2023-09-19'), { major: 21, version: '21' });
  assert.deepEqual(parseJavaVersion('openjdk version "22-ea" 2024-03-19'), { major: 22, version: '22-ea' });
  assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
});

test('tries the setting, then JAVA_HOME, then PATH', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maml-java-'));
  const list = candidates(dir, { JAVA_HOME: '/opt/jdk' });
  assert.deepEqual(list.map((c) => c.source), ['setting maml.java.home', 'JAVA_HOME', 'PATH']);
  assert.equal(list[0].executable, path.join(dir, 'bin', 'java'), 'a folder setting means its bin/java');
  assert.deepEqual(candidates('', {}).map((c) => c.source), ['PATH']);
});

/** A fake `java` printing the given banner on stderr, like the real one. */
function fakeJava(banner: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maml-fakejava-'));
  const exe = path.join(dir, 'java');
  fs.writeFileSync(exe, `#!/bin/sh\necho '${banner}' >&2\n`, { mode: 0o755 });
  return exe;
}

test('rejects Java 8 and missing executables, takes the first Java 17+', async () => {
  const old = fakeJava('java version "1.8.0_392"');
  const good = fakeJava('openjdk version "17.0.2" 2022-01-18');
  const r = await findJava([
    { executable: '/nonexistent/bin/java', source: 'setting maml.java.home' },
    { executable: old, source: 'JAVA_HOME' },
    { executable: good, source: 'PATH' },
  ]);
  assert.equal(r.found?.executable, good);
  assert.equal(r.found?.major, 17);
  assert.deepEqual(r.rejected.map((x) => x.reason), [
    '/nonexistent/bin/java does not exist',
    `${old} is Java 1.8.0_392; Java 17 or later is needed`,
  ]);
});

test('says what was tried and what to do when there is no Java 17', async () => {
  const r = await findJava([{ executable: fakeJava('java version "11.0.1"'), source: 'PATH' }]);
  assert.equal(r.found, undefined);
  const message = noJavaMessage(r.rejected);
  assert.match(message, /PATH: .* is Java 11.0.1; Java 17 or later is needed/);
  assert.match(message, /set "maml.java.home"/);
  assert.match(message, /MAML: Restart Server/);
});
