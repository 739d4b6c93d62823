#!/usr/bin/env python3
"""The table of benchmarks/compare-opencl.sh: reads a compare-opencl-* folder and prints Markdown.

    python3 benchmarks/summarize_opencl.py benchmarks/target/compare-opencl-YYYYMMDD-HHMMSS

GFLOP/s as median (min–max) over the rounds; kernel / CLBlast as the median (min–max) of each round's own ratio.
Above 1 the workshop's kernel is faster.
"""
import glob
import json
import os
import re
import statistics
import sys
from collections import defaultdict

from summarize import figure, ratio


def load(folder):
    """gflops[impl][n][round] = GFLOP/s, and the precision."""
    gflops = defaultdict(lambda: defaultdict(dict))
    precision = None
    for path in sorted(glob.glob(os.path.join(folder, "jmh-*.json"))):
        rnd = int(re.match(r"jmh-(\d+)-n\d+\.json", os.path.basename(path)).group(1))
        with open(path) as f:
            for entry in json.load(f):
                n = int(entry["params"]["n"])
                precision = entry["params"]["precision"]
                raw = [v for fork in entry["secondaryMetrics"]["gflop"]["rawData"] for v in fork]
                gflops["kernel"][n][rnd] = statistics.median(raw)
    path = os.path.join(folder, "clblast.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                gflops["clblast"][r["n"]][r["round"]] = 2 * r["n"] ** 3 / r["seconds"] / 1e9
    return gflops, precision


def main():
    gflops, precision = load(sys.argv[1])
    rounds = len({r for per in gflops.values() for by_round in per.values() for r in by_round})
    print(f"Rounds: {rounds}. C = A·B, n×n, {precision}, the operands on the device. GFLOP/s: median (min–max) over "
          "the rounds; the ratio: median (min–max) of each round's ratio, above 1 the workshop's kernel is faster.")
    print()
    print("| n | register-blocked kernel (`matmul.cl`) | CLBlast | kernel / CLBlast |")
    print("|---:|---:|---:|---:|")
    for n in sorted(set(gflops["kernel"]) | set(gflops["clblast"])):
        k, c = gflops["kernel"][n], gflops["clblast"][n]
        print(f"| {n} | {figure(k, '{:.1f}')} | {figure(c, '{:.1f}')} | {ratio(k, c)} |")


if __name__ == "__main__":
    main()
