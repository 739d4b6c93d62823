#!/usr/bin/env python3
"""Reference points for the Java tests of the generated 2-D datasets (dev.backprop.core.data).

Each generator is here twice: as scikit-learn calls it (make_moons, make_circles, make_blobs, drawing from numpy's
global RandomState because random_state=None), and as a short numpy port of scikit-learn's algorithm, which
optim_reference.py imports (its interpreter may have no scikit-learn). When scikit-learn is importable the script
asserts that the two agree bit for bit; the Java ports follow the numpy ports line by line.

The TensorFlow Playground's four datasets follow its dataset.ts (classifyCircleData, classifyXORData,
classifyTwoGaussData, classifySpiralData) and playground.ts (shuffle, then the train/test split), with one
departure: JavaScript's Math.random (seeded there by seedrandom) is replaced by numpy's np.random.random_sample()
after np.random.seed(seed), so the points are reproducible here. Labels -1/+1 become 0/1.

Format: scripts/workshop_reference.py's (name rows cols, then the values as float.hex()).
Usage: /usr/bin/python3 scripts/datasets_reference.py   (needs numpy; scikit-learn to cross-check)
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workshop_reference  # noqa: E402  (its reference-file Writer)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "nn-core", "src", "test", "resources", "dev", "backprop", "core", "data")


# ---------------------------------------------------------------- scikit-learn's algorithms, in numpy

def sklearn_shuffle(X, y):
    """sklearn.utils.shuffle(X, y, random_state=np.random.mtrand._rand): arange, then RandomState.shuffle."""
    indices = np.arange(X.shape[0])
    np.random.shuffle(indices)
    return X[indices], y[indices]


def make_moons(n_samples=100, shuffle=True, noise=None):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    outer_x = np.cos(np.linspace(0, np.pi, n_out))
    outer_y = np.sin(np.linspace(0, np.pi, n_out))
    inner_x = 1 - np.cos(np.linspace(0, np.pi, n_in))
    inner_y = 1 - np.sin(np.linspace(0, np.pi, n_in)) - 0.5
    X = np.vstack([np.append(outer_x, inner_x), np.append(outer_y, inner_y)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    if shuffle:
        X, y = sklearn_shuffle(X, y)
    if noise is not None:
        X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_circles(n_samples=100, shuffle=True, noise=None, factor=0.8):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    linspace_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    linspace_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.append(np.cos(linspace_out), np.cos(linspace_in) * factor),
                   np.append(np.sin(linspace_out), np.sin(linspace_in) * factor)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    if shuffle:
        X, y = sklearn_shuffle(X, y)
    if noise is not None:
        X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_blobs(n_samples=100, n_features=2, centers=3, cluster_std=1.0, center_box=(-10.0, 10.0), shuffle=True):
    centers = np.random.uniform(center_box[0], center_box[1], size=(centers, n_features))
    k = centers.shape[0]
    per_center = [n_samples // k] * k
    for i in range(n_samples % k):
        per_center[i] += 1
    X = np.empty((n_samples, n_features))
    y = np.empty((n_samples,), dtype=int)
    start = 0
    for i, n in enumerate(per_center):
        X[start:start + n] = np.random.normal(loc=centers[i], scale=cluster_std, size=(n, n_features))
        y[start:start + n] = i
        start += n
    if shuffle:
        X, y = sklearn_shuffle(X, y)
    return X, y


def xor(m):
    """scikit-learn's XOR example (plot_svm_nonlinear): X = randn(m, 2), y = xor(x1 > 0, x2 > 0)."""
    X = np.random.randn(m, 2)
    y = np.logical_xor(X[:, 0] > 0, X[:, 1] > 0).astype(int)
    return X, y


# ---------------------------------------------------------------- the TensorFlow Playground's dataset.ts

def rand_uniform(a, b):
    return np.random.random_sample() * (b - a) + a


def normal_random(mean, variance):
    while True:
        v1 = 2 * np.random.random_sample() - 1
        v2 = 2 * np.random.random_sample() - 1
        s = v1 * v1 + v2 * v2
        if s <= 1:
            break
    result = np.sqrt(-2 * np.log(s) / s) * v1
    return mean + np.sqrt(variance) * result


def playground_circle(n, noise):
    points = []
    radius = 5.0
    for lo, hi in ((0, radius * 0.5), (radius * 0.7, radius)):
        for _ in range(math.ceil(n / 2)):          # for (i = 0; i < numSamples / 2; i++)
            r = rand_uniform(lo, hi)
            angle = rand_uniform(0, 2 * np.pi)
            x = r * np.sin(angle)
            y = r * np.cos(angle)
            noise_x = rand_uniform(-radius, radius) * noise
            noise_y = rand_uniform(-radius, radius) * noise
            dx, dy = x + noise_x, y + noise_y
            label = 1 if np.sqrt(dx * dx + dy * dy) < radius * 0.5 else 0
            points.append((x, y, label))
    return points


