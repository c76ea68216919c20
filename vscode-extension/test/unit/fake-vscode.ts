// A stand-in for the `vscode` module, so the extension's real activate() and command handlers run
// under node: it records the commands registered and the messages shown. Only what activation and
// the commands touch is modelled; anything else a dependency reads at load time is an inert class.
import Module = require('module');

export interface FakeVscode {
  trusted: boolean;
  commands: Map<string, (...args: unknown[]) => unknown>;
  /** Every message shown, as "error: ...", "warning: ...", "info: ...". */
  shown: string[];
  activeTextEditor: unknown;
  settings: Record<string, unknown>;
}

const inert = new Proxy(class {}, { get: (target, p) => (p in target ? Reflect.get(target, p) : inert) });
const disposable = { dispose: () => undefined };

export function installFakeVscode(): FakeVscode {
  const state: FakeVscode = { trusted: false, commands: new Map(), shown: [], activeTextEditor: undefined, settings: {} };
  const show = (kind: string) => (message: string) => {
    state.shown.push(`${kind}: ${message}`);
    return Promise.resolve(undefined);
  };
  const api: Record<string, unknown> = {
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        state.commands.set(id, handler);
        return disposable;
      },
      executeCommand: () => Promise.resolve(undefined),
    },
    window: {
      createOutputChannel: () => ({ ...disposable, appendLine: () => undefined, show: () => undefined }),
      createStatusBarItem: () => ({ ...disposable, show: () => undefined, hide: () => undefined }),
      onDidChangeActiveTextEditor: () => disposable,
      showErrorMessage: show('error'),
      showWarningMessage: show('warning'),
      showInformationMessage: show('info'),
      withProgress: (_options: unknown, task: () => unknown) => task(),
      get activeTextEditor() {
        return state.activeTextEditor;
      },
    },
    workspace: {
      get isTrusted() {
        return state.trusted;
      },
      getConfiguration: () => ({ get: (key: string) => state.settings[key] }),
      onDidGrantWorkspaceTrust: () => disposable,
      onDidChangeConfiguration: () => disposable,
      onDidChangeTextDocument: () => disposable,
      onDidCloseTextDocument: () => disposable,
      createFileSystemWatcher: () => disposable,
      applyEdit: () => Promise.resolve(false),
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { Notification: 15 },
  };
  const fake = new Proxy(api, { get: (target, p) => (p in target ? target[p as string] : inert) });
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  const cached = new Module('vscode');
  cached.exports = fake;
  cached.loaded = true;
  require.cache.vscode = cached;
  return state;
}
