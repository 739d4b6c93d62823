#!/usr/bin/env python3
"""Reference values for the training toolkit's tests (nn-core, package dev.backprop.core.train).

The DLS functions as the Deep Learning Specialization writes them: logistic regression's propagate/optimize on the
assignment's own test case, L_model_backward's unclipped dAL on a saturated output, a dropout mask
(rand(A.shape) < keep_prob) and random_mini_batches' permutation with the DLS model()'s seed + 1.

Usage: python3 scripts/train_reference.py   (writes nn-core/src/test/resources/dev/backprop/core/train/train_reference.txt)
The tests never call Python.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workshop_reference import RES, Writer  # noqa: E402


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(cost)


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


def main():
    out = Writer(os.path.join(RES, "train", "train_reference.txt"), "training toolkit references",
                 script="train_reference.py")
    # DLS "Logistic Regression with a Neural Network mindset": the optimize test case
    w, b = np.array([[1.], [2.]]), 2.
    X = np.array([[1., 2., -1.], [3., 4., -3.2]])
    Y = np.array([[1, 0, 1]])
    params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009)
    out.matrix("optimize_w", params["w"].T)
    out.matrix("optimize_b", params["b"])
    out.matrix("optimize_dw", grads["dw"].T)
    out.matrix("optimize_db", grads["db"])
    out.matrix("optimize_costs", np.array(costs))
    # a dropout mask: np.random.seed(1); D = np.random.rand(3, 5) < 0.8
    np.random.seed(1)
    out.matrix("dropout_mask", (np.random.rand(3, 5) < 0.8).astype(np.float64))
    # random_mini_batches in DLS model(): seed = 10, then seed + 1 before the first epoch
    np.random.seed(11)
    out.matrix("permutation_seed11_m10", np.random.permutation(10))
    out.close()


if __name__ == "__main__":
    main()
