# Sourced by bench/serve-load.sh and bench/serve/lint-ab.sh, from the repository's root.
# serve_documents WORK: WORK/root, a copy of the tracked files of examples/demo (as a fresh clone has
# them), and WORK/lint-10k.maml.md, the 10 KB document POSTed to /lint: the seed example
# (examples/drone_communication.maml.md, with its real lint findings) with more Code_Blocks and
# History, deterministic, just over 10,240 bytes.
serve_documents() {
  local work=$1 doc10k=$1/lint-10k.maml.md i
  mkdir -p "$work/root"
  git ls-files examples/demo | while read -r f; do
    mkdir -p "$work/root/$(dirname "${f#examples/demo/}")"
    cp "$f" "$work/root/${f#examples/demo/}"
  done
  {
    sed '/^## Input_Schema/,$d' examples/drone_communication.maml.md
    for i in $(seq 1 12); do
      printf '```python\ndef relay_telemetry_%d(frames, key):\n    """Seal frame batch %d with the session key before the THz uplink."""\n' "$i" "$i"
      printf '    sealed = [aes_gcm_seal(key, f.payload, f.header) for f in frames if f.kind == "telemetry"]\n'
      printf '    return {"batch": %d, "frames": len(sealed), "bytes": sum(len(s) for s in sealed)}\n```\n\n' "$i"
    done
    sed -n '/^## Input_Schema/,$p' examples/drone_communication.maml.md
  } > "$doc10k"
  for ((i = 1; $(wc -c < "$doc10k") < 10240; i++)); do
    printf -- '- 2025-10-24T%02d:%02d:00Z: [UPDATE] Key rotation %d for drone swarm sector %d, QBER below threshold.\n' \
      $((13 + i / 60)) $((i % 60)) "$i" $((i % 7 + 1)) >> "$doc10k"
  done
}
