#!/usr/bin/env python3
"""Reference values for the exercise sets whose functions the engine does not have (yet): optimization,
regularization and evaluation. The functions are the DLS assignments' ("Optimization Methods", "Regularization")
in plain numpy, and scikit-learn's metrics where it is installed; the inputs are the grader's seeded inputs,
drawn here the way the Java grader draws them (dev.backprop.exercises.sets.*Set).

The test ExerciseReferenceTests checks that each set's reference solution (exercises/src/solution/java) returns
these values, so the solutions the grader compares students with cannot drift from numpy.

Usage: python3 scripts/exercises_reference.py   (writes exercises/src/test/resources/dev/backprop/exercises/...)
The tests never call Python; rerun this script only when the reference itself must change.
"""
import math
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "exercises", "src", "test", "resources", "dev", "backprop", "exercises",
                   "exercises_reference.txt")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workshop_reference  # noqa: E402  (its reference-file Writer)
from deep_reference import L_model_forward, L_model_backward, compute_cost  # noqa: E402


def randn(seed, *shape):
    np.random.seed(seed)
    return np.random.randn(*shape)


# ---------------------------------------------------------------- the grader's inputs (DeepSet, OptimizationSet)

DIMS = [5, 4, 3, 1]
X = randn(1, 5, 4)
Y = np.array([[1., 0., 1., 1.]])


def parameters():
    """He-scaled weights drawn with seed 1 in layer order, biases randn(20 + l) * 0.1."""
    np.random.seed(1)
    p = {}
    for l in range(1, len(DIMS)):
        p['W' + str(l)] = np.random.randn(DIMS[l], DIMS[l - 1]) * np.sqrt(2. / DIMS[l - 1])
    for l in range(1, len(DIMS)):
        p['b' + str(l)] = randn(20 + l, DIMS[l], 1) * 0.1
    return p


def moments(seed, squared):
    p = parameters()
    v = {}
    for l in range(1, len(DIMS)):
        w = randn(seed + l, *p['W' + str(l)].shape) * 0.1
        b = randn(seed + 10 + l, *p['b' + str(l)].shape) * 0.1
        v['dW' + str(l)] = w ** 2 if squared else w
        v['db' + str(l)] = b ** 2 if squared else b
    return v


# ---------------------------------------------------------------- DLS "Optimization Methods"

