#!/usr/bin/env python3
"""Builds the bundled scikit-learn `digits`: 1 797 handwritten digits of 8x8 pixels, each 0..16, as gzipped IDX.

Source: scikit-learn's bundled copy of the UCI "Optical Recognition of Handwritten Digits" test set
(sklearn.datasets.load_digits; BSD-3-Clause, see NOTICE), read from Debian's python3-sklearn.
Output (nn-core/src/main/resources/dev/backprop/core/data/digits/), standard IDX, gzipped with mtime 0:
    digits-images-idx3-ubyte.gz  (1797, 8, 8) uint8, values 0..16     digits-labels-idx1-ubyte.gz  (1797,) uint8
in scikit-learn's order. No split is bundled: the Java side splits it, seeded (Split).

Usage: /usr/bin/python3 scripts/data_digits.py   (Debian's Python, which has python3-sklearn)
"""
import os
import sys

import numpy as np
from sklearn.datasets import load_digits

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data_mnist  # noqa: E402  (its IDX writer)

data_mnist.OUT = os.path.join(data_mnist.ROOT, "nn-core", "src", "main", "resources", "dev", "backprop", "core",
                              "data", "digits")


def main():
    digits = load_digits()
    images = digits.images
    assert images.shape == (1797, 8, 8) and images.min() == 0 and images.max() == 16
    assert np.array_equal(images, np.rint(images))
    os.makedirs(data_mnist.OUT, exist_ok=True)
    data_mnist.write_idx("digits-images-idx3-ubyte.gz", images.astype(np.uint8))
    data_mnist.write_idx("digits-labels-idx1-ubyte.gz", digits.target.astype(np.uint8))
    print("digits", np.bincount(digits.target).tolist())


if __name__ == "__main__":
    main()
