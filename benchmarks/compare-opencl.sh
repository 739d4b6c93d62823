#!/usr/bin/env bash
# benchmarks/compare-opencl.sh [ROUNDS] [PRECISION]: the OpenCL lesson's register-blocked matmul kernel beside
# CLBlast, the tuned OpenCL BLAS, on the same OpenCL device (the one the engine's `opencl` backend picks: a GPU if
# there is one, else PoCL's CPU device).
#
# Interleaved in one session, size by size, ROUNDS times (default 5): JMH's MatmulBenchmark with the kernel
# REGISTER_BLOCKED (C = A·B, n×n, A and B on the device, each product waited for) and clblast_gemm.c, CLBlast's
# DGEMM (SGEMM for PRECISION fp32) on the same sizes, n = 128 … 1024. Then the table: GFLOP/s as median (min–max)
# over the rounds, and each size's ratio kernel / CLBlast as the median (min–max) of the rounds' ratios. Raw results
# stay in benchmarks/target/compare-opencl-*/. A benchmark, not a test: mvn verify never runs it. About a minute a
# round on PoCL. Needs a C compiler and CLBlast (Debian: gcc, libclblast-dev, opencl-headers).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
precision="${2:-fp64}"
out="$root/benchmarks/target/compare-opencl-$(date -u +%Y%m%d-%H%M%S)"
jar="$root/benchmarks/target/benchmarks.jar"

if [[ ! -f /usr/include/clblast_c.h ]]; then
  echo "compare-opencl.sh: CLBlast's header is missing: apt-get install libclblast-dev opencl-headers gcc" >&2
  exit 1
fi
echo "compare-opencl.sh: building the benchmarks..." >&2
(cd "$root" && mvn -q -B -pl benchmarks -am package -DskipTests) >&2
mkdir -p "$out"
cc -O2 -o "$out/clblast_gemm" "$root/benchmarks/clblast_gemm.c" -lclblast -lOpenCL
echo "compare-opencl.sh: $rounds rounds, $precision, on $(clinfo -l 2>/dev/null | sed -n 's/.*Device #0: //p' | head -1)," \
  "results in $out" >&2

# shellcheck source=../scripts/workshop-jvm.sh
source "$root/scripts/workshop-jvm.sh"
for round in $(seq 1 "$rounds"); do
  echo "compare-opencl.sh: round $round/$rounds (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  for n in 128 256 512 1024; do
    java "${workshop_jvm_options[@]}" -jar "$jar" 'dev.backprop.benchmarks.MatmulBenchmark.matmul$' \
      -p kernel=REGISTER_BLOCKED -p n="$n" -p precision="$precision" -f 1 -wi 2 -w 1s -i 3 -r 1s \
      -rf json -rff "$out/jmh-$round-n$n.json" > "$out/jmh-$round-n$n.log" \
      2> >(grep -v '^WARNING: Using incubator modules' >&2)
    "$out/clblast_gemm" "$precision" "$n" | sed "s/^{/{\"round\": $round, /" >> "$out/clblast.jsonl"
  done
done
python3 "$root/benchmarks/summarize_opencl.py" "$out" | tee "$out/table.md"
