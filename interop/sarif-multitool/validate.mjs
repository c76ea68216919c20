// node validate.mjs IN.sarif OUT.sarif: runs `sarif-multitool validate` with the rules GitHub code
// scanning applies on upload (--rule-kind "Gh;Sarif") and writes its findings to OUT.sarif.
// The package's own bin runs the binary through a shell, where "Gh;Sarif" would split into two
// commands; this spawns the platform binary directly instead. The binary is a .NET program:
// invariant globalization spares it the ICU libraries, which validation does not need.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node validate.mjs IN.sarif OUT.sarif');
  process.exit(2);
}
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool');
const { status, error } = spawnSync(multitool,
  ['validate', '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '--output', output, input],
  { stdio: 'inherit', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
if (error) {
  console.error(`cannot run ${multitool}: ${error.message}`);
  process.exit(2);
}
process.exit(status ?? 2);
