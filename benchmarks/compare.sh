#!/usr/bin/env bash
# benchmarks/compare.sh [ROUNDS]: the fast CPU backend beside numpy (OpenBLAS) and PyTorch on this machine.
#
# Interleaved in one session, A B A B …, ROUNDS times (default 3): the JMH benchmarks (matmul in the forms A·B,
# A·Bᵀ, Aᵀ·B at n = 64 … 1024 on 1 and 2 threads; the planar nn_model, warm and the first run in a fresh JVM; one
# MLP 784-128-10 epoch), bench.py's numpy equivalents (OpenBLAS on 1 and 2 threads, glibc's malloc tuned) and
# PyTorch's (1 and 2 threads); the matmul size by size, each Java size beside numpy's and PyTorch's. Then the peak
# memory of training on the full 60 000 × 784 set in -Xmx1g, and the table: every figure as median (min–max) over the
# rounds, and each ratio as the median (min–max) of the rounds' ratios. Raw results stay in
# benchmarks/target/compare-*/. A benchmark, not a test: mvn verify never runs it. About 7 minutes a round on a quiet
# 2-core machine. Needs python3 with numpy and /usr/bin/python3 with torch (Debian's python3-torch); a missing one is
# skipped with a note.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
out="$root/benchmarks/target/compare-$(date -u +%Y%m%d-%H%M%S)"
jar="$root/benchmarks/target/benchmarks.jar"
bench="$root/benchmarks/bench.py"
# one python run may take this long (an overloaded machine makes OpenMP's spinning threads crawl); then it is cut
limit="${COMPARE_LIMIT:-180}"
# numpy's malloc tuning: on these VMs a fresh page costs over 10 µs, so keep freed memory instead of unmapping it
tunables="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"

echo "compare.sh: building the benchmarks..." >&2
(cd "$root" && mvn -q -B -pl benchmarks -am package -DskipTests) >&2
mkdir -p "$out"
py="$out/python.jsonl"
echo "compare.sh: $rounds rounds, results in $out; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# every JVM (JMH's forks inherit the options) runs with ./workshop's flags and memory options
# shellcheck source=../scripts/workshop-jvm.sh
source "$root/scripts/workshop-jvm.sh"
java_run() {
  java "${workshop_jvm_options[@]}" "$@" 2> >(grep -v '^WARNING: Using incubator modules' >&2)
}
jmh() {
  local name="$1" round="$2"
  shift 2
  java_run -jar "$jar" "$name" -rf json -rff "$out/jmh-$name-$round.json" "$@" > "$out/jmh-$name-$round.log"
}
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine for old OpenBLAS builds; they slow numpy's own
have_numpy=true
have_torch=true
numpy_run() {
  local threads="$1" round="$2"
  shift 2
  $have_numpy || return 0
  { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
      GLIBC_TUNABLES="$tunables" timeout "$limit" python3 "$bench" numpy "$@" --threads "$threads" \
      || echo "compare.sh: numpy $* on $threads threads stopped (over ${limit}s?)" >&2; } \
    | sed "s/^{/{\"round\": $round, /" >> "$py"
}
torch_run() {
  local threads="$1" round="$2"
  shift 2
  $have_torch || return 0
  { timeout "$limit" /usr/bin/python3 "$bench" torch "$@" --threads "$threads" \
      || echo "compare.sh: torch $* on $threads threads stopped (over ${limit}s?)" >&2; } | sed "s/^{/{\"round\": $round, /" >> "$py"
}
python3 -c 'import numpy' 2>/dev/null || { have_numpy=false; echo "compare.sh: no numpy in python3, skipped" >&2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { have_torch=false; echo "compare.sh: no torch in /usr/bin/python3, skipped" >&2; }
# Debian's torch takes its BLAS from the libblas.so.3 alternative: the reference BLAS unless OpenBLAS is installed,
# which made PyTorch's MLP epoch 11 s instead of 1 s
if $have_torch && ! readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 | grep -q openblas; then
  echo "compare.sh: warning: libblas.so.3 is not OpenBLAS, so PyTorch runs on the reference BLAS;" \
    "apt-get install libopenblas0-pthread" >&2
fi
numpy_run 1 0 blas

for round in $(seq 1 "$rounds"); do
  echo "compare.sh: round $round/$rounds (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  # size by size, so that the host's noise bursts (a minute or more) meet the Java and the python figures alike
  for n in 64 128 256 512 1024; do
    jmh CpuMatmulBenchmark "$round-n$n" -p n="$n" -f 1 -wi 3 -w 1s -i 2 -r 1s
    numpy_run 1 "$round" matmul --sizes "$n"
    numpy_run 2 "$round" matmul --sizes "$n"
    torch_run 1 "$round" matmul --sizes "$n"
    torch_run 2 "$round" matmul --sizes "$n"
  done
  # warm: after the JIT has compiled the vector paths and the warm-up thread, which starts after 1 s, has switched to
  # them (3–5 s)
  jmh PlanarBenchmark "$round" -p backend=cpu-fast -f 1 -wi 15 -i 3
  java_run -cp "$jar" dev.backprop.benchmarks.ColdPlanar cpu \
    | awk -v r="$round" '{printf "{\"round\": %d, \"impl\": \"java\", \"bench\": \"planar\", \"kind\": \"cold\", \"threads\": 1, \"seconds\": %s}\n", r, $3}' >> "$py"
  numpy_run 1 "$round" planar
  # warm: two epochs first, while the warm-up thread (from 1 s on) compiles the vector paths on the other core
  jmh MlpEpochBenchmark "$round" -f 1 -wi 2 -i 2
  numpy_run 1 "$round" mlp
  numpy_run 2 "$round" mlp
  torch_run 1 "$round" mlp
  torch_run 2 "$round" mlp
done

echo "compare.sh: peak memory, one epoch on 60 000 × 784 fp64 in -Xmx1g" >&2
java_run -Xmx1g -cp "$jar" dev.backprop.benchmarks.MlpMemory > "$out/memory.txt"
echo "compare.sh: load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$root/benchmarks/summarize.py" "$out" | tee "$out/table.md"
