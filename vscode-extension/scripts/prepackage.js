#!/usr/bin/env node
// Copies into this folder what `vsce package` bundles from the repository: the language server
// (maml-cli/target/maml.jar, built by `mvn -B -DskipTests -pl maml-cli -am package`), the LICENSE and
// the lint config's JSON Schema.
'use strict';
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const repo = path.dirname(here);
const copies = [
  [path.join(repo, 'maml-cli', 'target', 'maml.jar'), path.join(here, 'server', 'maml.jar'),
    'build it first: mvn -B -q -DskipTests -pl maml-cli -am package'],
  [path.join(repo, 'LICENSE'), path.join(here, 'LICENSE'), 'the repository LICENSE'],
  // Each JSON Schema the manifest contributes (contributes.yamlValidation, ./schemas/NAME) is docs/schema/NAME.
  ...require(path.join(here, 'package.json')).contributes.yamlValidation.map(({ url }) => {
    const name = path.basename(url);
    return [path.join(repo, 'docs', 'schema', name), path.join(here, 'schemas', name), 'docs/schema/' + name];
  }),
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
