#!/usr/bin/env python3
"""Write reference vectors for dev.backprop.core.random.NumpyRandom.

Every file is produced by numpy's *legacy* global generator (np.random.seed +
np.random.<function>, i.e. RandomState over MT19937), which is what the
Workshop's Java port mirrors bit for bit.

Usage (from the repository root, python3 + numpy only):

    python3 scripts/numpy_random_reference.py

Output: nn-core/src/test/resources/dev/backprop/core/random/seed_<S>/<case>.txt

File format (read by NumpyRandomTests):
  * line 1 is a header starting with '#' naming the numpy version and the call;
  * then one value per line.  Doubles are written with repr(), the shortest
    string that round-trips, so Double.parseDouble recovers the exact double.
  * transcript.txt is different: one operation per line,
        <op> <args...> <expected>
    where <expected> is a single value or a comma-separated list (no spaces),
    and a 'seed <s>' line re-seeds without producing a value.  It exercises the
    interleavings (cached gaussian, scalar vs. array calls, re-seeding) and the
    randint edge cases.
"""
import os
import sys

import numpy as np

SEEDS = [0, 1, 2, 3, 42, 12345, 2**31 - 1, 2**31, 2**32 - 1]

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                   "nn-core", "src", "test", "resources", "dev", "backprop",
                   "core", "random")

HEADER = "# numpy %s (legacy RandomState / MT19937): " % np.__version__


def fmt(v):
    """Exact text for one value: repr() for floats, decimal for integers."""
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def write(seed, name, call, values):
    d = os.path.join(OUT, "seed_%d" % seed)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", encoding="ascii", newline="\n") as f:
        f.write(HEADER + "np.random.seed(%d); %s\n" % (seed, call))
        for v in values:
            f.write(fmt(v) + "\n")


def simple_case(seed, name, call):
    np.random.seed(seed)
    values = eval(call, {"np": np})  # the call text in the header is what ran
    write(seed, name, call, np.asarray(values).ravel().tolist())


def transcript(seed):
    """Interleaved scalar/array calls; each line records op, args and result."""
    lines = []

    def emit(op, args, result):
        vals = np.asarray(result).ravel().tolist()
        lines.append(" ".join([op] + [fmt(a) for a in args]
                              + [",".join(fmt(v) for v in vals)]))

    r = np.random
    r.seed(seed)
    # Cached gaussian: an odd number of normals leaves one cached, and rand /
    # randint / permutation in between must neither consume nor clear it.
    emit("gauss", [], r.standard_normal())
    emit("rand", [], r.random_sample())
    emit("gauss", [], r.standard_normal())
    emit("randn", [3], r.randn(3))
    emit("rand", [], r.random_sample())
    emit("randint", [0, 10], r.randint(0, 10))
    emit("randn", [1], r.randn(1))
    emit("rand", [2], r.rand(2))
    emit("permutation", [7], r.permutation(7))
    emit("gauss", [], r.standard_normal())
    emit("normal", [2.0, 0.5], r.normal(2.0, 0.5))
    emit("normal", [-1.0, 3.0, 5], r.normal(-1.0, 3.0, 5))
    emit("uniform", [-1.0, 1.0], r.uniform(-1.0, 1.0))
    emit("uniform", [5.0, -3.0, 3], r.uniform(5.0, -3.0, 3))
    emit("randn2d", [3, 4], r.randn(3, 4))
    emit("rand2d", [2, 3], r.rand(2, 3))
    # Re-seeding clears the cached gaussian.
    emit("randn", [1], r.randn(1))
    r.seed(seed)
    lines.append("seed %d" % seed)
    emit("gauss", [], r.standard_normal())
    emit("randn", [5], r.randn(5))
    # randint edge cases: rng == 0 draws nothing; rng == 2**32 - 1 takes the
    # raw 32-bit path; rng == 2**32 is the smallest range with 64-bit draws.
    emit("randint", [7, 8, 4], r.randint(7, 8, 4))
    emit("rand", [], r.random_sample())
    emit("randint", [0, 2**32, 6], r.randint(0, 2**32, 6))
    emit("randint", [-(2**31), 2**31, 6], r.randint(-(2**31), 2**31, 6))
    emit("randint", [0, 2**32 + 1, 6], r.randint(0, 2**32 + 1, 6))
    emit("randint", [-(2**40), 2**35, 8], r.randint(-(2**40), 2**35, 8))
    emit("randint", [-(2**62), 2**62, 8], r.randint(-(2**62), 2**62, 8))
    emit("randint", [-(2**63), 2**63 - 1, 8], r.randint(-(2**63), 2**63 - 1, 8))
    emit("randint", [-3, 1000003], r.randint(-3, 1000003))
    # shuffle of a float array consumes exactly what shuffle of ints does.
    a = np.arange(20, dtype=np.float64) * 0.25
    r.shuffle(a)
    emit("shufflef", [20], a)
    emit("permutation", [1], r.permutation(1))
    emit("permutation", [2], r.permutation(2))
    emit("uint32", [], r.randint(0, 2**32, dtype=np.uint32))
    emit("gauss", [], r.standard_normal())

    d = os.path.join(OUT, "seed_%d" % seed)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "transcript.txt"), "w", encoding="ascii", newline="\n") as f:
        f.write(HEADER + "np.random.seed(%d); interleaved calls, see "
                "scripts/numpy_random_reference.py transcript()\n" % seed)
        for line in lines:
            f.write(line + "\n")


CASES = [
    ("rand.txt", "np.random.rand(1000)"),
    ("randn.txt", "np.random.randn(1000)"),
    ("uniform_m3_5.txt", "np.random.uniform(-3, 5, 500)"),
    ("randint_0_10.txt", "np.random.randint(0, 10, 1000)"),
    ("randint_m5_5.txt", "np.random.randint(-5, 5, 500)"),
    ("randint_0_1000.txt", "np.random.randint(0, 1000, 500)"),
    ("randint_0_2p40.txt", "np.random.randint(0, 2**40, 200)"),
    ("uint32.txt", "np.random.randint(0, 2**32, 200, dtype=np.uint32)"),
    ("permutation_100.txt", "np.random.permutation(100)"),
    ("shuffle_arange50.txt", "(lambda a: (np.random.shuffle(a), a)[1])(np.arange(50))"),
]


def main():
    for seed in SEEDS:
        for name, call in CASES:
            simple_case(seed, name, call)
        transcript(seed)
        # Sanity: the uint32 file really is the raw MT19937 output stream.
        raw = np.random.RandomState(seed)._bit_generator.random_raw(200)
        np.random.seed(seed)
        assert (np.random.randint(0, 2**32, 200, dtype=np.uint32) == raw).all()
    total = sum(os.path.getsize(os.path.join(dp, f))
                for dp, _, fs in os.walk(OUT) for f in fs)
    print("wrote %s (%d bytes)" % (os.path.normpath(OUT), total), file=sys.stderr)


if __name__ == "__main__":
    main()
