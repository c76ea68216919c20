#!/usr/bin/env node
// End-to-end test in real VS Code: code-server (local install in this folder) with the packaged
// .vsix installed, the seed example opened in headless Debian Chromium driven by playwright-core;
// passes when the Problems panel shows the example's MAML012 and the language mode is MAML.
// code-server runs in its own process group, which is killed on every exit path.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const here = __dirname;
const extensionDir = path.dirname(here);
const repo = path.dirname(extensionDir);
const version = require(path.join(extensionDir, 'package.json')).version;
const vsix = path.join(extensionDir, `maml-${version}.vsix`);
const codeServer = path.join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const results = path.join(here, 'results');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitForHttp(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => http.get(url, (r) => { r.resume(); resolve(r.statusCode === 200); }).on('error', () => resolve(false)));
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000}s`);
}

/** The text of the notifications the window shows or keeps in its notification centre. */
async function notifications(page) {
  try {
    return await page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message')]
      .map((e) => e.textContent).join(' | ') || 'none');
  } catch (e) {
    return `unreadable (${e.message})`;
  }
}

/** Runs a command from the palette (F1), as a user does. */
async function command(page, title) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 30000 });
  await page.keyboard.type(title);
  // Enter runs the focused row: wait until the filter has moved the focus onto this command, or a
  // fast Enter runs whichever row was focused a moment earlier (a CI run once lost Sign Document so).
  await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${title}"]`, { timeout: 30000 });
  await page.keyboard.press('Enter');
}

