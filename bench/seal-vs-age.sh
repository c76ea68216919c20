#!/usr/bin/env bash
# `maml seal` against `age -r` (issue 15): each command a cold process as a user runs it, maml through
# bin/maml (its JIT choice and AppCDS archive included), both tools in the same run and alternating,
# medians of REPS runs. Every output is decrypted again (maml unseal, age -d) and compared with cmp,
# so only working round trips count. age does not fsync its output and maml does (the container is
# written atomically and forced to disk), so "age+fsync" adds `sync FILE` (fsync) to age's time.
# JVM start-up is measured on its own (`bin/maml --version`), since age has none. CPU time (user +
# sys, from /usr/bin/time) of maml seal and age -r is printed too: on a loaded machine it varies
# much less than wall time, which the other sessions' load stretches by 2-4x.
#
# Run:  bench/seal-vs-age.sh [REPS] [SIZE_MIB ...]     (default: 5 runs of 1, 64 and 256 MiB)
# Needs the jar (mvn -B -q -pl maml-cli -am package -DskipTests) and age (the Debian package `age`;
# installed with apt-get when missing and this runs as root). Files go to $MAML_BENCH_DIR (default
# bench/work), the payloads are random.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
shift || true
sizes=(1 64 256)
[ $# -eq 0 ] || sizes=("$@")
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f maml-cli/target/maml.jar ] || { echo "missing maml-cli/target/maml.jar; build it: mvn -B -q -pl maml-cli -am package -DskipTests" >&2; exit 2; }
if ! command -v age >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y age >/dev/null; else
    echo "age is not installed: apt-get install age" >&2; exit 2
  fi
fi
work=${MAML_BENCH_DIR:-bench/work}/seal-vs-age
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
# wall ms, then CPU ms (user + sys of the command and its children) in the file cpu_ms
cpu_ms() { local wall; wall=$(ms /usr/bin/time -f '%U %S' -o "$work/cpu" "$@"); awk '{printf "%d\n", ($1 + $2) * 1000}' "$work/cpu" >"$work/cpu_ms"; echo "$wall"; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
age_fsync() { age -r "$recipient" -o "$work/out.age" "$work/in.bin" && sync "$work/out.age"; }

bin/maml heads init --keyring "$work/heads.json" >/dev/null
age-keygen -o "$work/age.key" 2>/dev/null
recipient=$(age-keygen -y "$work/age.key")
# the first use builds the AppCDS archives (seal has its own): keep that out of the timings
bin/maml --version >/dev/null
head -c 1000 /dev/urandom >"$work/warm.bin"
bin/maml seal --in "$work/warm.bin" --out "$work/warm.mqa" --keyring "$work/heads.json" >/dev/null

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(age --version 2>&1 | head -1 | sed 's/^/age /'), $(java -version 2>&1 | head -1)"
starts=()
for _ in $(seq "$reps"); do starts+=("$(ms bin/maml --version)"); done
echo "# JVM start (bin/maml --version, C1 + AppCDS): median $(median "${starts[@]}") ms of $reps"
printf '%-8s %10s %10s %10s %8s %8s %12s %10s %8s %9s %8s %9s\n' size_mib maml_seal age_enc age+fsync ratio ratio_fs \
  maml_unseal age_dec ratio seal_cpu age_cpu cpu_ratio
for mib in "${sizes[@]}"; do
  head -c $((mib * 1024 * 1024)) /dev/urandom > "$work/in.bin"
  seal=() enc=() encfs=() unseal=() dec=() sealcpu=() enccpu=()
  for _ in $(seq "$reps"); do
    seal+=("$(cpu_ms bin/maml seal --in "$work/in.bin" --out "$work/out.mqa" --keyring "$work/heads.json")")
    sealcpu+=("$(cat "$work/cpu_ms")")
    enc+=("$(cpu_ms age -r "$recipient" -o "$work/out.age" "$work/in.bin")")
    enccpu+=("$(cat "$work/cpu_ms")")
    encfs+=("$(ms age_fsync)")
    unseal+=("$(ms bin/maml unseal "$work/out.mqa" --out "$work/back.bin" --keyring "$work/heads.json")")
    cmp -s "$work/in.bin" "$work/back.bin" || { echo "maml round trip differs at ${mib} MiB" >&2; exit 1; }
    dec+=("$(ms age -d -i "$work/age.key" -o "$work/back.age.bin" "$work/out.age")")
    cmp -s "$work/in.bin" "$work/back.age.bin" || { echo "age round trip differs at ${mib} MiB" >&2; exit 1; }
  done
  s=$(median "${seal[@]}") e=$(median "${enc[@]}") f=$(median "${encfs[@]}") u=$(median "${unseal[@]}") d=$(median "${dec[@]}")
  sc=$(median "${sealcpu[@]}") ec=$(median "${enccpu[@]}")
  printf '%-8s %10s %10s %10s %8s %8s %12s %10s %8s %9s %8s %9s\n' "$mib" "$s" "$e" "$f" \
    "$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.2f", a/b}')" "$(awk -v a="$s" -v b="$f" 'BEGIN{printf "%.2f", a/b}')" \
    "$u" "$d" "$(awk -v a="$u" -v b="$d" 'BEGIN{printf "%.2f", a/b}')" \
    "$sc" "$ec" "$(awk -v a="$sc" -v b="$ec" 'BEGIN{if (b > 0) printf "%.2f", a/b; else printf "-"}')"
done
echo "# times in ms (medians); ratio = maml / age; *_cpu = user + sys; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
