#!/usr/bin/env bash
# Runs every benchmark with the settings behind docs/performance.md and keeps the raw output in
# bench/work/results/. Not part of the test command; takes about 30 minutes on 2 cores. Run it on a
# quiet machine: the figures are only as good as the machine is idle.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/work/results
mkdir -p "$out"
mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests
mvn -B -q -DskipTests -pl maml-cli -am package
jmh() { local name="$1"; shift; java -jar bench/jmh/target/benchmarks.jar "$@" -rf json -rff "$out/$name.json" | tee "$out/$name.txt"; }
uname -a > "$out/machine.txt"; nproc >> "$out/machine.txt"; java -version 2>> "$out/machine.txt"
jmh parse 'dev.maml.bench.ParseBenchmark' -f 1 -wi 5 -w 2 -i 5 -r 2
jmh large-parse 'LargeParseBenchmark' -f 1 -wi 2 -w 5 -i 3 -r 5
jmh signature 'SignatureBenchmark' -f 1 -wi 3 -w 1 -i 5 -r 1
jmh bb84 'Bb84Benchmark' -f 1 -wi 3 -w 2 -i 5 -r 2
# Java 17's JIT needs 10-20 s before AES-GCM runs on AES-NI: the warm-up covers that.
jmh quadaes 'QuadAesBench' -f 1 -wi 8 -w 3 -i 3 -r 3
jmh rotation 'HeadRotationBench' -f 1 -wi 3 -w 2 -i 5 -r 2
jmh run 'RunBenchmark' -f 1 -wi 3 -w 2 -i 5 -r 2
bench/run-cli.sh 5 2>&1 | tee "$out/run-cli.txt"
java -cp maml-cli/target/maml.jar bench/sign/SignVsRaw.java ML-DSA-65 16 0.25 2>&1 | tee "$out/sign-vs-raw.txt"
bench/run-batch.sh 300 2 5 2>&1 | tee "$out/run-batch.txt"
bench/quadaes-cli.sh 1 64 2>&1 | tee "$out/quadaes-cli.txt"
bench/seal-vs-age.sh 5 1 64 256 2>&1 | tee "$out/seal-vs-age.txt"
bench/lint-vs-markdownlint.sh 10000 5 2>&1 | tee "$out/lint-vs-markdownlint.txt"
bench/lsp-vs-yaml-language-server.sh 200 50 2>&1 | tee "$out/lsp-vs-yaml-language-server.txt"
bench/serve-load.sh 2>&1 | tee "$out/serve-load.txt"
