#!/usr/bin/env bash
# `maml lint --cache` on N unchanged files (default 10000), one bin/maml process per run (JVM start
# included), against the same lint without the cache, and against the JVM start alone:
#   jvm       java with bin/maml's flags running nothing (-version): the floor for any run;
#   version   bin/maml --version: the JVM plus maml's start (picocli, the AppCDS archive);
#   one       bin/maml lint --cache FILE, one unchanged clean file: what a cached run costs before
#             its files (maml's start with only the lint command built, the cache opened and saved);
#   none      bin/maml lint DIR;
#   content   bin/maml lint --cache DIR (the default strategy: every file read and hashed);
#   metadata  bin/maml lint --cache --cache-strategy metadata DIR (unchanged size/times: not read).
# Two sets of files: "corpus" (bench/generate-docs.sh, copies of testdata/corpus, about 11 findings
# each, 1 in 7 with a verification: block, which is never cached) and "clean" (copies of one
# document without findings, the usual state of a linted repository). Each set is a git work tree
# of its own (git init, a .gitignore) outside this repository: maml lint honours .gitignore, and
# this repository ignores bench/work, so a set under it would be skipped whole; in a work tree of
# its own the .gitignore checks a user's repository costs are part of every run.
# The cases run interleaved, in a rotating order, R rounds (default 5); the medians are printed,
# wall time and CPU time (user + sys). Before timing, the script checks that each cached run prints
# exactly what the uncached run prints and exits with the same code, and that every run lints all
# N files (the --debug count), every file of the clean set from the cache.
# With BEFORE_JAR=path/to/maml.jar (another build, e.g. main's), the cached cases also run that
# jar (content@before, metadata@before, one@before), interleaved in the same rounds, launched as
# bin/maml launches its own (the same flags, an AppCDS archive trained the same way).
# SETS="clean" times one set only (default "corpus clean"; the start-up cases run with the first).
# Usage: [BEFORE_JAR=JAR] [SETS=...] bench/lint-cache.sh [N] [R]   (needs Java 17, Maven and git). The sets go
# to $MAML_BENCH_INPUTS (default $TMPDIR/maml-bench-inputs), caches and results to bench/work/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-10000}"
rounds="${2:-5}"
work="$root/bench/work/lint-cache"
maml="$root/bin/maml"
mkdir -p "$work"
"$maml" --version >/dev/null # builds the jar and its AppCDS archive outside the timings

inputs="${MAML_BENCH_INPUTS:-${TMPDIR:-/tmp}/maml-bench-inputs}/lint-cache"
mkdir -p "$inputs"
declare -A sets=([corpus]="$inputs/corpus-$files" [clean]="$inputs/clean-$files" [one]="$inputs/one")
"$root/bench/generate-docs.sh" "$files" "${sets[corpus]}"
if [ ! -d "${sets[clean]}" ]; then
  tmp="${sets[clean]}.tmp.$$"
  mkdir -p "$tmp"
  for ((i = 0; i < files; i++)); do
    d="$tmp/d$((i / 100))"
    [ -d "$d" ] || mkdir "$d"
    { cat <<'DOC'
---
maml_version: "2.0.0"
id: "urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b"
type: workflow
origin: "agent://drone"
permissions:
  read: ["agent://*"]
  write: ["agent://drone"]
  execute: ["agent://drone"]
created_at: 2026-11-25T12:00:00Z
---
## Intent
Survey the northern field and report the crop health index for each plot.

## Context
region: north
plots: 12
altitude_m: 40

## Code_Blocks
```python
def health(ndvi):
    return round(ndvi * 100)
```

## History
- 2026-11-25T12:00:00Z: [CREATE] Survey workflow written by agent://drone
DOC
      printf '\n<!-- copy %d -->\n' "$i"; } >"$d/f$i.maml.md"
  done
  mv "$tmp" "${sets[clean]}"
fi
if [ ! -d "${sets[one]}" ]; then
  mkdir -p "${sets[one]}"
  cp "${sets[clean]}/d0/f0.maml.md" "${sets[one]}/"
fi
for set in corpus clean one; do # each a work tree of its own, with the ignores a repository has
  if [ ! -d "${sets[$set]}/.git" ]; then
    git -C "${sets[$set]}" init -q
    printf 'target/\nnode_modules/\n*.tmp\n.maml-lint-cache\n' >"${sets[$set]}/.gitignore"
  fi
done

before=()
if [ -n "${BEFORE_JAR:-}" ]; then
  rm -f "$work/before.jsa"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$work/before.jsa" \
    -jar "$BEFORE_JAR" lint --format json "$root/examples/drone_communication.maml.md" >/dev/null 2>&1 || true
  before=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$work/before.jsa" -Xshare:auto
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$BEFORE_JAR")
fi

