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

/** `java [jvm args] -jar JAR ARGS...` as an argument vector (no shell): MAML: Run Workflow's. */
export function javaArgs(jvmArgs: string | undefined, jar: string, args: string[]): string[] {
  return [...splitArgs(jvmArgs ?? DEFAULT_JVM_ARGS), '-jar', jar, ...args];
}

/**
 * The JVM flags `bin/maml lsp` gives the server (its source of truth: settings.test.ts runs
 * bin/maml against a fake `java` and checks the two lists are the same), measured in
 * docs/performance.md, "Language server (issues 6 and 15)": the serial collector with a 32 MiB
 * young generation, C1 only with a small code cache, compiling after a tenth of the usual calls.
 * They suit a long-lived server whose work per edit is small, not a `maml run` (which gets
 * `maml.server.jvmArgs` alone), so they are not part of that setting.
 */
export const SERVER_JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xmn32m',
  '-XX:ReservedCodeCacheSize=32m', '-XX:CompileThresholdScaling=0.1'];

/** The flags above that were measured for the serial collector (and two collectors stop the JVM). */
const SERIAL_GC_FLAGS = new Set(['-XX:+UseSerialGC', '-Xmn32m']);

/**
 * `java [server flags] [jvm args] -jar JAR lsp`: the user's arguments come last, so where both
 * set the same flag the user's wins (HotSpot takes the last); when they pick a collector
 * (`-XX:+UseG1GC`...), the serial collector's flags are left out.
 */
export function serverJavaArgs(jvmArgs: string | undefined, jar: string): string[] {
  const picksCollector = splitArgs(jvmArgs ?? DEFAULT_JVM_ARGS).some((a) => /^-XX:\+Use\w*GC$/.test(a));
  const flags = SERVER_JVM_FLAGS.filter((f) => !(picksCollector && SERIAL_GC_FLAGS.has(f)));
  return [...flags, ...javaArgs(jvmArgs, jar, ['lsp'])];
}
