#!/usr/bin/env node
// Copies the language server (maml-cli/target/maml.jar, built by `mvn -B -DskipTests -pl maml-cli -am package`)
// into server/ so that `vsce package` bundles it in the .vsix.
'use strict';
const fs = require('fs');
const path = require('path');

const jar = path.resolve(__dirname, '..', '..', 'maml-cli', 'target', 'maml.jar');
const dest = path.resolve(__dirname, '..', 'server', 'maml.jar');
if (!fs.existsSync(jar)) {
  console.error(`bundle-jar: ${jar} is missing; build it first: mvn -B -q -DskipTests -pl maml-cli -am package`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(jar, dest);
console.log(`bundle-jar: ${path.relative(process.cwd(), dest)} (${fs.statSync(dest).size} bytes)`);
