#!/usr/bin/env bash
# Everything CI does for the VS Code extension, in order: npm ci, compile, grammar tests, unit tests,
# package the .vsix (bundling maml-cli/target/maml.jar: run after `mvn -B verify`), protocol test,
# end-to-end test in code-server + headless Chromium. Exits non-zero on any failure and closes with
# "N passed, N failed" for the JS tests.
# Needs: Node 20 + npm, Java 17+, Debian chromium, libkrb5-dev, ripgrep (for code-server), g++/make/python3.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
t0=$(date +%s)

step() { echo "== vscode-extension: $* ($(( $(date +%s) - t0 ))s)"; }
die() { echo "vscode-extension: $*" >&2; echo "$passed passed, $((failed + 1)) failed"; exit 1; }

# Adds a step's counts. A failing exit status with no failing test counted (a crash, a syntax
# error) is one failure; a step that ran no tests is one failure too: it must not pass.
tally() {
  local name="$1" p="$2" f="$3" rc="$4"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "  $name: exited $rc with no failing test reported" >&2
    f=1
  fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    echo "  $name: no tests ran" >&2
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

# node --test TAP output and exit status -> counts.
count_node_tests() {
  local name="$1" out="$2" rc="$3" p f
  p=$(grep -E '^# pass ' "$out" | awk '{print $3}')
  f=$(grep -E '^# fail ' "$out" | awk '{print $3}')
  tally "$name" "${p:-0}" "${f:-0}" "$rc"
}

run_node_tests() {
  local name="$1" dir="$2" out rc
  out=$(mktemp)
  step "$name tests"
  node --test --test-reporter=tap "$dir" > "$out" 2>&1
  rc=$?
  grep -E '^(not )?ok ' "$out" | sed 's/^/  /'
  [ $rc -eq 0 ] || grep -A25 '^not ok' "$out" | head -80
  count_node_tests "$name" "$out" "$rc"
  rm -f "$out"
}

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
step "compile"
npm run -s compile || die "compile failed"

step "grammar tests"
grammar_out=$(mktemp)
npm run -s test:grammar < /dev/null > "$grammar_out" 2>&1
grammar_rc=$?
cat "$grammar_out"
tally "grammar tests" "$(grep -c '✓' "$grammar_out")" "$(grep -c '✖\|ERROR' "$grammar_out")" "$grammar_rc"
rm -f "$grammar_out"

run_node_tests unit out/test/unit/

step "package"
npm run -s package > /dev/null || die "packaging failed"
vsix="maml-$(node -p 'require("./package.json").version').vsix"
[ -f "$vsix" ] || die "$vsix was not produced"
echo "  $vsix ($(stat -c %s "$vsix") bytes)"

run_node_tests protocol out/test/protocol/

step "e2e: install code-server"
if scripts/install-e2e.sh; then
  step "e2e test"
  if node e2e/e2e.js; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
else
  echo "vscode-extension: installing code-server failed" >&2
  failed=$((failed + 1))
fi

step "done"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