def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete = math.floor(m / mini_batch_size)
    for k in range(0, num_complete):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads['dW' + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads['db' + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for g in ("dW", "db"):
            k = g + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            v_corrected = v[k] / (1 - np.power(beta1, t))
            s[k] = beta2 * s[k] + (1 - beta2) * np.power(grads[k], 2)
            s_corrected = s[k] / (1 - np.power(beta2, t))
            p = g[1:] + str(l)
            parameters[p] = parameters[p] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def update_lr(learning_rate0, epoch_num, decay_rate):
    return 1 / (1 + decay_rate * epoch_num) * learning_rate0


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0


def write_step(w, prefix, parameters, v, s=None):
    for l in range(1, len(DIMS)):
        w.matrix(f"{prefix}.W{l}", parameters['W' + str(l)])
        w.matrix(f"{prefix}.b{l}", parameters['b' + str(l)])
    for name, m in (("v", v), ("s", s)):
        if m is not None:
            for l in range(1, len(DIMS)):
                w.matrix(f"{prefix}.{name}dW{l}", m['dW' + str(l)])
                w.matrix(f"{prefix}.{name}db{l}", m['db' + str(l)])


def optimization(w):
    Xm = randn(3, 2, 10)
    np.random.seed(4)
    Ym = (np.random.rand(1, 10) > 0.5).astype(float)
    for k, (bx, by) in enumerate(random_mini_batches(Xm, Ym, 4, 0)):
        w.matrix(f"random_mini_batches.mini_batch_X{k}", bx)
        w.matrix(f"random_mini_batches.mini_batch_Y{k}", by)
    for l in range(1, len(DIMS)):
        w.matrix(f"initialize_velocity.vdW{l}", np.zeros(parameters()['W' + str(l)].shape))
        w.matrix(f"initialize_velocity.vdb{l}", np.zeros(parameters()['b' + str(l)].shape))
    AL, caches = L_model_forward(X, parameters())
    grads = L_model_backward(AL, Y, caches)
    p, v = update_parameters_with_momentum(parameters(), grads, moments(40, False), 0.9, 0.01)
    write_step(w, "update_parameters_with_momentum", p, v)
    p, v, s = update_parameters_with_adam(parameters(), grads, moments(50, False), moments(60, True), 2, 0.01,
                                          0.9, 0.999, 1e-8)
    write_step(w, "update_parameters_with_adam", p, v, s)
    w.matrix("update_lr.learning_rate", update_lr(0.5, 2, 1.0))
    w.matrix("schedule_lr_decay.learning_rate", schedule_lr_decay(0.5, 100, 0.3, 30))


# ---------------------------------------------------------------- DLS "Regularization"

def regularization(w):
    lambd, keep_prob = 0.7, 0.8
    p = parameters()
    AL, caches = L_model_forward(X, p)
    m = Y.shape[1]
    L2 = sum(np.sum(np.square(p['W' + str(l)])) for l in range(1, len(DIMS)))
    w.matrix("compute_cost_with_regularization.cost", compute_cost(AL, Y) + lambd / (2 * m) * L2)
    grads = L_model_backward(AL, Y, caches)
    for l in range(1, len(DIMS)):
        w.matrix(f"backward_propagation_with_regularization.dW{l}", grads['dW' + str(l)] + lambd / m * p['W' + str(l)])
        w.matrix(f"backward_propagation_with_regularization.db{l}", grads['db' + str(l)])
        w.matrix(f"backward_propagation_with_regularization.dA{l - 1}", grads['dA' + str(l - 1)])
    A = randn(17, 4, 5)
    np.random.seed(1)
    D = (np.random.rand(4, 5) < keep_prob).astype(float)
    w.matrix("dropout_forward.A", A * D / keep_prob)
    w.matrix("dropout_forward.D", D)
    dA = randn(18, 4, 5)
    w.matrix("dropout_backward.dA", dA * D / keep_prob)


# ---------------------------------------------------------------- evaluation (scikit-learn where installed)

def evaluation(w):
    y = np.array([0, 1, 2, 2, 1, 0, 2, 1, 1, 2])
    p = np.array([0, 2, 2, 1, 1, 0, 2, 0, 1, 2])
    yb = np.array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    pb = np.array([1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0])
    try:
        from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score
        C = confusion_matrix(y, p, labels=[0, 1, 2])
        P, R, F = precision_score(yb, pb), recall_score(yb, pb), f1_score(yb, pb)
        source = "scikit-learn"
    except ImportError:
        C = np.zeros((3, 3))
        np.add.at(C, (y, p), 1)
        tp, fp, fn = np.sum(yb * pb), np.sum((1 - yb) * pb), np.sum(yb * (1 - pb))
        P, R = tp / (tp + fp), tp / (tp + fn)
        F = 2 * P * R / (P + R)
        source = "numpy"
    w.matrix("confusion_matrix.C", C)
    w.matrix("precision.precision", P)
    w.matrix("recall.recall", R)
    w.matrix("f1_score.f1", F)
    return source


if __name__ == "__main__":
    w = workshop_reference.Writer(OUT, "reference values of the exercise sets optimization, regularization and"
                                       " evaluation", script="exercises_reference.py")
    optimization(w)
    regularization(w)
    source = evaluation(w)
    w.f.write(f"# evaluation metrics computed with {source}\n")
    w.close()
    print("wrote", os.path.relpath(OUT, ROOT), "(evaluation with " + source + ")")
