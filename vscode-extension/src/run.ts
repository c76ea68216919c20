// `MAML: Run Workflow`: runs `java -jar maml.jar run FILE` (spec section 10/13) and reads its
// answer. No `vscode` import: unit-tested under node with a fake java.
import { spawn } from 'child_process';

export interface RunOutcome {
  exitCode: number | null;
  /** The result JSON on stdout, when it parsed. */
  result?: Record<string, unknown>;
  /** stdout as printed, when it was not JSON. */
  stdout: string;
  stderr: string;
  /** The receipt path from the result's `receipt` field. */
  receipt?: string;
  /** Spawn error (java missing, not executable). */
  error?: string;
}

/** Spec section 10's exit codes, in words. */
export function exitMeaning(code: number | null): string {
  switch (code) {
    case 0: return 'ok';
    case 1: return 'the workflow ran and failed';
    case 2: return 'the document or the command line is invalid';
    case 3: return 'refused (permission, signature or sandbox)';
    case null: return 'killed';
    default: return `unexpected exit code ${code}`;
  }
}

/** The `maml run` arguments for a file and the signing settings. */
export function runArgs(file: string, opts: { key?: string; trust?: string[] }): string[] {
  const args = ['run', file];
  if (opts.key) args.push('--key', opts.key);
  for (const t of opts.trust ?? []) args.push('--trust', t);
  return args;
}

export function runWorkflow(java: string, args: string[], cwd: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(java, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ exitCode: null, stdout: '', stderr: '', error: e.message }));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const outcome: RunOutcome = { exitCode: code, stdout, stderr };
      try {
        const parsed = JSON.parse(stdout);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          outcome.result = parsed;
          if (typeof parsed.receipt === 'string') outcome.receipt = parsed.receipt;
        }
      } catch {
        // not JSON (the run did not start): stderr says why
      }
      resolve(outcome);
    });
  });
}

/** The lines written to the output channel for one run. */
export function report(file: string, o: RunOutcome): string[] {
  const lines = [`maml run ${file}`];
  if (o.error) {
    lines.push(`could not start java: ${o.error}`);
    return lines;
  }
  lines.push(`exit code ${o.exitCode}: ${exitMeaning(o.exitCode)}`);
  if (o.stderr.trim()) lines.push(o.stderr.trimEnd());
  if (o.result) lines.push(JSON.stringify(o.result, null, 2));
  else if (o.stdout.trim()) lines.push(o.stdout.trimEnd());
  lines.push(o.receipt ? `receipt: ${o.receipt}` : 'receipt: none written');
  return lines;
}
