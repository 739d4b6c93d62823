#!/usr/bin/env python3
"""Reference values for the Java tests of the optimizers, the learning-rate schedules, the initializers and the
functions of the Deep Learning Specialization's "Optimization Methods", "Regularization" and "Initialization"
assignments (dev.backprop.core.optim, dev.backprop.core.init, dev.backprop.core.model.Optimization and
Regularization).

The DLS functions are written here as the assignments define them (random_mini_batches, initialize_velocity,
update_parameters_with_momentum, initialize_adam, update_parameters_with_adam, update_lr, schedule_lr_decay, model;
compute_cost_with_regularization, backward_propagation_with_regularization, forward_propagation_with_dropout,
backward_propagation_with_dropout; initialize_parameters_zeros/_random/_he) with the helpers of opt_utils and
reg_utils they call. The optimizers the assignments do not have (Nesterov, RMSProp, Adagrad, Adadelta) follow
Keras's update formulas, one line each. make_moons is scikit-learn's algorithm (datasets_reference.py checks the
port against scikit-learn itself).

Every file has the format of scripts/workshop_reference.py (name rows cols, then the values as float.hex()).
Usage: python3 scripts/optim_reference.py   (numpy only; writes nn-core/src/test/resources/dev/backprop/core/optim/)
The tests never call Python; rerun this script only when the reference itself must change.
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workshop_reference  # noqa: E402  (its reference-file Writer)
from datasets_reference import make_moons  # noqa: E402  (scikit-learn's make_moons, in numpy)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "nn-core", "src", "test", "resources", "dev", "backprop", "core", "optim")


def Writer(name, what):
    return workshop_reference.Writer(os.path.join(RES, name), what, script="optim_reference.py")


# ---------------------------------------------------------------- optimizers, one step each (DLS and Keras)

def gd(state, theta, g, lr):
    return theta - lr * g


def momentum(state, theta, g, lr, beta=0.9):            # DLS update_parameters_with_momentum
    state["v"] = beta * state.get("v", np.zeros_like(theta)) + (1 - beta) * g
    return theta - lr * state["v"]


def nesterov(state, theta, g, lr, mu=0.9):              # Keras SGD(momentum=mu, nesterov=True)
    state["v"] = mu * state.get("v", np.zeros_like(theta)) - lr * g
    return theta + mu * state["v"] - lr * g


def rmsprop(state, theta, g, lr, rho=0.9, eps=1e-7):    # Keras RMSprop
    state["s"] = rho * state.get("s", np.zeros_like(theta)) + (1 - rho) * np.square(g)
    return theta - lr * g / np.sqrt(state["s"] + eps)


def adagrad(state, theta, g, lr, initial=0.1, eps=1e-7):   # Keras Adagrad
    state["G"] = state.get("G", np.full(theta.shape, initial)) + np.square(g)
    return theta - lr * g / np.sqrt(state["G"] + eps)


def adadelta(state, theta, g, lr, rho=0.95, eps=1e-7):  # Keras Adadelta
    state["Eg"] = rho * state.get("Eg", np.zeros_like(theta)) + (1 - rho) * np.square(g)
    delta = -np.sqrt(state.get("Ed", np.zeros_like(theta)) + eps) * g / np.sqrt(state["Eg"] + eps)
    state["Ed"] = rho * state.get("Ed", np.zeros_like(theta)) + (1 - rho) * np.square(delta)
    return theta + lr * delta


def adam(state, theta, g, lr, t, beta1=0.9, beta2=0.999, eps=1e-8):   # DLS update_parameters_with_adam
    state["v"] = beta1 * state.get("v", np.zeros_like(theta)) + (1 - beta1) * g
    v_corrected = state["v"] / (1 - np.power(beta1, t))
    state["s"] = beta2 * state.get("s", np.zeros_like(theta)) + (1 - beta2) * np.power(g, 2)
    s_corrected = state["s"] / (1 - np.power(beta2, t))
    return theta - lr * v_corrected / (np.sqrt(s_corrected) + eps)


# ---------------------------------------------------------------- schedules

def update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))


def step_decay(lr0, drop, epochs_per_drop, epoch):
    return lr0 * math.pow(drop, math.floor(epoch / epochs_per_drop))


def exponential_decay(lr0, decay_rate, decay_steps, epoch):   # Keras ExponentialDecay, staircase=False
    return lr0 * math.pow(decay_rate, epoch / decay_steps)


def optimizers():
    w = Writer("optimizers.txt", "every optimizer on f(θ) = Σ ½cθ² + dθ (g = c⊙θ + d), after 1 and 100 steps")
    np.random.seed(1)
    shapes = [(3, 2), (3, 1), (1, 3), (1, 1)]
    theta0 = [np.random.randn(*s) for s in shapes]
    c = [np.random.uniform(0.5, 2.0, s) for s in shapes]
    d = [np.random.randn(*s) for s in shapes]
    for i in range(4):
        w.matrix(f"theta0_{i}", theta0[i])
        w.matrix(f"c_{i}", c[i])
        w.matrix(f"d_{i}", d[i])
    runs = {
        "gd": lambda st, th, g, t, e: gd(st, th, g, 0.1),
        "momentum": lambda st, th, g, t, e: momentum(st, th, g, 0.1, 0.9),
        "nesterov": lambda st, th, g, t, e: nesterov(st, th, g, 0.05, 0.9),
        "rmsprop": lambda st, th, g, t, e: rmsprop(st, th, g, 0.01),
        "adagrad": lambda st, th, g, t, e: adagrad(st, th, g, 0.1),
        "adadelta": lambda st, th, g, t, e: adadelta(st, th, g, 1.0),
        "adam": lambda st, th, g, t, e: adam(st, th, g, 0.01, t),
        # one step per epoch, the learning rate of that epoch from the schedule
        "adam_update_lr": lambda st, th, g, t, e: adam(st, th, g, update_lr(0.01, e, 0.1), t),
        "gd_schedule_lr_decay": lambda st, th, g, t, e: gd(st, th, g, schedule_lr_decay(0.1, e, 0.5, 10)),
        "momentum_step_decay": lambda st, th, g, t, e: momentum(st, th, g, step_decay(0.1, 0.5, 30, e), 0.9),
        "rmsprop_exponential_decay": lambda st, th, g, t, e: rmsprop(st, th, g,
                                                                     exponential_decay(0.01, 0.9, 20, e)),
    }
    for name, step in runs.items():
        states = [{} for _ in shapes]
        theta = [x.copy() for x in theta0]
        for k in range(100):
            grads = [c[i] * theta[i] + d[i] for i in range(4)]
            theta = [step(states[i], theta[i], grads[i], k + 1, k) for i in range(4)]
            if k + 1 in (1, 100):
                for i in range(4):
                    w.matrix(f"{name}_{k + 1}_{i}", theta[i])
    w.close()


def schedules():
    w = Writer("schedules.txt", "learning-rate schedules at the epochs of the matrix 'epochs'")
    epochs = sorted(set(range(0, 3000, 13)) | {1, 2, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 1999, 2000, 2999})
    w.matrix("epochs", epochs)
    w.matrix("update_lr_0.01_1", [update_lr(0.01, e, 1) for e in epochs])
    w.matrix("update_lr_0.1_0.3", [update_lr(0.1, e, 0.3) for e in epochs])
    w.matrix("schedule_lr_decay_0.1_1_1000", [schedule_lr_decay(0.1, e, 1) for e in epochs])
    w.matrix("schedule_lr_decay_0.01_0.3_100", [schedule_lr_decay(0.01, e, 0.3, 100) for e in epochs])
    w.matrix("step_decay_0.1_0.5_10", [step_decay(0.1, 0.5, 10, e) for e in epochs])
    w.matrix("exponential_decay_0.1_0.96_100", [exponential_decay(0.1, 0.96, 100, e) for e in epochs])
    w.close()


# ---------------------------------------------------------------- DLS "Optimization Methods" (+ opt_utils)

def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete_minibatches * mini_batch_size:],
                             shuffled_Y[:, num_complete_minibatches * mini_batch_size:]))
    return mini_batches


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = p + str(l)
            v["d" + k] = beta * v["d" + k] + (1 - beta) * grads["d" + k]
            parameters[k] = parameters[k] - learning_rate * v["d" + k]
    return parameters, v


def initialize_adam(parameters):
    return initialize_velocity(parameters), initialize_velocity(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = p + str(l)
            v["d" + k] = beta1 * v["d" + k] + (1 - beta1) * grads["d" + k]
            v_corrected["d" + k] = v["d" + k] / (1 - np.power(beta1, t))
            s["d" + k] = beta2 * s["d" + k] + (1 - beta2) * np.power(grads["d" + k], 2)
            s_corrected["d" + k] = s["d" + k] / (1 - np.power(beta2, t))
            parameters[k] = parameters[k] - learning_rate * v_corrected["d" + k] / (
                np.sqrt(s_corrected["d" + k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def initialize_parameters(layer_dims):            # opt_utils: He, seeded 3
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(
            2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):           # opt_utils / reg_utils
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


def compute_cost_total(a3, Y):                    # opt_utils compute_cost: the sum over the mini-batch
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return np.sum(logprobs)


def backward_propagation(X, Y, cache):            # opt_utils
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3, "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def predict_accuracy(X, y, parameters):           # opt_utils predict, without the print
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    return np.mean(p[0, :] == y[0, :])


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9,
          beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1, snapshot_epochs=()):
    costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    learning_rate0 = learning_rate
    lrs = []
    snapshots = {}
    parameters = initialize_parameters(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost_total(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        if i % 100 == 0:
            costs.append(cost_avg)
            lrs.append(learning_rate)
        if i + 1 in snapshot_epochs:
            snapshots[i + 1] = {k: a.copy() for k, a in parameters.items()}
    return parameters, costs, lrs, snapshots


def dls_optimization():
    w = Writer("optimization.txt", "DLS Optimization Methods: mini-batches, momentum, Adam, decay and model runs")
    # random_mini_batches: m = 148 (two full batches of 64 and one of 20), seed 0
    np.random.seed(1)
    X = np.random.randn(5, 148)
    Y = (np.random.randn(1, 148) < 0.5).astype(np.float64)
    w.matrix("minibatch_X", X)
    w.matrix("minibatch_Y", Y)
    np.random.seed(0)
    w.matrix("minibatch_permutation", np.random.permutation(148))
    for k, (mx, my) in enumerate(random_mini_batches(X, Y, 64, 0)):
        w.matrix(f"minibatch_{k}_X", mx)
        w.matrix(f"minibatch_{k}_Y", my)

    # one momentum step and two Adam steps (t = 1, 2) on the 2-layer test parameters
    np.random.seed(1)
    parameters = {"W1": np.random.randn(2, 3), "b1": np.random.randn(2, 1),
                  "W2": np.random.randn(3, 3), "b2": np.random.randn(3, 1)}
    grads = {"dW1": np.random.randn(2, 3), "db1": np.random.randn(2, 1),
             "dW2": np.random.randn(3, 3), "db2": np.random.randn(3, 1)}
    for k in ("W1", "b1", "W2", "b2"):
        w.matrix("step_" + k, parameters[k])
        w.matrix("step_d" + k, grads["d" + k])
    p, v = update_parameters_with_momentum(dict(parameters), grads, initialize_velocity(parameters), 0.9, 0.01)
    for k in ("W1", "b1", "W2", "b2"):
        w.matrix("momentum_" + k, p[k])
        w.matrix("momentum_v_d" + k, v["d" + k])
    v, s = initialize_adam(parameters)
    p = dict(parameters)
    for t in (1, 2):
        p, v, s, vc, sc = update_parameters_with_adam(p, grads, v, s, t, 0.01, 0.9, 0.999, 1e-8)
        for k in ("W1", "b1", "W2", "b2"):
            w.matrix(f"adam_t{t}_" + k, p[k])
            w.matrix(f"adam_t{t}_v_d" + k, v["d" + k])
            w.matrix(f"adam_t{t}_s_d" + k, s["d" + k])
            w.matrix(f"adam_t{t}_v_corrected_d" + k, vc["d" + k])
            w.matrix(f"adam_t{t}_s_corrected_d" + k, sc["d" + k])

    # the model runs on make_moons (load_dataset of opt_utils: np.random.seed(3); make_moons(300, noise=.2))
    np.random.seed(3)
    train_X, train_Y = make_moons(n_samples=300, noise=.2)
    train_X = train_X.T
    train_Y = train_Y.reshape((1, train_Y.shape[0])).astype(np.float64)
    w.matrix("moons_X", train_X)
    w.matrix("moons_Y", train_Y)
    layers_dims = [train_X.shape[0], 5, 2, 1]
    runs = [("gd", dict(optimizer="gd")),
            ("momentum", dict(optimizer="momentum", beta=0.9)),
            ("adam", dict(optimizer="adam")),
            ("gd_update_lr", dict(optimizer="gd", learning_rate=0.1, decay=update_lr)),
            ("gd_schedule_lr_decay", dict(optimizer="gd", learning_rate=0.1, decay=schedule_lr_decay)),
            ("adam_schedule_lr_decay", dict(optimizer="adam", learning_rate=0.01, decay=schedule_lr_decay))]
    for name, kwargs in runs:
        parameters, costs, lrs, snaps = model(train_X, train_Y, layers_dims, snapshot_epochs=(1, 101), **kwargs)
        w.matrix(f"model_{name}_costs", costs)
        w.matrix(f"model_{name}_learning_rates", lrs)
        w.matrix(f"model_{name}_accuracy", predict_accuracy(train_X, train_Y, parameters))
        for epochs, snap in sorted(snaps.items()):
            for k in sorted(snap):
                w.matrix(f"model_{name}_epoch{epochs}_{k}", snap[k])
        for k in sorted(parameters):
            w.matrix(f"model_{name}_{k}", parameters[k])
        print(f"{name:24s} cost after epoch 0: {costs[0]:.6f}  after 4900: {costs[-1]:.6f}  accuracy "
              f"{predict_accuracy(train_X, train_Y, parameters)}")
    w.close()


# ---------------------------------------------------------------- DLS "Regularization" (+ reg_utils)

def compute_cost(a3, Y):                          # reg_utils (np.nansum there; the values here are finite)
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1. / m * np.nansum(logprobs)


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (1. / m * lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                     + np.sum(np.square(W3)))
    return cross_entropy_cost + L2_regularization_cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd * W3) / m
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd * W2) / m
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + (lambd * W1) / m
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
            "dZ1": dZ1, "dW1": dW1, "db1": db1}


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    np.random.seed(1)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
            "dZ1": dZ1, "dW1": dW1, "db1": db1}


def dls_regularization():
    w = Writer("regularization.txt", "DLS Regularization: L2 cost and gradients, dropout forward and backward")
    # the assignment's test cases: np.random.seed(1), then X (3, 5) and the 3-layer parameters
    np.random.seed(1)
    X = np.random.randn(3, 5)
    Y = np.array([[1., 1., 0., 1., 0.]])
    parameters = {"W1": np.random.randn(2, 3), "b1": np.random.randn(2, 1), "W2": np.random.randn(3, 2),
                  "b2": np.random.randn(3, 1), "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    w.matrix("X", X)
    w.matrix("Y", Y)
    for k in sorted(parameters):
        w.matrix(k, parameters[k])
    # compute_cost_with_regularization_test_case draws the parameters right after the seed, without X
    np.random.seed(1)
    test_parameters = {"W1": np.random.randn(2, 3), "b1": np.random.randn(2, 1), "W2": np.random.randn(3, 2),
                       "b2": np.random.randn(3, 1), "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    w.matrix("a3", a3)
    w.matrix("cost_with_regularization_0.1", compute_cost_with_regularization(a3, Y, test_parameters, 0.1))
    A3, cache = forward_propagation(X, parameters)
    w.matrix("A3", A3)
    w.matrix("cost_with_regularization_0.7", compute_cost_with_regularization(A3, Y, parameters, 0.7))
    grads = backward_propagation_with_regularization(X, Y, cache, 0.7)
    for k in sorted(grads):
        w.matrix("l2_" + k, grads[k])
    A3, cache = forward_propagation_with_dropout(X, parameters, 0.7)
    print("DLS test case: forward_propagation_with_dropout(X, parameters, keep_prob=0.7) =", A3,
          "(published: [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]])")
    w.matrix("dropout_A3", A3)
    for name, a in zip(("Z1", "D1", "A1", "Z2", "D2", "A2", "Z3"), (cache[0], cache[1], cache[2], cache[5],
                                                                   cache[6], cache[7], cache[10])):
        w.matrix("dropout_" + name, a)
    grads = backward_propagation_with_dropout(X, Y, cache, 0.8)   # the assignment's test: keep_prob 0.8
    for k in sorted(grads):
        w.matrix("dropout_" + k, grads[k])
    # a larger mask: the stream of rand draws over several shapes
    np.random.seed(1)
    w.matrix("mask_D1_20x100_0.86", (np.random.rand(20, 100) < 0.86).astype(int))
    w.matrix("mask_D2_3x100_0.86", (np.random.rand(3, 100) < 0.86).astype(int))
    w.close()
    print("DLS test case: compute_cost_with_regularization(A3, Y, parameters, lambd=0.1) =",
          compute_cost_with_regularization(a3, Y, test_parameters, 0.1), "(published: 1.78648594516)")


# ---------------------------------------------------------------- DLS "Initialization" and the other schemes

def initializers():
    w = Writer("initialization.txt", "initializers, layer by layer after np.random.seed(3) as DLS draws them")
    for dims in ([3, 2, 1], [2, 4, 1], [2, 10, 5, 1]):
        tag = "_".join(map(str, dims))
        schemes = {
            "zeros": None,
            "random_0.01": lambda n, n_prev: np.random.randn(n, n_prev) * 0.01,
            "random_10": lambda n, n_prev: np.random.randn(n, n_prev) * 10,     # DLS initialize_parameters_random
            "he": lambda n, n_prev: np.random.randn(n, n_prev) * np.sqrt(2. / n_prev),  # initialize_parameters_he
            "xavier": lambda n, n_prev: np.random.randn(n, n_prev) * np.sqrt(1. / n_prev),
            "glorot_normal": lambda n, n_prev: np.random.randn(n, n_prev) * np.sqrt(2. / (n_prev + n)),
            "glorot_uniform": lambda n, n_prev: np.random.uniform(-np.sqrt(6. / (n_prev + n)),
                                                                  np.sqrt(6. / (n_prev + n)), (n, n_prev)),
        }
        for name, draw in schemes.items():
            np.random.seed(3)
            for l in range(1, len(dims)):
                W = np.zeros((dims[l], dims[l - 1])) if draw is None else draw(dims[l], dims[l - 1])
                w.matrix(f"{name}_{tag}_W{l}", W)
                w.matrix(f"{name}_{tag}_b{l}", np.zeros((dims[l], 1)))
    w.close()


def reg_initialize_parameters(layer_dims):       # reg_utils: randn / sqrt(n_prev), seed 3
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def reg_model(X, Y, learning_rate=0.3, num_iterations=30000, lambd=0, keep_prob=1, snapshot=()):
    costs = []
    snaps = {}
    parameters = reg_initialize_parameters([X.shape[0], 20, 3, 1])
    for i in range(0, num_iterations):
        if keep_prob == 1:
            a3, cache = forward_propagation(X, parameters)
        else:
            a3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)
        if lambd == 0:
            cost = compute_cost(a3, Y)
        else:
            cost = compute_cost_with_regularization(a3, Y, parameters, lambd)
        assert lambd == 0 or keep_prob == 1
        if lambd == 0 and keep_prob == 1:
            grads = backward_propagation(X, Y, cache)
        elif lambd != 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        else:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        parameters = update_parameters_with_gd(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
        if i + 1 in snapshot:
            snaps[i + 1] = {k: a.copy() for k, a in parameters.items()}
    return parameters, costs, snaps


def dls_regularization_model():
    w = Writer("regularization_model.txt", "DLS Regularization: model() without regularization, with L2 (lambd 0.7) "
                                           "and with dropout (keep_prob 0.86), on np.random.seed(2); "
                                           "make_moons(300, noise=.3) (train) and seed 4, 200 points (test)")
    np.random.seed(2)
    train_X, train_Y = make_moons(n_samples=300, noise=.3)
    np.random.seed(4)
    test_X, test_Y = make_moons(n_samples=200, noise=.3)
    train_X, test_X = train_X.T, test_X.T
    train_Y = train_Y.reshape((1, -1)).astype(np.float64)
    test_Y = test_Y.reshape((1, -1)).astype(np.float64)
    for name, kwargs in (("plain", {}), ("l2", {"lambd": 0.7}), ("dropout", {"keep_prob": 0.86})):
        with np.errstate(divide="ignore", invalid="ignore"):   # nansum drops the 0·log 0 of a saturated output
            parameters, costs, snaps = reg_model(train_X, train_Y, snapshot=(500,), **kwargs)
        w.matrix(f"{name}_costs", costs)
        w.matrix(f"{name}_train_accuracy", predict_accuracy(train_X, train_Y, parameters))
        w.matrix(f"{name}_test_accuracy", predict_accuracy(test_X, test_Y, parameters))
        for k in sorted(snaps[500]):
            w.matrix(f"{name}_iteration500_{k}", snaps[500][k])
        print(f"regularization {name:8s} cost at 0: {costs[0]:.6f}  at 29000: {costs[-1]:.6f}  train accuracy "
              f"{predict_accuracy(train_X, train_Y, parameters):.4f}  test {predict_accuracy(test_X, test_Y, parameters)}")
    w.close()


# ---------------------------------------------------------------- DLS "Initialization" (+ init_utils): the model runs

def compute_loss(a3, Y):                          # init_utils
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1. / m * np.nansum(logprobs)


def init_model(X, Y, initialization, learning_rate=0.01, num_iterations=15000, snapshot=()):
    layers_dims = [X.shape[0], 10, 5, 1]
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        if initialization == "zeros":
            parameters['W' + str(l)] = np.zeros((n, n_prev))
        elif initialization == "random":
            parameters['W' + str(l)] = np.random.randn(n, n_prev) * 10
        else:
            parameters['W' + str(l)] = np.random.randn(n, n_prev) * np.sqrt(2. / n_prev)
        parameters['b' + str(l)] = np.zeros((n, 1))
    costs = []
    snaps = {}
    for i in range(num_iterations):
        a3, cache = forward_propagation(X, parameters)
        cost = compute_loss(a3, Y)
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters_with_gd(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
        if i + 1 in snapshot:
            snaps[i + 1] = {k: a.copy() for k, a in parameters.items()}
    return parameters, costs, snaps


def dls_initialization():
    from datasets_reference import make_circles
    w = Writer("initialization_model.txt", "DLS Initialization: model() with zeros, random (x10) and He on make_circles")
    np.random.seed(1)
    train_X, train_Y = make_circles(n_samples=300, noise=.05)
    np.random.seed(2)
    test_X, test_Y = make_circles(n_samples=100, noise=.05)
    train_X, test_X = train_X.T, test_X.T
    train_Y = train_Y.reshape((1, -1)).astype(np.float64)
    test_Y = test_Y.reshape((1, -1)).astype(np.float64)
    for init in ("zeros", "random", "he"):
        with np.errstate(divide="ignore", invalid="ignore"):
            parameters, costs, snaps = init_model(train_X, train_Y, init, snapshot=(100, 1000))
        w.matrix(f"{init}_costs", costs)
        w.matrix(f"{init}_train_accuracy", predict_accuracy(train_X, train_Y, parameters))
        w.matrix(f"{init}_test_accuracy", predict_accuracy(test_X, test_Y, parameters))
        for it in sorted(snaps):
            for k in sorted(snaps[it]):
                w.matrix(f"{init}_iteration{it}_{k}", snaps[it][k])
        print(f"initialization {init:7s} cost at 0: {costs[0]:.6f}  at 14000: {costs[-1]:.6f}  train accuracy "
              f"{predict_accuracy(train_X, train_Y, parameters):.4f}  test {predict_accuracy(test_X, test_Y, parameters)}")
    w.close()


if __name__ == "__main__":
    dls_regularization_model()
    dls_initialization()
    optimizers()
    schedules()
    dls_regularization()
    initializers()
    dls_optimization()
    print("wrote", RES)
