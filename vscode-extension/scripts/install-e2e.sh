#!/usr/bin/env bash
# Installs code-server + playwright-core into e2e/ from e2e/package-lock.json, offline-safe:
# - @vscode/ripgrep's postinstall downloads rg from GitHub (fails without internet); it first looks
#   in its cache $TMPDIR/vscode-ripgrep-cache-VERSION/, so we put Debian's /usr/bin/rg there, packed
#   as the archive it expects.
# - code-server's native modules (kerberos, node-pty, ...) are built with node-gyp, which would
#   download Node's headers; npm_config_nodedir points it at the headers installed with node.
# Needs: Debian ripgrep, libkrb5-dev, g++, make, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
e2e="$here/e2e"
if [ -x "$e2e/node_modules/.bin/code-server" ] && [ -f "$e2e/node_modules/.install-ok" ]; then
  echo "e2e: code-server already installed"; exit 0
fi
rg_bin="$(command -v rg || true)"
[ -n "$rg_bin" ] || { echo "e2e: ripgrep is missing (apt-get install ripgrep)" >&2; exit 1; }
rg_version=1.15.11                # @vscode/ripgrep in code-server 4.100.3's npm-shrinkwrap
rg_asset=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
tmp="$e2e/.tmp"
rm -rf "$tmp" && mkdir -p "$tmp/vscode-ripgrep-cache-$rg_version" "$tmp/rg"
cp "$rg_bin" "$tmp/rg/rg"
tar -czf "$tmp/vscode-ripgrep-cache-$rg_version/$rg_asset" -C "$tmp/rg" rg
nodedir="$(dirname "$(dirname "$(command -v node)")")"
[ -f "$nodedir/include/node/node.h" ] || { echo "e2e: Node headers not found under $nodedir/include/node" >&2; exit 1; }
cd "$e2e"
start=$(date +%s)
TMPDIR="$tmp" npm_config_yes=true npm_config_nodedir="$nodedir" npm_config_unsafe_perm=true \
  npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.install-ok
rm -rf "$tmp"
echo "e2e: code-server installed in $(( $(date +%s) - start ))s"