command_for() { # case set: the command line of that case on that set, in the array cmd
  local c="${1%@before}" cache="$work/$2-$1.cache" run=("$maml")
  [ "$c" != "$1" ] && run=("${before[@]}")
  case "$c" in
    jvm) cmd=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version) ;;
    version) cmd=("${run[@]}" --version) ;;
    one) cmd=("${run[@]}" lint --cache --cache-location "$work/$1.cache" "${sets[one]}/f0.maml.md") ;;
    none) cmd=("${run[@]}" lint "${sets[$2]}") ;;
    content) cmd=("${run[@]}" lint --cache --cache-location "$cache" "${sets[$2]}") ;;
    metadata) cmd=("${run[@]}" lint --cache --cache-strategy metadata --cache-location "$cache" "${sets[$2]}") ;;
  esac
}

debug_count() { # the --debug line of a cached run: "R L" (R of the L files linted came from the cache)
  local i
  for i in "${!cmd[@]}"; do [ "${cmd[$i]}" = lint ] && break; done
  "${cmd[@]:0:i}" --debug "${cmd[@]:i}" 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) of \([0-9]*\) files from the cache$/\1 \2/p'
}
cached_cases=(content metadata)
start_cases=(one)
if [ -n "${BEFORE_JAR:-}" ]; then
  cached_cases+=(content@before metadata@before)
  start_cases+=(one@before)
fi

read -r -a timed_sets <<<"${SETS:-corpus clean}"
# Same output, same exit code; this also fills each cache (the timed runs find every file unchanged).
# Then the counts: every run lints all N files, and a run on the filled cache replays every clean file.
for set in "${timed_sets[@]}"; do
  command_for none "$set"
  code=0; "${cmd[@]}" >"$work/$set-none.out" 2>/dev/null || code=$?
  if [ "$code" -gt 1 ]; then
    echo "lint-cache: $set: maml lint exits $code (usage or I/O error), not a lint result" >&2
    exit 1
  fi
  for c in "${cached_cases[@]}"; do
    rm -f "$work/$set-$c.cache"
    command_for "$c" "$set"
    for pass in fill replay; do
      got=0; "${cmd[@]}" >"$work/$set-$c.out" 2>/dev/null || got=$?
      if [ "$got" != "$code" ] || ! cmp -s "$work/$set-none.out" "$work/$set-$c.out"; then
        echo "lint-cache: $set, $c ($pass): the output or exit code differs from the run without the cache" >&2
        exit 1
      fi
    done
    read -r replayed linted < <(debug_count)
    # every clean file comes from the cache; of the corpus, all but the signed documents (not counted here)
    if [ "$linted" != "$files" ] || { [ "$set" = clean ] && [ "$replayed" != "$files" ]; } || [ "${replayed:-0}" -eq 0 ]; then
      echo "lint-cache: $set, $c: ${replayed:-?} of ${linted:-?} files from the cache; expected all $files linted" \
        "and, on the clean set, all from the cache" >&2
      exit 1
    fi
  done
  echo "$set: $linted files linted, $replayed from the cache; $(wc -l <"$work/$set-none.out") lines of findings, exit $code;" \
    "cached runs identical"
done
for c in "${start_cases[@]}"; do
  rm -f "$work/$c.cache"
  command_for "$c" one
  "${cmd[@]}" >/dev/null 2>&1
  read -r replayed linted < <(debug_count)
  if [ "$replayed $linted" != "1 1" ]; then
    echo "lint-cache: $c: $replayed of $linted files from the cache, expected 1 of 1" >&2
    exit 1
  fi
done

cases=(jvm version "${start_cases[@]}" none "${cached_cases[@]}")
results="$work/times.txt"
: >"$results"
for ((r = 1; r <= rounds; r++)); do
  order=("${cases[@]}")
  # rotate: each case runs first, last and in between across the rounds
  for ((k = 0; k < r % ${#cases[@]}; k++)); do order=("${order[@]:1}" "${order[0]}"); done
  for set in "${timed_sets[@]}"; do
    for c in "${order[@]}"; do
      # the start-up cases once a round, with the first set
      [ "$set" != "${timed_sets[0]}" ] && [[ "$c" =~ ^(jvm|version|one)(@before)?$ ]] && continue
      command_for "$c" "$set"
      /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "${cmd[@]}" >/dev/null 2>&1 || true
      read -r wall user sys < <(tail -1 "$work/time.txt")
      label="$set"; [[ "$c" =~ ^(jvm|version|one)(@before)?$ ]] && label=start
      echo "$label $c $wall $(echo "$user + $sys" | bc)" >>"$results"
    done
  done
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/'); $(java -version 2>&1 | head -1)"
printf '%-8s %-16s %12s %12s %s\n' set case "wall median" "CPU median" "wall min-max"
for set in start corpus clean; do
  for c in "${cases[@]}"; do
    grep -q "^$set $c " "$results" || continue
    walls="$(grep "^$set $c " "$results" | awk '{print $3}')"
    cpus="$(grep "^$set $c " "$results" | awk '{print $4}')"
    printf '%-8s %-16s %11ss %11ss %s-%s\n' "$set" "$c" "$(median <<<"$walls")" "$(median <<<"$cpus")" \
      "$(sort -n <<<"$walls" | head -1)" "$(sort -n <<<"$walls" | tail -1)"
  done
done
