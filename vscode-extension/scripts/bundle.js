#!/usr/bin/env node
// Bundles the extension (src/extension.ts and everything it imports, vscode-languageclient included)
// into one file, dist/extension.js: the .vsix ships that file instead of node_modules/ and out/
// (VS Code loads one file instead of hundreds). `vscode` stays external: VS Code provides it.
// Type checking is `npm run compile` (tsc), which the unit and protocol tests run from.
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const here = path.resolve(__dirname, '..');
esbuild.build({
  absWorkingDir: here,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // engines.vscode ^1.82.0 runs extensions on Node 18.
  target: 'node18',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
}).then(() => {
  const out = path.join(here, 'dist', 'extension.js');
  console.log(`bundle: ${path.relative(here, out)} (${require('fs').statSync(out).size} bytes)`);
}, () => process.exit(1));
