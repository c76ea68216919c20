// The status-bar item with the signature state of the active MAML document.
import * as vscode from 'vscode';
import { SignatureState, statusText } from './signature';

export class SignatureStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  /** Per document; dropped when the text changes, because the state was for the text verified. */
  private readonly states = new Map<string, SignatureState>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(verifyCommand: string) {
    this.item.command = verifyCommand;
    this.item.name = 'MAML signature';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.states.delete(e.document.uri.toString())) this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.states.delete(d.uri.toString())),
    ];
    this.refresh();
  }

  set(uri: string, state: SignatureState): void {
    this.states.set(uri, state);
    this.refresh();
  }

  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'maml') {
      this.item.hide();
      return;
    }
    const { text, tooltip } = statusText(this.states.get(doc.uri.toString()) ?? 'unknown');
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
