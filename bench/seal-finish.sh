#!/usr/bin/env bash
# The end of a cold `maml seal` (issue 15): what comes after the container's last write(2) -- waiting
# for the data to reach the disk (the final fsync, and any background force still running), the rename
# over the previous container, the JVM's exit -- for this tree and, to compare builds, another one
# (e.g. a checkout of main, built), alternating in rounds. Per round and tree: one untraced seal (wall
# ms), then one under `strace -f --seccomp-bpf` (only the traced calls stop) giving ms from the last
# write to the process's end, the final fsync and the rename. Every seal goes into an existing
# container of the same size, as a re-seal does.
#
# Run:  bench/seal-finish.sh [REPS] [SIZE_MIB] [OTHER_TREE]     (default: 5 rounds, 256 MiB, no other tree)
# Needs each tree's jar (mvn -B -q -pl maml-cli -am package -DskipTests) and strace.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
mib=${2:-256}
trees=("$PWD")
[ -z "${3:-}" ] || trees+=("$(cd "$3" && pwd)")
command -v strace >/dev/null || { echo "missing strace (apt-get install strace)" >&2; exit 2; }
for t in "${trees[@]}"; do
  [ -f "$t/maml-cli/target/maml.jar" ] || { echo "missing $t/maml-cli/target/maml.jar; build it first" >&2; exit 2; }
done
work=${MAML_BENCH_DIR:-bench/work}/seal-finish
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

"${trees[0]}/bin/maml" heads init --keyring "$work/heads.json" >/dev/null
head -c $((mib * 1024 * 1024)) /dev/urandom >"$work/in.bin"
for i in "${!trees[@]}"; do # the first seal of a build also makes its AppCDS archive: not timed
  "${trees[$i]}/bin/maml" seal --in "$work/in.bin" --out "$work/out$i.mqa" --keyring "$work/heads.json" >/dev/null
done

# from a trace: ms from the container's last write to the last thread's end, the final fsync, the rename
finish() {
  awk '
    function ms(a, b) { return int((b - a) * 1000 + 0.5) }
    / write\(([3-9]|[1-9][0-9]+), / && / <[0-9.]+>$/ { gsub(/[<>]/, "", $NF); lastw = $2 + $NF }
    /<\.\.\. write resumed>/ { lastw = $2 }
    / fsync\(/ { fs0 = $2; if ($NF ~ /^<[0-9.]+>$/) { gsub(/[<>]/, "", $NF); fs1 = $2 + $NF } }
    /<\.\.\. fsync resumed>/ { fs1 = $2 }
    / rename\(/ { gsub(/[<>]/, "", $NF); ren = $NF * 1000 }
    /exited with/ { end = $2 }
    END { printf "%d %d %d\n", ms(lastw, end), ms(fs0, fs1), int(ren + 0.5) }' "$1"
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${mib} MiB, $reps rounds"
declare -A wall tail fsync rename
for _ in $(seq "$reps"); do
  for i in "${!trees[@]}"; do
    maml=("${trees[$i]}/bin/maml" seal --in "$work/in.bin" --out "$work/out$i.mqa" --keyring "$work/heads.json")
    t0=$(date +%s%N); "${maml[@]}" >/dev/null; t1=$(date +%s%N)
    wall[$i]+=" $(( (t1 - t0) / 1000000 ))"
    strace -f --seccomp-bpf -ttt -T -e trace=write,fsync,rename -o "$work/trace" "${maml[@]}" >/dev/null
    read -r tl fs rn < <(finish "$work/trace")
    tail[$i]+=" $tl" fsync[$i]+=" $fs" rename[$i]+=" $rn"
  done
done
printf '%-40s %9s %18s %12s %10s\n' tree seal_ms last_write_to_end final_fsync rename
for i in "${!trees[@]}"; do
  # shellcheck disable=SC2086
  printf '%-40s %9s %18s %12s %10s\n' "${trees[$i]} ($(git -C "${trees[$i]}" rev-parse --short HEAD 2>/dev/null || echo '?'))" \
    "$(median ${wall[$i]})" "$(median ${tail[$i]})" "$(median ${fsync[$i]})" "$(median ${rename[$i]})"
done
echo "# medians in ms; seal_ms untraced, the rest from the traced runs; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
