// Finds a Java 17+ runtime for the language server. No `vscode` import: unit-tested under node.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const MIN_JAVA = 17;

export interface JavaCandidate {
  /** The java executable to try. */
  executable: string;
  /** Where the candidate came from, for messages: "setting maml.java.home", "JAVA_HOME", "PATH". */
  source: string;
}

export interface JavaFound {
  executable: string;
  source: string;
  major: number;
  version: string;
}

/** A candidate that was tried and rejected, with the reason, so the user is told exactly what was wrong. */
export interface JavaRejected {
  candidate: JavaCandidate;
  reason: string;
}

/** The `java -version` banner's version string to its major release: "1.8.0_392" -> 8, "17.0.15" -> 17, "21" -> 21. */
export function parseJavaVersion(banner: string): { major: number; version: string } | undefined {
  const m = /version "([^"]+)"/.exec(banner);
  if (!m) {
    return undefined;
  }
  const version = m[1];
  const parts = version.split(/[.\-+_]/);
  const first = parseInt(parts[0], 10);
  if (Number.isNaN(first)) {
    return undefined;
  }
  const major = first === 1 && parts.length > 1 ? parseInt(parts[1], 10) : first;
  return Number.isNaN(major) ? undefined : { major, version };
}

/** The executable inside a JDK/JRE home, or the path itself when it already names an executable file. */
function executableOf(home: string): string {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  try {
    if (fs.statSync(home).isDirectory()) {
      return path.join(home, 'bin', exe);
    }
  } catch {
    // does not exist: reported when it is run
  }
  return home;
}

/** The candidates in the order the extension tries them: the setting, JAVA_HOME, then `java` on PATH. */
export function candidates(setting: string | undefined, env: NodeJS.ProcessEnv): JavaCandidate[] {
  const out: JavaCandidate[] = [];
  if (setting && setting.trim()) {
    out.push({ executable: executableOf(setting.trim()), source: 'setting maml.java.home' });
  }
  if (env.JAVA_HOME && env.JAVA_HOME.trim()) {
    out.push({ executable: executableOf(env.JAVA_HOME.trim()), source: 'JAVA_HOME' });
  }
  out.push({ executable: 'java', source: 'PATH' });
  return out;
}

/** Runs `EXE -version` (the banner goes to stderr) and checks the major version. */
export function probe(candidate: JavaCandidate, timeoutMs = 15000): Promise<JavaFound | JavaRejected> {
  return new Promise((resolve) => {
    execFile(candidate.executable, ['-version'], { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        resolve({ candidate, reason: `${candidate.executable} does not exist` });
        return;
      }
      const parsed = parseJavaVersion(`${stderr}\n${stdout}`);
      if (!parsed) {
        resolve({ candidate, reason: `${candidate.executable} -version did not print a Java version` });
      } else if (parsed.major < MIN_JAVA) {
        resolve({ candidate, reason: `${candidate.executable} is Java ${parsed.version}; Java ${MIN_JAVA} or later is needed` });
      } else {
        resolve({ executable: candidate.executable, source: candidate.source, ...parsed });
      }
    });
  });
}

/** The first candidate that is Java 17+, or every rejection. */
export async function findJava(list: JavaCandidate[]): Promise<{ found?: JavaFound; rejected: JavaRejected[] }> {
  const rejected: JavaRejected[] = [];
  for (const c of list) {
    const r = await probe(c);
    if ('major' in r) {
      return { found: r, rejected };
    }
    rejected.push(r);
  }
  return { rejected };
}

/** What the user reads when there is no usable Java: what was tried and exactly what to do. */
export function noJavaMessage(rejected: JavaRejected[]): string {
  const tried = rejected.map((r) => `${r.candidate.source}: ${r.reason}`).join('; ');
  return `MAML needs Java ${MIN_JAVA} or later to run its language server, and none was found (${tried}). `
    + `Install a JDK or JRE ${MIN_JAVA}+ (for example "sudo apt install openjdk-17-jre-headless" or https://adoptium.net), `
    + `then set "maml.java.home" to its folder (or set JAVA_HOME) and run "MAML: Restart Server".`;
}
