// Entry point: starts the language server and registers the MAML commands.
import * as path from 'path';
import * as vscode from 'vscode';
import { CodeAction, CodeActionRequest, CodeActionResolveRequest, LanguageClient } from 'vscode-languageclient/node';
import { createClient, java, readSettings, serverJar } from './client';
import { javaArgs, serverSettings } from './settings';
import { report, runArgs, runWorkflow } from './run';
import { describe, stateOf, verificationOf } from './signature';
import { SignatureStatus } from './status';
import { refusal, withWorkspaceTrust } from './trust';

/** The server's command (docs/lsp.md); the language client registers it, so ours is named differently. */
const SERVER_VERIFY = 'maml.verifySignature';
const SIGN_KIND = 'source.maml.sign';
const RECEIPT_KIND = 'source.maml.receipt';

let client: LanguageClient | undefined;
let status: SignatureStatus;
let runOutput: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  status = new SignatureStatus('maml.verify');
  runOutput = vscode.window.createOutputChannel('MAML Run');
  context.subscriptions.push(status, runOutput,
    vscode.commands.registerCommand('maml.sign', () => trusted('Sign Document') && applySourceAction(SIGN_KIND, 'sign')),
    vscode.commands.registerCommand('maml.verify', verify),
    vscode.commands.registerCommand('maml.createReceipt',
      () => trusted('Create Receipt') && applySourceAction(RECEIPT_KIND, 'create a receipt for')),
    vscode.commands.registerCommand('maml.run', () => trusted('Run Workflow') && run(context)),
    // Trusting the workspace changes what the server may use (project trust stores, the signing key).
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(context)),
    vscode.commands.registerCommand('maml.restartServer', () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!client) return;
      if (e.affectsConfiguration('maml.java') || e.affectsConfiguration('maml.server')) {
        void restart(context);
      } else if (e.affectsConfiguration('maml')) {
        void client.sendNotification('workspace/didChangeConfiguration',
          { settings: { maml: withWorkspaceTrust(serverSettings(readSettings()), vscode.workspace.isTrusted) } });
      }
    }),
    { dispose: () => void client?.stop() });
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const found = await java();
  if (!found) return;
  client = createClient(context, found.executable, readSettings(), {
    // The "Verify signature" code action runs the server command: show its answer and keep the state.
    executeCommand: async (command, args, next) => {
      const answer = await next(command, args);
      if (command === SERVER_VERIFY) showVerification(String(args[0] ?? ''), answer);
      return answer;
    },
  });
  await client?.start();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop();
  await start(context);
}

/** False, after saying why, in an untrusted workspace (Restricted Mode). */
function trusted(title: string): boolean {
  const why = refusal(title, vscode.workspace.isTrusted);
  if (why) void vscode.window.showErrorMessage(why);
  return why === undefined;
}

function activeMamlDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'maml') {
    void vscode.window.showWarningMessage('MAML: open a MAML document (*.maml.md) first.');
    return undefined;
  }
  if (!client) {
    void vscode.window.showErrorMessage('MAML: the language server is not running (see "MAML: Restart Server").');
    return undefined;
  }
  return doc;
}

/** The server answers with typed fields (docs/lsp.md); the state comes from them, never from the message. */
function showVerification(uri: string, answer: unknown): void {
  const verification = verificationOf(answer);
  const state = stateOf(verification);
  status.set(uri, state);
  const message = describe(verification);
  if (verification?.trusted) void vscode.window.showInformationMessage(message);
  else void vscode.window.showWarningMessage(message);
}

async function verify(): Promise<void> {
  const doc = activeMamlDocument();
  if (!doc || !client) return;
  const uri = doc.uri.toString();
  showVerification(uri, await client.sendRequest('workspace/executeCommand', { command: SERVER_VERIFY, arguments: [uri] }));
}

/** Asks the server for the source action of `kind` (docs/lsp.md) and applies its edit. */
async function applySourceAction(kind: string, verb: string): Promise<void> {
  const doc = activeMamlDocument();
  if (!doc || !client) return;
  const c = client;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const actions = await c.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: doc.uri.toString() },
    range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } },
    context: { diagnostics: [], only: [kind] },
  });
  const offered = (actions ?? []).find((a): a is CodeAction => 'kind' in a && a.kind === kind);
  if (!offered) {
    void vscode.window.showErrorMessage(`MAML: cannot ${verb} this document: this server build has no signing.`);
    return;
  }
  if (offered.disabled) {
    void vscode.window.showErrorMessage(`MAML: cannot ${verb} this document: ${offered.disabled.reason}`);
    return;
  }
  // The server computes the edit only when asked (codeAction/resolve): signing and receipts are costly.
  let action = offered;
  try {
    if (!action.edit && action.data !== undefined) action = await c.sendRequest(CodeActionResolveRequest.type, action);
  } catch (e) {
    void vscode.window.showErrorMessage(`MAML: cannot ${verb} this document: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (!action.edit) {
    void vscode.window.showErrorMessage(`MAML: cannot ${verb} this document: the server answered without an edit.`);
    return;
  }
  const edit = await c.protocol2CodeConverter.asWorkspaceEdit(action.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`MAML: the editor refused the edit to ${verb} the document.`);
    return;
  }
  const created = edit.entries().map(([u]) => u).find((u) => u.toString() !== doc.uri.toString());
  if (created) await vscode.window.showTextDocument(created, { preview: false });
}

async function run(context: vscode.ExtensionContext): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'maml' || doc.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('MAML: open a saved MAML document (*.maml.md) first.');
    return;
  }
  if (doc.isDirty && !(await doc.save())) return; // maml run reads the file, so it must be on disk
  const found = await java();
  if (!found) return;
  const settings = readSettings();
  const file = doc.uri.fsPath;
  const args = javaArgs(settings.jvmArgs, serverJar(context, settings),
    runArgs(file, { key: settings.signingKey || undefined, trust: settings.trust }));
  runOutput.show(true);
  runOutput.appendLine(`--- ${new Date().toISOString()}`);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `MAML: running ${path.basename(file)}` },
    () => runWorkflow(found.executable, args, path.dirname(file)));
  report(file, outcome).forEach((l) => runOutput.appendLine(l));
}
