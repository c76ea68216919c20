// Starts `java -jar maml.jar lsp` as a language client for the `maml` language.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { candidates, findJava, JavaFound, noJavaMessage } from './java';
import { configurationAnswer, MamlSettings, serverJavaArgs, serverSettings } from './settings';
import { withWorkspaceTrust } from './trust';

/** The `maml.*` settings, as they apply to `scope` (a workspace folder or file) when given. */
export function readSettings(scope?: vscode.Uri): MamlSettings {
  const c = vscode.workspace.getConfiguration('maml', scope);
  return {
    serverJar: c.get<string>('server.jar'),
    jvmArgs: c.get<string>('server.jvmArgs'),
    lintConfig: c.get<string>('lint.config'),
    severities: c.get<Record<string, string>>('lint.severities'),
    signingKey: c.get<string>('signing.key'),
    publicKey: c.get<string>('signing.publicKey'),
    trust: c.get<string[]>('signing.trust'),
    docsUrl: c.get<string>('docsUrl'),
  };
}

/** The configured jar, else the one bundled in the extension (copied in at package time). */
export function serverJar(context: vscode.ExtensionContext, settings: MamlSettings): string {
  return settings.serverJar && settings.serverJar.trim()
    ? settings.serverJar.trim()
    : path.join(context.extensionPath, 'server', 'maml.jar');
}

/** Java 17+ or undefined after telling the user exactly what to do. */
export async function java(): Promise<JavaFound | undefined> {
  const home = vscode.workspace.getConfiguration('maml').get<string>('java.home');
  const { found, rejected } = await findJava(candidates(home, process.env));
  if (!found) {
    const choice = await vscode.window.showErrorMessage(noJavaMessage(rejected), 'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'maml.java.home');
    }
  }
  return found;
}

export function createClient(context: vscode.ExtensionContext, javaExe: string, settings: MamlSettings,
  middleware: LanguageClientOptions['middleware']): LanguageClient | undefined {
  const jar = serverJar(context, settings);
  if (!fs.existsSync(jar)) {
    void vscode.window.showErrorMessage(`MAML: the language server jar ${jar} does not exist; fix "maml.server.jar" or reinstall the extension.`);
    return undefined;
  }
  const server: ServerOptions = { command: javaExe, args: serverJavaArgs(settings.jvmArgs, jar) };
  const options: LanguageClientOptions = {
    documentSelector: [{ language: 'maml' }, { pattern: '**/*.mu' }],
    initializationOptions: withWorkspaceTrust(serverSettings(settings), vscode.workspace.isTrusted),
    synchronize: {
      // docs/lsp.md: a changed .maml-lint.yaml drops the cached configuration.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.maml-lint.{yaml,yml}'),
    },
    outputChannelName: 'MAML Language Server',
    middleware: {
      ...middleware,
      workspace: {
        // The server asks for each workspace folder's settings (docs/lsp.md, "Settings per folder"):
        // answer in its vocabulary, with that folder's values, under the same Workspace Trust rules.
        configuration: (params) => configurationAnswer(params.items,
          (scope) => readSettings(scope ? vscode.Uri.parse(scope) : undefined), vscode.workspace.isTrusted),
      },
    },
  };
  return new LanguageClient('maml', 'MAML Language Server', server, options);
}
