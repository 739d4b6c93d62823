#!/usr/bin/env python3
"""Write what numpy answers for NaN, ±Inf, huge, tiny and empty inputs: the expected results of
dev.backprop.core.matrix.MatrixPropertyTests (every Matrix operation, elementwise activation and loss).

Usage (from the repository root, python3 + numpy only):

    python3 scripts/special_values_reference.py

Output: nn-core/src/test/resources/dev/backprop/core/matrix/special_values.txt

File format: '#' lines are comments; every other line is one named matrix,
    <name> <rows> <cols> <v0> <v1> ...
row-major, each value as Java's Double.parseDouble reads it (repr(), with NaN, Infinity, -Infinity).
Names are what the test computes: 'relu(specials)', 'specials_col+specials_row', 'sum1(R2)', ...
"""
import os
import warnings

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "nn-core", "src", "test",
                   "resources", "dev", "backprop", "core", "matrix", "special_values.txt")

# NaN, the infinities, signed zeros, ordinary numbers, the largest and smallest doubles, and where exp overflows.
SPECIALS = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 5e-324, 710.0, -710.0]

lines = []


def fmt(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def put(name, a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    assert " " not in name, name
    lines.append(" ".join([name, str(a.shape[0]), str(a.shape[1])] + [fmt(v) for v in a.ravel()]))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


x = np.array([SPECIALS])
col = x.T
put("specials", x)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # numpy warns on overflow, NaN and 0/0: the values are what count

    # ---- elementwise functions (UnaryOp), as numpy spells them
    unary = {
        "negate": -x, "abs": np.abs(x), "square": np.square(x), "sqrt": np.sqrt(x), "exp": np.exp(x),
        "log": np.log(x), "tanh": np.tanh(x), "sigmoid": sigmoid(x), "sign": np.sign(x),
        "relu": np.maximum(0, x), "step": np.heaviside(x, 0),
        "leaky_relu(0.1)": np.maximum(0.1 * x, x), "elu(1.0)": np.where(x > 0, x, 1.0 * (np.exp(x) - 1)),
        "power(2.0)": np.power(x, 2.0), "power(3.0)": np.power(x, 3.0), "power(0.5)": np.power(x, 0.5),
        "power(-1.0)": np.power(x, -1.0), "power(NaN)": np.power(x, np.nan),
        "power(Infinity)": np.power(x, np.inf),
        "clip(-1.0,1.0)": np.clip(x, -1.0, 1.0),
    }
    for name, value in unary.items():
        put(name + "(specials)", value)

    # ---- activations: forward, and the derivative g'(z); at NaN a derivative is NaN (np.heaviside's rule)
    nan_at_nan = lambda d: np.where(np.isnan(x), np.nan, d)
    put("relu.derivative(specials)", np.heaviside(x, 0))
    put("leaky_relu(0.1).derivative(specials)", nan_at_nan(np.where(x > 0, 1.0, 0.1)))
    put("elu(1.0).derivative(specials)", nan_at_nan(np.where(x > 0, 1.0, 1.0 * np.exp(x))))
    put("elu(0.5)(specials)", np.where(x > 0, x, 0.5 * (np.exp(x) - 1)))
    put("elu(0.5).derivative(specials)", nan_at_nan(np.where(x > 0, 1.0, 0.5 * np.exp(x))))
    put("sigmoid.derivative(specials)", sigmoid(x) * (1 - sigmoid(x)))
    put("tanh.derivative(specials)", 1 - np.tanh(x) ** 2)

    # softmax over the rows of each column, shifted by the column's maximum
    S = np.array([[1, np.nan, np.inf, -np.inf, 1e308, -np.inf, 0],
                  [2, 1, 1, 0, -1e308, -np.inf, 0],
                  [3, 2, 2, 1, 0, -np.inf, 0]])
    put("S", S)
    E = np.exp(S - S.max(axis=0, keepdims=True))
    put("softmax(S)", E / E.sum(axis=0, keepdims=True))

    # ---- binary functions (BinaryOp), broadcast: every special against every special
    binary = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "**": np.power,
              "maximum": np.maximum, "minimum": np.minimum, ">": np.greater, ">=": np.greater_equal,
              "<": np.less, "<=": np.less_equal, "==": np.equal}
    for sym, f in binary.items():
        put("specials_col" + sym + "specials_row", f(col, x))
        for s in [np.nan, np.inf, 0.0, 2.0]:
            put("specials" + sym + fmt(s), f(x, s))
            put(fmt(s) + sym + "specials", f(s, x))

    # ---- reductions, keepdims=True
    R = {
        "R1": np.array([[1, np.nan, 2], [3, 4, 5]]),
        "R2": np.array([[np.inf, -np.inf, 1], [np.inf, 2, 3]]),
        # overflows in any order of addition (backends may add in another order than numpy's pairwise one)
        "R3": np.array([[1e308, 1e308], [1e308, 5]]),
        "R4": np.array([[-np.inf, -np.inf], [-np.inf, -np.inf]]),
        "E03": np.zeros((0, 3)),
        "E30": np.zeros((3, 0)),
    }
    for name, a in R.items():
        put(name, a)
        put("sum(" + name + ")", [[a.sum()]])
        put("sum0(" + name + ")", a.sum(axis=0, keepdims=True))
        put("sum1(" + name + ")", a.sum(axis=1, keepdims=True))
        put("mean(" + name + ")", [[a.mean()]])
        put("mean0(" + name + ")", a.mean(axis=0, keepdims=True))
        put("mean1(" + name + ")", a.mean(axis=1, keepdims=True))
        if a.size:
            put("max(" + name + ")", [[a.max()]])
        if a.shape[0]:
            put("max0(" + name + ")", a.max(axis=0, keepdims=True))
        if a.shape[1]:
            put("max1(" + name + ")", a.max(axis=1, keepdims=True))

    # ---- the matrix product: NaN and ±Inf meet 0 (∞·0 = NaN) and each other (∞ − ∞ = NaN)
    A = np.array([[1, np.nan], [np.inf, 0], [2, 3], [1e308, 1e308]])
    B = np.array([[0, 1, np.inf], [1, -np.inf, 0]])
    put("A", A)
    put("B", B)
    put("dot(A,B)", np.dot(A, B))

    # ---- linspace(start, stop, num), as a row
    # named by position: linspace#0 is linspace(0, 1, 5), ...
    cases = [(0, 1, 5), (np.nan, 1, 3), (0, np.inf, 3), (-np.inf, np.inf, 3), (0, 1, 1), (0, 1, 0), (2, 2, 4),
             (1e308, -1e308, 3)]
    for i, (start, stop, num) in enumerate(cases):
        put("linspace#%d" % i, np.linspace(start, stop, num).reshape(1, -1))

    # ---- the losses (dev.backprop.core.loss): per-example loss (1, m), cost and gradient dAL (n, m), each written
    # as the Java class computes it (Keras's formulas, clipped with ε = 1e-7), on predictions holding the specials
    EPS = 1e-7
    P = np.array([[np.nan, np.inf, -np.inf, 0.0, 1.0, 0.5, 1e308, 5e-324, -2.5, 0.3],
                  [0.2, 0.7, 0.1, 1.0, 0.0, np.nan, 0.5, 0.9, 3.0, -1e308]])
    Y01 = np.array([[1, 0, 1, 0, 1, 1, 0, 1, 0, 1], [0, 1, 1, 0, 0, 1, 1, 0, 1, 0]], dtype=np.float64)
    put("P", P)
    put("Y01", Y01)
    n = P.shape[0]
    clip = np.clip(P, EPS, 1 - EPS)
    msle_hat = np.maximum(P, EPS)
    msle_d = np.log(msle_hat + 1) - np.log(np.maximum(Y01, EPS) + 1)
    s = 2 * Y01 - 1
    margin = 1 - s * P
    binary = {
        "binary_crossentropy": (-np.mean(Y01 * np.log(clip) + (1 - Y01) * np.log(1 - clip), axis=0),
                                -(Y01 / clip - (1 - Y01) / (1 - clip)) / n),
        "mean_squared_error": (np.mean(np.square(P - Y01), axis=0), (P - Y01) * (2.0 / n)),
        "mean_absolute_error": (np.mean(np.abs(P - Y01), axis=0), np.sign(P - Y01) / n),
        "mean_squared_logarithmic_error": (np.mean(np.square(msle_d), axis=0), msle_d * (2.0 / n) / (msle_hat + 1)),
        "hinge": (np.mean(np.maximum(margin, 0), axis=0), -(s * (margin > 0)) / n),
        "squared_hinge": (np.mean(np.square(np.maximum(margin, 0)), axis=0),
                          s * np.maximum(margin, 0) * (-2.0 / n)),
    }
    # softmax-like outputs with the specials, one-hot labels (classes 0, 1, 2, 1, 0, 2) and label distributions
    S3 = np.array([[np.nan, np.inf, -np.inf, 0.0, 1e308, 0.2],
                   [0.3, 0.0, 0.5, 1.0, 5e-324, 0.3],
                   [0.7, 0.0, 0.5, 0.0, 0.2, 0.5]])
    labels = np.array([0, 1, 2, 1, 0, 2])
    Y3 = np.eye(3)[:, labels]
    D3 = np.array([[0.2, 0.5, 0.1, 0.0, 1.0, 0.3], [0.3, 0.5, 0.8, 1.0, 0.0, 0.3], [0.5, 0.0, 0.1, 0.0, 0.0, 0.4]])
    put("S3", S3)
    put("Y3", Y3)
    put("labels3", labels.reshape(1, -1))
    put("D3", D3)
    clip3 = np.clip(S3, EPS, 1 - EPS)
    kl_y = np.clip(D3, EPS, 1)
    kl_a = np.clip(S3, EPS, 1)
    categorical = {
        "categorical_crossentropy": (-np.sum(Y3 * np.log(clip3), axis=0), -(Y3 / clip3)),
        "sparse_categorical_crossentropy": (-np.sum(Y3 * np.log(clip3), axis=0), -(Y3 / clip3)),
        "kl_divergence": (np.sum(kl_y * np.log(kl_y / kl_a), axis=0), -(kl_y / kl_a)),
    }
    for name, (loss, grad) in list(binary.items()) + list(categorical.items()):
        put(name + ".loss", loss.reshape(1, -1))
        put(name + ".cost", [[np.mean(loss)]])
        put(name + ".gradient", grad)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="ascii", newline="\n") as f:
    f.write("# numpy %s: scripts/special_values_reference.py\n" % np.__version__)
    f.write("\n".join(lines) + "\n")
print("wrote %s (%d matrices)" % (os.path.relpath(OUT), len(lines)))
