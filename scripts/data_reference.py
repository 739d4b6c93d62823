#!/usr/bin/env python3
"""Reference files for the Java tests of core.data (.npy/.npz) and core.metrics (scikit-learn's reports).

Run with Debian's Python, which has scikit-learn (python3-sklearn 1.2.1, numpy 1.24.2):
    /usr/bin/python3 scripts/data_reference.py
It writes
  nn-core/src/test/resources/dev/backprop/core/metrics/sklearn_reference.txt
      for each case: y_true, y_pred, str(confusion_matrix(...)), classification_report(...) verbatim, and the
      micro/macro/weighted precision, recall and F1 of precision_recall_fscore_support (repr, exact); then
      mean_absolute_error, mean_squared_error and r2_score of a few regressions.
  nn-core/src/test/resources/dev/backprop/core/data/npy/*.npy, *.npz
      arrays written by np.save / np.savez in many dtypes, byte orders and orders. Each numeric array holds
      np.arange(size).reshape(shape) (cast to its dtype), so the Java test knows its values; f8_2x3.npy is
      np.arange(6).reshape(2, 3) / 7, which Java's Npy.toBytes must reproduce byte for byte (the format rule
      np.save follows: version 1.0, the header dict padded with spaces to a multiple of 64 bytes, a newline).
The tests never call Python; rerun this script only when the reference itself must change.
"""
import json
import os
import warnings
import zipfile

import numpy as np
from sklearn.metrics import (classification_report, confusion_matrix, mean_absolute_error, mean_squared_error,
                             precision_recall_fscore_support, r2_score)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST = os.path.join(ROOT, "nn-core", "src", "test", "resources", "dev", "backprop", "core")
warnings.simplefilter("ignore")  # zero_division warnings: the value is 0, as the Java side gives


def cases():
    rng = np.random.RandomState(3)
    y = rng.randint(0, 2, 50)
    yield "binary", 2, 2, None, y, np.where(rng.rand(50) < 0.8, y, 1 - y)
    y = rng.randint(0, 3, 30)
    yield "three-classes", 3, 2, None, y, np.where(rng.rand(30) < 0.6, y, rng.randint(0, 3, 30))
    y = rng.randint(0, 10, 200)
    p = np.where(rng.rand(200) < 0.7, y, rng.randint(0, 10, 200))
    p[p == 7] = 1  # class 7 is never predicted: its precision is 0/0, reported as 0
    yield "ten-classes-one-never-predicted", 10, 2, None, y, p
    y = rng.randint(0, 3, 40)
    yield "named-four-digits", 3, 4, ["cat", "dog", "a rather long class name"], y, \
        np.where(rng.rand(40) < 0.5, y, rng.randint(0, 3, 40))
    y = np.array([0] * 95 + [1] * 5)
    yield "imbalanced-majority-predictor", 2, 2, None, y, np.zeros(100, dtype=int)


def write_metrics():
    os.makedirs(os.path.join(TEST, "metrics"), exist_ok=True)
    with open(os.path.join(TEST, "metrics", "sklearn_reference.txt"), "w") as f:
        f.write("# written by scripts/data_reference.py with scikit-learn; do not edit\n")
        for name, classes, digits, names, y_true, y_pred in cases():
            f.write(f"@@ case {name} {classes} {digits} {'|'.join(names) if names else '-'}\n")
            f.write("@@ y_true\n" + " ".join(map(str, y_true)) + "\n")
            f.write("@@ y_pred\n" + " ".join(map(str, y_pred)) + "\n")
            f.write("@@ confusion_matrix\n" + str(confusion_matrix(y_true, y_pred)) + "\n")
            f.write("@@ classification_report\n" + classification_report(y_true, y_pred, target_names=names,
                                                                         digits=digits))
            f.write("@@ averages\n")
            for average in ("micro", "macro", "weighted"):
                p, r, f1, _ = precision_recall_fscore_support(y_true, y_pred, average=average)
                f.write(f"{average} {float(p).hex()} {float(r).hex()} {float(f1).hex()}\n")
            f.write("@@ end\n")
        rng = np.random.RandomState(5)
        regressions = [("noisy", np.arange(-7.0, 15.0, 3.0), None),
                       ("constant-y-perfect", np.full(5, 2.0), np.full(5, 2.0)),
                       ("constant-y-off", np.full(5, 2.0), np.arange(5.0))]
        for name, y, yhat in regressions:
            if yhat is None:
                yhat = y + 10 + rng.randn(len(y))
            f.write(f"@@ regression {name}\n" + " ".join(float(v).hex() for v in y) + "\n"
                    + " ".join(float(v).hex() for v in yhat) + "\n")
            f.write(f"{float(mean_absolute_error(y, yhat)).hex()} {float(mean_squared_error(y, yhat)).hex()} "
                    f"{float(r2_score(y, yhat)).hex()}\n")


def write_npy():
    out = os.path.join(TEST, "data", "npy")
    os.makedirs(out, exist_ok=True)
    numeric = ["<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4", "<i2", "|i1", "|u1", "<u2", "<u4", ">u8"]
    for dtype in numeric:
        a = np.arange(12).reshape(3, 4).astype(np.dtype(dtype))
        np.save(os.path.join(out, f"arange_3x4_{dtype[1:]}_{'big' if dtype[0] == '>' else 'little'}.npy"), a)
    np.save(os.path.join(out, "arange_3x4_b1.npy"), np.arange(12).reshape(3, 4) % 2 == 1)
    np.save(os.path.join(out, "arange_3x4_f8_fortran.npy"), np.asfortranarray(np.arange(12.0).reshape(3, 4)))
    np.save(os.path.join(out, "arange_2x3x4_f8_fortran.npy"), np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
    np.save(os.path.join(out, "arange_5_f8.npy"), np.arange(5.0))
    np.save(os.path.join(out, "scalar_f8.npy"), np.array(12.0).reshape(()))
    np.save(os.path.join(out, "f8_2x3.npy"), np.arange(6).reshape(2, 3) / 7)
    np.save(os.path.join(out, "f8_4x1.npy"), np.arange(4).reshape(4, 1) / 7)
    np.save(os.path.join(out, "unsupported_c16.npy"), np.arange(3) * (1 + 1j))
    np.save(os.path.join(out, "unsupported_U2.npy"), np.array(["a", "bc"]))
    np.save(os.path.join(out, "unsupported_f2.npy"), np.arange(3, dtype=np.float16))
    np.save(os.path.join(out, "unsupported_structured.npy"), np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))
    # a model saved by Python: the two-layer network's parameters, with its architecture beside them
    W1 = np.arange(6).reshape(3, 2) / 7
    b1 = np.arange(3).reshape(3, 1) / 11
    W2 = np.arange(3).reshape(1, 3) / 13
    b2 = np.array([[0.5]])
    path = os.path.join(out, "python_model.npz")
    np.savez(path, W1=W1, b1=b1, W2=W2, b2=b2)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("architecture.json", json.dumps({"layers": [2, 3, 1], "activations": ["tanh", "sigmoid"]}))
    np.savez_compressed(os.path.join(out, "python_model_compressed.npz"), W1=W1, b1=b1.ravel())
    # a data set in Keras's layout (examples along the first axis)
    x = np.arange(5 * 2 * 3, dtype=np.uint8).reshape(5, 2, 3)
    np.savez(os.path.join(out, "keras_layout.npz"), x_train=x[:4], y_train=np.array([0, 1, 2, 1], np.uint8),
             x_test=x[4:], y_test=np.array([2], np.uint8))


if __name__ == "__main__":
    write_metrics()
    write_npy()