async function main() {
  for (const f of [vsix, codeServer, '/usr/bin/chromium']) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing (npm run package / scripts/install-e2e.sh / apt-get install chromium)`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'maml-e2e-'));
  const dirs = { userData: path.join(tmp, 'user-data'), extensions: path.join(tmp, 'extensions'), workspace: path.join(tmp, 'workspace'), chrome: path.join(tmp, 'chromium') };
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  const doc = path.join(dirs.workspace, 'drone_communication.maml.md');
  fs.copyFileSync(path.join(repo, 'examples', 'drone_communication.maml.md'), doc);
  // The runnable demo (signed by the demo key, whose public half is committed) for Run Workflow: its
  // committed files only, so what an earlier `bin/maml run` wrote next to it (receipts, the sealed
  // dataset, a keyring) cannot change what this test sees.
  const demo = path.join(dirs.workspace, 'demo');
  const tracked = execFileSync('git', ['-C', repo, 'ls-files', '-z', '--', 'examples/demo'], { encoding: 'utf8' })
    .split('\0').filter(Boolean);
  if (tracked.length === 0) throw new Error('git ls-files found no examples/demo files: run the e2e test from a git checkout');
  for (const file of tracked) {
    const target = path.join(demo, path.relative(path.join('examples', 'demo'), file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(repo, file), target);
  }
  // The language server and maml run read the user's MAML configuration (trusted keys, allowed
  // stores): a throwaway one, never the real user's.
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg-config');
  // A key pair made by the bundled server jar, configured for Sign Document / Verify / Create Receipt.
  const keys = path.join(tmp, 'me');
  execFileSync('java', ['-jar', path.join(extensionDir, 'server', 'maml.jar'), 'keygen', '--out', keys], { stdio: 'ignore' });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'maml.signing.key': `${keys}.key`, 'maml.signing.publicKey': `${keys}.pub`, 'maml.signing.trust': [`${keys}.pub`, path.join(demo, 'keys', 'demo-only-drone-security.pub')],
  }));
  // --config: a throwaway one, or code-server would write ~/.config/code-server/config.yaml.
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  execFileSync(process.execPath, [codeServer, ...common, '--install-extension', vsix], { stdio: 'inherit' });
  // What runs below is the esbuild bundle (docs/vscode-extension.md): one main file, no node_modules.
  const installed = fs.readdirSync(dirs.extensions).find((d) => d.startsWith('maml-dev.maml-'));
  const installedDir = path.join(dirs.extensions, installed ?? 'missing');
  const main = installed && JSON.parse(fs.readFileSync(path.join(installedDir, 'package.json'), 'utf8')).main;
  if (main !== './dist/extension.js' || !fs.existsSync(path.join(installedDir, 'dist', 'extension.js'))
    || fs.existsSync(path.join(installedDir, 'node_modules')) || fs.existsSync(path.join(installedDir, 'out'))) {
    throw new Error(`the installed extension is not the bundle: ${installed}, main ${main}`);
  }

  const port = await freePort();
  const log = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  const server = spawn(process.execPath, [codeServer, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', dirs.workspace],
  { detached: true, stdio: ['ignore', log, log] });
  const stopServer = () => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.on('exit', stopServer);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(130); });
  let context;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000);
    context = await chromium.launchPersistentContext(dirs.chrome, {
      executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 850 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    await page.waitForSelector('.explorer-folders-view', { timeout: 60000 });
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 30000 });
    await page.keyboard.type('drone_communication.maml.md');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    // The language mode in the status bar: MAML, not Markdown.
    const mode = page.locator('#status\\.editor\\.mode');
    await mode.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.querySelector('#status\\.editor\\.mode')?.textContent?.includes('MAML'), null, { timeout: 30000 });
    const modeText = (await mode.innerText()).trim();
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => /MAML012/.test(document.querySelector('.markers-panel')?.textContent ?? ''), null, { timeout: 120000 });
    const text = await problems.innerText();
    fs.mkdirSync(results, { recursive: true });
    await page.screenshot({ path: path.join(results, 'vscode-extension.png') });
    const line = text.split('\n').find((l) => l.includes('MAML012'));
    // MAML: Verify Signature from the command palette: the example is not signed, and the
    // status-bar item says so (it said "not verified" before).
    const status = page.locator('.statusbar-item', { hasText: 'MAML:' }).first();
    if (!/not verified/.test(await status.innerText())) throw new Error(`status bar before verify: ${await status.innerText()}`);
    const statusSays = (re) => page.waitForFunction((src) => [...document.querySelectorAll('.statusbar-item')]
      .some((e) => new RegExp(src).test(e.textContent ?? '')), re.source, { timeout: 60000 });
    await command(page, 'MAML: Verify Signature');
    await statusSays(/MAML: (unsigned|signature malformed)/);
    const verified = (await status.innerText()).trim();
    // MAML: Sign Document edits the buffer (signed with the configured key); verifying again: signed, trusted.
    const signatureShown = () => page.waitForFunction(() => /signature:/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''), null, { timeout: 30000 });
    await command(page, 'MAML: Sign Document');
    try {
      await signatureShown();
    } catch {
      // One CI run got neither an edit nor a message after a Sign Document whose palette row had the
      // focus, and three reruns of the same build passed: say what the window showed, then ask once
      // more. A Sign Document that fails twice fails the test.
      console.log(`e2e: Sign Document gave no edit within 30 s (notifications: ${await notifications(page)}); running it again`);
      await command(page, 'MAML: Sign Document');
      await signatureShown();
    }
    await command(page, 'MAML: Verify Signature');
    await statusSays(/MAML: signed$/);
    // MAML: Create Receipt opens the new .mu file the server drafted.
    await command(page, 'MAML: Create Receipt');
    await page.waitForSelector('.tabs-container .tab[aria-label*=".mu"]', { timeout: 60000 });
    console.log('e2e: Sign Document -> Verify Signature says "MAML: signed"; Create Receipt opened a .mu tab');
    // MAML: Run Workflow on the demo: maml run writes its receipt next to the document and the
    // "MAML Run" output channel ends with its path.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 30000 });
    await page.keyboard.type('demo/drone_communication.maml.md');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="demo"]', { timeout: 30000 });
    await page.keyboard.press('Enter');
    // The demo's permissions name agent://local (the seed example's do not).
    await page.waitForFunction(() => /agent:\/\/local/.test(document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent ?? ''), null, { timeout: 30000 });
    await command(page, 'MAML: Run Workflow');
    const receipt = path.join(demo, 'drone_communication.mu');
    // (Monaco renders the spaces of the output as no-break spaces; \s matches both.)
    await page.waitForFunction(() => /receipt:\s+\S+drone_communication\.mu/.test(document.querySelector('.panel .output-view, .panel')?.textContent ?? ''), null, { timeout: 120000 });
    if (!fs.existsSync(receipt)) throw new Error(`Run Workflow reported a receipt but ${receipt} does not exist`);
    const runText = await page.locator('.panel').first().innerText();
    console.log(`e2e: Run Workflow: ${runText.split('\n').find((l) => l.startsWith('receipt:'))?.replace(/\s+/g, ' ')} (file exists)`);
    console.log(`e2e: language mode ${modeText}; Problems panel: ${line?.trim()}; after MAML: Verify Signature the status bar says "${verified}"`);
    console.log(`e2e: screenshot ${path.join(results, 'vscode-extension.png')}`);
  } catch (e) {
    fs.mkdirSync(results, { recursive: true });
    try { await context?.pages()[0]?.screenshot({ path: path.join(results, 'failure.png') }); } catch { /* no page */ }
    const shown = context?.pages()[0] ? await notifications(context.pages()[0]) : 'no page';
    console.error(`e2e: FAILED: ${e.message}\nnotifications: ${shown}\ncode-server log: ${fs.readFileSync(path.join(tmp, 'code-server.log'), 'utf8').slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    await context?.close().catch(() => {});
    stopServer();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(`e2e: FAILED: ${e.message}`); process.exitCode = 1; });
