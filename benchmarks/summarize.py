#!/usr/bin/env python3
"""The table of benchmarks/compare.sh: reads a compare-* folder and prints Markdown.

    python3 benchmarks/summarize.py benchmarks/target/compare-YYYYMMDD-HHMMSS

Every figure is the median (min–max) over the rounds; every ratio is the median (min–max) of the rounds' own ratios
(the runs of one round ran next to each other, so their ratio is the fair one). Ratios above 1 mean the Java engine
is faster.
"""
import glob
import json
import os
import re
import statistics
import sys
from collections import defaultdict

SIZES = (64, 128, 256, 512, 1024)
FORMS = {"AB": "A·B", "ABt": "A·Bᵀ", "AtB": "Aᵀ·B"}


def load(folder):
    """samples[key][round] = list of values (seconds)."""
    samples = defaultdict(lambda: defaultdict(list))
    for path in sorted(glob.glob(os.path.join(folder, "jmh-*.json"))):
        name, rnd = re.match(r"jmh-(\w+)-(\d+)(?:-n\d+)?\.json", os.path.basename(path)).groups()
        rnd = int(rnd)
        with open(path) as f:
            for entry in json.load(f):
                p = entry.get("params", {})
                raw = [v for fork in entry["primaryMetric"]["rawData"] for v in fork]
                unit = entry["primaryMetric"]["scoreUnit"]
                scale = {"us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}[unit]
                if name == "CpuMatmulBenchmark":
                    key = ("java", "matmul", p["form"], int(p["n"]), int(p["threads"]))
                elif name == "PlanarBenchmark":
                    key = ("java", "planar", "warm", p["backend"])
                else:
                    key = ("java", "mlp", int(p["threads"]))
                samples[key][rnd].extend(v * scale for v in raw)
    blas = None
    path = os.path.join(folder, "python.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                if r["bench"] == "blas":
                    blas = r
                    continue
                if r["bench"] == "matmul":
                    key = (r["impl"], "matmul", r["form"], r["n"], r["threads"])
                elif r["bench"] == "planar":
                    key = (r["impl"], "planar", r["kind"], "cpu-fast" if r["impl"] == "java" else "numpy")
                else:
                    if r.get("run", 1) == 0:
                        continue  # the first epoch also pays for first-touch pages: warm epochs only
                    key = (r["impl"], "mlp", r["threads"])
                samples[key][r["round"]].append(r["seconds"])
    return samples, blas


def per_round(samples, key, f=lambda s: s):
    """{round: value}, each round's median (through f)."""
    return {rnd: f(statistics.median(v)) for rnd, v in samples.get(key, {}).items() if v}


def figure(values, fmt="{:.2f}"):
    if not values:
        return "–"
    v = list(values.values()) if isinstance(values, dict) else list(values)
    return (fmt + " ({}–{})").format(statistics.median(v), fmt.format(min(v)), fmt.format(max(v)))


def ratio(a, b):
    """Median (min–max) of a[r] / b[r] over the rounds both have."""
    rounds = sorted(set(a) & set(b))
    if not rounds:
        return "–"
    return figure([a[r] / b[r] for r in rounds], "{:.2f}") + "×"


def main():
    folder = sys.argv[1]
    samples, blas = load(folder)
    rounds = len({r for per in samples.values() for r in per})
    print(f"Rounds: {rounds}. Figures: median (min–max) over the rounds; ratios: median (min–max) of each round's "
          "ratio; above 1 the Java engine is faster.")
    if blas:
        print(f"numpy {blas['version']}, OpenBLAS kernel {blas['openblas_core']}.")
    print()
    print("### Matrix multiply, fp64, GFLOP/s")
    print()
    print("| form | n | Java 1 thread | numpy 1 thread | Java / numpy (1 thread) | Java 2 threads | Java 2 / 1 thread "
          "| numpy 2 threads | PyTorch 1 thread | PyTorch 2 threads |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for form, label in FORMS.items():
        for n in SIZES:
            gf = lambda s, n=n: 2 * n ** 3 / s / 1e9
            j1 = per_round(samples, ("java", "matmul", form, n, 1), gf)
            j2 = per_round(samples, ("java", "matmul", form, n, 2), gf)
            n1 = per_round(samples, ("numpy", "matmul", form, n, 1), gf)
            n2 = per_round(samples, ("numpy", "matmul", form, n, 2), gf)
            t1 = per_round(samples, ("torch", "matmul", form, n, 1), gf)
            t2 = per_round(samples, ("torch", "matmul", form, n, 2), gf)
            print(f"| {label} | {n} | {figure(j1, '{:.1f}')} | {figure(n1, '{:.1f}')} | {ratio(j1, n1)} "
                  f"| {figure(j2, '{:.1f}')} | {ratio(j2, j1)} | {figure(n2, '{:.1f}')} | {figure(t1, '{:.1f}')} "
                  f"| {figure(t2, '{:.1f}')} |")
    print()
    print("### Planar `nn_model`, 10 000 iterations, seconds")
    print()
    print("| run | Java (cpu-fast) | numpy | numpy / Java (how many times faster) |")
    print("|---|---:|---:|---:|")
    for kind in ("warm", "cold"):
        j = per_round(samples, ("java", "planar", kind, "cpu-fast"))
        n = per_round(samples, ("numpy", "planar", kind, "numpy"))
        print(f"| {kind} | {figure(j, '{:.3f}')} | {figure(n, '{:.3f}')} | {ratio(n, j)} |")
    print()
    print("### MLP 784-128-10, batch 64, one epoch of 60 000 examples, seconds (warm epochs)")
    print()
    print("| threads | Java (cpu-fast) | numpy (malloc tuned) | PyTorch | numpy / Java | PyTorch / Java |")
    print("|---:|---:|---:|---:|---:|---:|")
    for t in (1, 2):
        j = per_round(samples, ("java", "mlp", t))
        n = per_round(samples, ("numpy", "mlp", t))
        p = per_round(samples, ("torch", "mlp", t))
        print(f"| {t} | {figure(j, '{:.3f}')} | {figure(n, '{:.3f}')} | {figure(p, '{:.3f}')} | {ratio(n, j)} "
              f"| {ratio(p, j)} |")
    memory = os.path.join(folder, "memory.txt")
    if os.path.exists(memory):
        print()
        with open(memory) as f:
            print("Memory: " + f.read().strip())


if __name__ == "__main__":
    main()
