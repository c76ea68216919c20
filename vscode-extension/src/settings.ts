// Turns the extension's settings into what the server takes (docs/lsp.md, "Settings") and into
// the server's command line. No `vscode` import: unit-tested under node.
import { withWorkspaceTrust } from './trust';

/** The settings this module reads, as `workspace.getConfiguration('maml').get(...)` returns them. */
export interface MamlSettings {
  serverJar?: string;
  jvmArgs?: string;
  lintConfig?: string;
  severities?: Record<string, string>;
  signingKey?: string;
  publicKey?: string;
  trust?: string[];
  docsUrl?: string;
  debounceMillis?: number;
}

export const DEFAULT_JVM_ARGS = '-Xmx512m -XX:+ExitOnOutOfMemoryError';

const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** The server's settings object: only keys the user set, so the server's own defaults apply otherwise. */
export function serverSettings(s: MamlSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (nonEmpty(s.lintConfig)) out.config = s.lintConfig;
  if (s.severities && Object.keys(s.severities).length > 0) out.severities = s.severities;
  if (nonEmpty(s.signingKey)) out.key = s.signingKey;
  if (nonEmpty(s.publicKey)) out.publicKey = s.publicKey;
  if (s.trust && s.trust.length > 0) out.trust = s.trust.filter(nonEmpty);
  if (nonEmpty(s.docsUrl)) out.docsUrl = s.docsUrl;
  if (typeof s.debounceMillis === 'number') out.debounceMillis = s.debounceMillis;
  return out;
}

/**
 * The answer to the server's `workspace/configuration` (docs/lsp.md, "Settings per workspace
 * folder"): each "maml" item as the server's settings of its scope (`read` gets the folder's URI),
 * under the same Workspace Trust rules as the pushed settings; any other section has nothing.
 */
export function configurationAnswer(items: { section?: string; scopeUri?: string }[],
  read: (scopeUri: string | undefined) => MamlSettings, trusted: boolean): (Record<string, unknown> | null)[] {
  return items.map((item) => (item.section === 'maml' ? withWorkspaceTrust(serverSettings(read(item.scopeUri)), trusted) : null));
}

/** Splits JVM arguments on whitespace, keeping "double" or 'single' quoted parts together (no shell runs). */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current = current ?? '';
    } else if (/\s/.test(ch)) {
      if (current !== undefined) out.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + ch;
    }
  }
  if (current !== undefined) out.push(current);
  return out;
}

/** `java [jvm args] -jar JAR ARGS...` as an argument vector (no shell). */
export function javaArgs(jvmArgs: string | undefined, jar: string, args: string[]): string[] {
  return [...splitArgs(jvmArgs ?? DEFAULT_JVM_ARGS), '-jar', jar, ...args];
}
