#!/usr/bin/env node
// Copies into this folder what `vsce package` bundles from the repository: the language server
// (maml-cli/target/maml.jar, built by `mvn -B -DskipTests -pl maml-cli -am package`) and the LICENSE.
'use strict';
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const repo = path.dirname(here);
const copies = [
  [path.join(repo, 'maml-cli', 'target', 'maml.jar'), path.join(here, 'server', 'maml.jar'),
    'build it first: mvn -B -q -DskipTests -pl maml-cli -am package'],
  [path.join(repo, 'LICENSE'), path.join(here, 'LICENSE'), 'the repository LICENSE'],
];
for (const [from, to, hint] of copies) {
  if (!fs.existsSync(from)) {
    console.error(`prepackage: ${from} is missing (${hint})`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  console.log(`prepackage: ${path.relative(here, to)} (${fs.statSync(to).size} bytes)`);
}