def playground_xor(n, noise):
    points = []
    padding = 0.3
    for _ in range(n):
        x = rand_uniform(-5, 5)
        x += padding if x > 0 else -padding
        y = rand_uniform(-5, 5)
        y += padding if y > 0 else -padding
        noise_x = rand_uniform(-5, 5) * noise
        noise_y = rand_uniform(-5, 5) * noise
        # as dataset.ts: the noisy point decides the label, the point itself stays where it was drawn
        label = 1 if (x + noise_x) * (y + noise_y) >= 0 else 0
        points.append((x, y, label))
    return points


def playground_gauss(n, noise):
    points = []
    variance = 0.5 + (4 - 0.5) * (noise / 0.5)   # d3.scale.linear().domain([0, .5]).range([0.5, 4])
    for cx, cy, label in ((2, 2, 1), (-2, -2, 0)):
        for _ in range(math.ceil(n / 2)):
            x = normal_random(cx, variance)
            y = normal_random(cy, variance)
            points.append((x, y, label))
    return points


def playground_spiral(n, noise):
    points = []
    half = n / 2
    for delta_t, label in ((0, 1), (np.pi, 0)):
        for i in range(math.ceil(half)):
            r = i / half * 5
            t = 1.75 * i / half * 2 * np.pi + delta_t
            x = r * np.sin(t) + rand_uniform(-1, 1) * noise
            y = r * np.cos(t) + rand_uniform(-1, 1) * noise
            points.append((x, y, label))
    return points


def playground(generator, n, noise, train_ratio, seed):
    """playground.ts: generate, shuffle (Fisher-Yates from the end), split at floor(len * ratio)."""
    np.random.seed(seed)
    points = generator(n, noise)
    counter = len(points)
    while counter > 0:
        index = int(np.floor(np.random.random_sample() * counter))
        counter -= 1
        points[counter], points[index] = points[index], points[counter]
    split = int(np.floor(len(points) * train_ratio))
    return points[:split], points[split:]


def columns(points):
    a = np.array(points, dtype=np.float64)
    return a[:, :2].T, a[:, 2:].T


def write_xy(w, name, X, y):
    w.matrix(name + "_X", np.asarray(X).T)
    w.matrix(name + "_Y", np.asarray(y).reshape(1, -1))


def main():
    try:
        import sklearn.datasets as skd
    except ImportError:
        skd = None
        print("scikit-learn is not importable: writing the numpy ports without the cross-check")
    cases = [
        ("moons_300_noise02_seed3", 3, lambda: make_moons(300, noise=.2),
         lambda: skd.make_moons(n_samples=300, noise=.2)),
        ("moons_7_seed0", 0, lambda: make_moons(7), lambda: skd.make_moons(n_samples=7)),
        ("circles_300_noise005_seed1", 1, lambda: make_circles(300, noise=.05),
         lambda: skd.make_circles(n_samples=300, noise=.05)),
        ("circles_101_noise01_factor05_seed2", 2, lambda: make_circles(101, noise=.1, factor=.5),
         lambda: skd.make_circles(n_samples=101, noise=.1, factor=.5)),
        ("blobs_100_seed0", 0, lambda: make_blobs(100), lambda: skd.make_blobs(n_samples=100)),
        ("blobs_50_4centers_std05_seed7", 7, lambda: make_blobs(50, centers=4, cluster_std=0.5),
         lambda: skd.make_blobs(n_samples=50, centers=4, cluster_std=0.5)),
    ]
    w = workshop_reference.Writer(os.path.join(RES, "datasets.txt"),
                                  "generated 2-D datasets: X (2, m), Y (1, m); scikit-learn " +
                                  (skd and __import__("sklearn").__version__ or "not installed"),
                                  script="datasets_reference.py")
    for name, seed, ours, theirs in cases:
        np.random.seed(seed)
        X, y = ours()
        if skd is not None:
            np.random.seed(seed)
            Xs, ys = theirs()
            assert np.array_equal(X, Xs) and np.array_equal(y, ys), name + ": the numpy port differs from sklearn"
        write_xy(w, name, X, y)
    np.random.seed(1)
    write_xy(w, "xor_200_seed1", *xor(200))
    for name, gen, n, noise, ratio, seed in [
        ("playground_circle", playground_circle, 200, 0.1, 0.5, 1),
        ("playground_xor", playground_xor, 200, 0.1, 0.5, 2),
        ("playground_gauss", playground_gauss, 200, 0.2, 0.7, 3),
        ("playground_spiral", playground_spiral, 200, 0.15, 0.5, 4),
        ("playground_circle_odd", playground_circle, 51, 0.0, 0.8, 5),
        ("playground_spiral_odd", playground_spiral, 51, 0.0, 0.6, 6),
    ]:
        train, test = playground(gen, n, noise, ratio, seed)
        for part, points in (("train", train), ("test", test)):
            X, Y = columns(points)
            w.matrix(f"{name}_{part}_X", X)
            w.matrix(f"{name}_{part}_Y", Y)
    w.close()
    print("wrote", os.path.join(RES, "datasets.txt"))


if __name__ == "__main__":
    main()
