#!/usr/bin/env bash
# Makes N distinct MAML documents in DIR from testdata/corpus (100 per directory, each made distinct
# by a trailing comment), once: an existing DIR is kept. Shared by the lint benchmarks so that every
# figure is measured on the same files.
# Usage: bench/generate-docs.sh N DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ne 2 ]; then echo "usage: bench/generate-docs.sh N DIR" >&2; exit 2; fi
files="$1"
docs="$2"
[ -d "$docs" ] && exit 0
mapfile -t corpus < <(find "$root/testdata/corpus" -name '*.maml.md' | sort)
tmp="$docs.tmp.$$"
mkdir -p "$tmp"
for ((i = 0; i < files; i++)); do
  d="$tmp/d$((i / 100))"
  [ -d "$d" ] || mkdir "$d"
  src="${corpus[i % ${#corpus[@]}]}"
  { cat "$src"; printf '\n<!-- copy %d -->\n' "$i"; } >"$d/f$i.maml.md"
done
mv "$tmp" "$docs"
