#!/usr/bin/env bash
# Cold-start figures for the quad-aes commands: each command is a fresh JVM, as a user runs it.
# Build first:  mvn -B -q -pl maml-cli -am package -DskipTests
# Run:          bench/quadaes-cli.sh [SIZE_MIB ...]     (default: 1 64)
# Files go to $MAML_BENCH_DIR (default bench/work); the payload is random, the round trip is checked with cmp.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=maml-cli/target/maml.jar
[ -f "$jar" ] || { echo "missing $jar; build it: mvn -B -q -pl maml-cli -am package -DskipTests" >&2; exit 2; }
work=${MAML_BENCH_DIR:-bench/work}/quadaes-cli
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
maml() { java -jar "$jar" "$@" >/dev/null; }
ms() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

maml heads init --keyring "$work/heads.json"
printf '%-8s %10s %10s %10s %10s %12s %12s\n' size_mib seal_ms unseal_ms rotate_ms check_ms seal_MB/s unseal_MB/s
for mib in "${@:-1 64}"; do
  for m in $mib; do
    head -c $((m * 1024 * 1024)) /dev/urandom > "$work/in.bin"
    seal=$(ms maml seal --in "$work/in.bin" --out "$work/in.mqa" --keyring "$work/heads.json")
    unseal=$(ms maml unseal "$work/in.mqa" --out "$work/out.bin" --keyring "$work/heads.json")
    cmp -s "$work/in.bin" "$work/out.bin" || { echo "round trip differs for ${m} MiB" >&2; exit 1; }
    rotate=$(ms maml heads rotate "$work/in.mqa" --head 2 --keyring "$work/heads.json")
    check=$(ms maml heads check "$work/in.mqa" --keyring "$work/heads.json")
    printf '%-8s %10s %10s %10s %10s %12s %12s\n' "$m" "$seal" "$unseal" "$rotate" "$check" \
      "$(awk -v m="$m" -v t="$seal" 'BEGIN{printf "%.1f", m*1000/t}')" \
      "$(awk -v m="$m" -v t="$unseal" 'BEGIN{printf "%.1f", m*1000/t}')"
  done
done
