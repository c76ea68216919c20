// Prints the tables of bench/before-after.sh from its raw results: per case and side, the median
// and the range over the interleaved runs; after/before as the ratio of the medians and as the
// median (range) of the ratios within a round, the figure the machine's load disturbs least.
// node bench/before-after-summary.mjs WORKDIR SIDE_A SIDE_B
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [work, a, b] = process.argv.slice(2);
const median = (v) => {
  const s = [...v].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (v, digits) => `(${Math.min(...v).toFixed(digits)}-${Math.max(...v).toFixed(digits)})`;
const cell = (v, unit, digits) => `${median(v).toFixed(digits)} ${unit} ${range(v, digits)}`;
/** va and vb hold one value per round, in round order. */
const row = (label, va, vb, unit, digits) => {
  const ratios = va.map((x, i) => vb[i] / x);
  return `| ${label} | ${cell(va, unit, digits)} | ${cell(vb, unit, digits)} | `
    + `${(median(vb) / median(va)).toFixed(2)} | ${median(ratios).toFixed(2)} ${range(ratios, 2)} |`;
};
const header = (title) => [title,
  `| case | ${a}, median (min-max) | ${b}, median (min-max) | ${b}/${a}, medians | ${b}/${a} per round, median (min-max) |`,
  '|---|---:|---:|---:|---:|'];

const lint = readFileSync(path.join(work, 'lint.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
const lintOf = (c, side, column) => lint.filter((r) => r[0] === c && r[1] === side)
  .sort((x, y) => Number(x[2]) - Number(y[2])).map((r) => Number(r[column]));
const out = header(`lint (${lintOf(lint[0][0], a, 3).length} runs per side)`);
for (const c of [...new Set(lint.map((r) => r[0]))]) {
  out.push(row(`${c}, wall`, lintOf(c, a, 3), lintOf(c, b, 3), 's', 2));
  out.push(row(`${c}, peak RSS`, lintOf(c, a, 4).map((k) => k / 1024), lintOf(c, b, 4).map((k) => k / 1024), 'MB', 0));
}

const lspOf = (side) => readdirSync(work).map((f) => new RegExp(`^lsp-${side}-(\\d+)\\.json$`).exec(f)).filter(Boolean)
  .sort((x, y) => Number(x[1]) - Number(y[1])).map((m) => JSON.parse(readFileSync(path.join(work, m[0]), 'utf8'))[0]);
const [la, lb] = [lspOf(a), lspOf(b)];
out.push('', ...header(`lsp (${la.length} rounds per side)`));
for (const [key, unit, digits] of [
  ['diag_100KB_p50_ms', 'ms', 2], ['diag_100KB_p95_ms', 'ms', 2], ['completion_p95_ms', 'ms', 2],
  ['diag_1MB_p50_ms', 'ms', 2], ['diag_1MB_p95_ms', 'ms', 2], ['rss_100_docs_mib', 'MiB', 0]]) {
  out.push(row(key, la.map((r) => Number(r[key])), lb.map((r) => Number(r[key])), unit, digits));
}
console.log(out.join('\n'));
