#!/usr/bin/env python3
"""Reference values for the Java tests of the L-layer network, its activations and its losses.

The L-layer functions are the workshop's deep-network code as the Deep Learning Specialization writes it
("Building your Deep Neural Network: Step by Step", the course the deep-network slides of the Intro to Deep Learning deck follow):
initialize_parameters_deep, linear_forward, linear_activation_forward, L_model_forward, compute_cost,
linear_backward, linear_activation_backward, L_model_backward, update_parameters, L_layer_model, predict, with
the seeds those notebooks use. The activations and losses the workshop only names (the Multi-layer Perceptron deck: leaky ReLU
max(0.1x, x), maxout max(w1.x + b1, w2.x + b2), the list of losses) are written here in plain numpy, one formula
each, the way Keras defines them (examples are rows in Keras; here, as in the workshop, examples are COLUMNS).

Every file has the format of scripts/workshop_reference.py, read by the test class dev.backprop.core.Reference:

    # comment lines
    name rows cols
    v0 v1 ...            (row-major, each value as float.hex(), so it is exact)

Usage: python3 scripts/deep_reference.py   (writes nn-core/src/test/resources/dev/backprop/core/deep/...)
The tests never call Python; rerun this script only when the reference itself must change.
"""
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "nn-core", "src", "test", "resources", "dev", "backprop", "core", "deep")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workshop_reference  # noqa: E402  (its reference-file Writer)
from workshop_reference import load_planar_dataset  # noqa: E402  (the workshop's planar data, seed 1)

EPSILON = 1e-7  # keras.backend.epsilon()


def Writer(name, what):
    """The reference-file writer of workshop_reference.py, writing into the deep/ resources."""
    return workshop_reference.Writer(os.path.join(RES, name), what, script="deep_reference.py")


# ---------------------------------------------------------------- the workshop's deep-network code (DLS)

def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (-1 / m) * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))
    cost = np.squeeze(cost)
    return cost


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, initialize=initialize_parameters_deep):
    costs = []
    parameters = initialize(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append((i, float(cost)))
    return parameters, costs


def predict(X, parameters):
    probas, caches = L_model_forward(X, parameters)
    return (probas > 0.5).astype(np.float64)


# ------------------------------------------ the activations of the Multi-layer Perceptron deck, in numpy

def tanh(Z):
    return np.tanh(Z)


def tanh_backward(dA, Z):
    A = np.tanh(Z)
    return dA * (1 - np.power(A, 2))


def leaky_relu(Z, alpha=0.1):
    return np.maximum(alpha * Z, Z)  # Multi-layer Perceptron deck: max(0.1x, x)


def leaky_relu_backward(dA, Z, alpha=0.1):
    return dA * np.where(Z > 0, 1.0, alpha)


def elu(Z, alpha=1.0):
    return np.where(Z > 0, Z, alpha * (np.exp(Z) - 1))


def elu_backward(dA, Z, alpha=1.0):
    return dA * np.where(Z > 0, 1.0, alpha * np.exp(Z))


def softmax(Z):
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E, axis=0, keepdims=True)


def softmax_backward(dA, Z):
    A = softmax(Z)
    return A * (dA - np.sum(dA * A, axis=0, keepdims=True))


def maxout(Z, k):
    # the k pieces are k blocks of rows: Z = [Z_1; ...; Z_k], each (n, m)
    n = Z.shape[0] // k
    return np.max(Z.reshape(k, n, -1), axis=0)


def maxout_backward(dA, Z, k):
    n = Z.shape[0] // k
    winner = np.argmax(Z.reshape(k, n, -1), axis=0)  # the first piece that reaches the max
    return np.concatenate([dA * (winner == j) for j in range(k)], axis=0)


# ------------------------------------ the losses of the Multi-layer Perceptron deck, as Keras defines them
# Each returns (loss, dAL): loss (1, m) per example (Keras's reduction 'none'), and dAL = dloss/dAL column by
# column, the workshop's dAL (linear_backward divides by m). n is the number of output rows.

def mse(AL, Y):
    n = AL.shape[0]
    return np.mean(np.square(AL - Y), axis=0, keepdims=True), 2 * (AL - Y) / n


def msle(AL, Y):
    n = AL.shape[0]
    A_hat, Y_hat = np.maximum(AL, EPSILON), np.maximum(Y, EPSILON)
    d = np.log(A_hat + 1) - np.log(Y_hat + 1)
    return np.mean(np.square(d), axis=0, keepdims=True), 2 * d / (A_hat + 1) / n


def mae(AL, Y):
    n = AL.shape[0]
    return np.mean(np.abs(AL - Y), axis=0, keepdims=True), np.sign(AL - Y) / n


def binary_crossentropy(AL, Y):
    n = AL.shape[0]
    A_hat = np.clip(AL, EPSILON, 1 - EPSILON)
    loss = -np.mean(Y * np.log(A_hat) + (1 - Y) * np.log(1 - A_hat), axis=0, keepdims=True)
    return loss, -(Y / A_hat - (1 - Y) / (1 - A_hat)) / n


def hinge(AL, Y):
    n = AL.shape[0]
    Ys = 2 * Y - 1  # labels 0/1 as -1/+1
    margin = 1 - Ys * AL
    return np.mean(np.maximum(margin, 0), axis=0, keepdims=True), -Ys * (margin > 0) / n


def squared_hinge(AL, Y):
    n = AL.shape[0]
    Ys = 2 * Y - 1
    margin = 1 - Ys * AL
    return np.mean(np.square(np.maximum(margin, 0)), axis=0, keepdims=True), -2 * Ys * np.maximum(margin, 0) / n


def categorical_crossentropy(AL, Y):
    A_hat = np.clip(AL, EPSILON, 1 - EPSILON)
    return -np.sum(Y * np.log(A_hat), axis=0, keepdims=True), -Y / A_hat


def sparse_categorical_crossentropy(AL, labels):
    Y = (np.arange(AL.shape[0]).reshape(-1, 1) == labels).astype(np.float64)
    return categorical_crossentropy(AL, Y)


def kl_divergence(AL, Y):
    Y_hat, A_hat = np.clip(Y, EPSILON, 1), np.clip(AL, EPSILON, 1)
    return np.sum(Y_hat * np.log(Y_hat / A_hat), axis=0, keepdims=True), -Y_hat / A_hat


# ---------------------------------------------------------------- reference files

def write_parameters(w, prefix, parameters):
    for k in sorted(parameters):
        w.matrix(prefix + k, parameters[k])


def initialization():
    w = Writer("initialization.txt", "initialize_parameters_deep (randn * 0.01), He, Xavier, zeros; all with seed 3")
    write_parameters(w, "deep_", initialize_parameters_deep([5, 4, 3]))
    write_parameters(w, "he_", initialize_parameters_he([2, 4, 1]))
    write_parameters(w, "zeros_", initialize_parameters_zeros([2, 4, 1]))
    # Xavier/Glorot: randn * sqrt(1 / n_prev), drawn like He
    np.random.seed(3)
    dims = [2, 4, 1]
    for l in range(1, len(dims)):
        w.matrix(f"xavier_W{l}", np.random.randn(dims[l], dims[l - 1]) * np.sqrt(1. / dims[l - 1]))
        w.matrix(f"xavier_b{l}", np.zeros((dims[l], 1)))
    # maxout with k = 2 in layer 1 of [3, 4, 2]: W1 holds the k weight sets stacked, (k * 4, 3)
    np.random.seed(3)
    w.matrix("maxout_W1", np.random.randn(2 * 4, 3) * np.sqrt(2. / 3))
    w.matrix("maxout_W2", np.random.randn(2, 4) * np.sqrt(2. / 4))
    w.close()


def forward():
    w = Writer("forward.txt", "linear_forward, linear_activation_forward, L_model_forward, compute_cost")
    # linear_forward_test_case
    np.random.seed(1)
    A, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
    Z, _ = linear_forward(A, W, b)
    w.matrix("linear_A", A)
    w.matrix("linear_W", W)
    w.matrix("linear_b", b)
    w.matrix("linear_Z", Z)
    # linear_activation_forward_test_case
    np.random.seed(2)
    A_prev, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
    w.matrix("activation_A_prev", A_prev)
    w.matrix("activation_sigmoid_A", linear_activation_forward(A_prev, W, b, "sigmoid")[0])
    w.matrix("activation_relu_A", linear_activation_forward(A_prev, W, b, "relu")[0])
    # L_model_forward_test_case_2hidden
    np.random.seed(6)
    X = np.random.randn(5, 4)
    parameters = {"W1": np.random.randn(4, 5), "b1": np.random.randn(4, 1),
                  "W2": np.random.randn(3, 4), "b2": np.random.randn(3, 1),
                  "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    AL, caches = L_model_forward(X, parameters)
    w.matrix("model_X", X)
    write_parameters(w, "model_", parameters)
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        w.matrix(f"model_Z{l}", Z)
    w.matrix("model_AL", AL)
    # compute_cost_test_case
    Y, AL = np.asarray([[1, 1, 0]]), np.array([[.8, .9, 0.4]])
    w.matrix("cost_Y", Y)
    w.matrix("cost_AL", AL)
    w.matrix("cost", compute_cost(AL, Y))
    w.close()


def backward():
    w = Writer("backward.txt", "linear_backward, linear_activation_backward, L_model_backward, update_parameters")
    # linear_backward_test_case
    np.random.seed(1)
    dZ, A, W, b = np.random.randn(3, 4), np.random.randn(5, 4), np.random.randn(3, 5), np.random.randn(3, 1)
    dA_prev, dW, db = linear_backward(dZ, (A, W, b))
    w.matrix("linear_dA_prev", dA_prev)
    w.matrix("linear_dW", dW)
    w.matrix("linear_db", db)
    # linear_activation_backward_test_case
    np.random.seed(2)
    dA, A, W, b, Z = (np.random.randn(1, 2), np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1),
                      np.random.randn(1, 2))
    for activation in ("sigmoid", "relu"):
        dA_prev, dW, db = linear_activation_backward(dA, ((A, W, b), Z), activation)
        w.matrix(f"{activation}_dA_prev", dA_prev)
        w.matrix(f"{activation}_dW", dW)
        w.matrix(f"{activation}_db", db)
    # L_model_backward on a forward pass (DLS's own test case feeds AL = randn, outside (0, 1), and caches whose
    # A is not relu(Z); here the caches come from L_model_forward so that every value is one a network can make)
    np.random.seed(3)
    X = np.random.randn(4, 2)
    Y = np.array([[1., 0.]])
    parameters = {"W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
                  "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1)}
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    w.matrix("model_AL", AL)
    for k in ("dA0", "dA1", "dW1", "db1", "dW2", "db2"):
        w.matrix("model_" + k, grads[k])
    # a 3-layer case: the parameters of the L_model_forward test (seed 6), labels drawn after them
    np.random.seed(6)
    X = np.random.randn(5, 4)
    parameters = {"W1": np.random.randn(4, 5), "b1": np.random.randn(4, 1),
                  "W2": np.random.randn(3, 4), "b2": np.random.randn(3, 1),
                  "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    Y = (np.random.randn(1, 4) > 0).astype(np.float64)
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    w.matrix("deep_Y", Y)
    for k in ("dA0", "dA1", "dA2", "dW1", "db1", "dW2", "db2", "dW3", "db3"):
        w.matrix("deep_" + k, grads[k])
    # update_parameters_test_case
    np.random.seed(2)
    parameters = {"W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
                  "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1)}
    np.random.seed(3)
    grads = {"dW1": np.random.randn(3, 4), "db1": np.random.randn(3, 1),
             "dW2": np.random.randn(1, 3), "db2": np.random.randn(1, 1)}
    write_parameters(w, "update_", update_parameters(parameters, grads, 0.1))
    w.close()


def training():
    w = Writer("training.txt", "L_layer_model on the workshop's planar data, costs every 100 iterations")
    X, Y = load_planar_dataset()
    Y = Y.astype(np.float64)
    # the notebook's model as it stands: randn * 0.01 weights, learning rate 0.0075 (the signal dies in the ReLUs)
    parameters, costs = L_layer_model(X, Y, [2, 4, 3, 1], learning_rate=0.0075, num_iterations=500)
    w.matrix("small_iterations", [i for i, _ in costs])
    w.matrix("small_costs", [c for _, c in costs])
    write_parameters(w, "small_", parameters)
    # He initialisation, learning rate 0.1: the same code learns the flower
    parameters, costs = L_layer_model(X, Y, [2, 10, 5, 1], learning_rate=0.1, num_iterations=2000,
                                      initialize=initialize_parameters_he)
    w.matrix("he_iterations", [i for i, _ in costs])
    w.matrix("he_costs", [c for _, c in costs])
    write_parameters(w, "he_", parameters)
    predictions = predict(X, parameters)
    w.matrix("he_predictions", predictions)
    accuracy = float(np.mean(predictions == Y) * 100)
    print(f"L_layer_model [2, 10, 5, 1], He, 2000 iterations: cost {costs[-1][1]:.6f}, accuracy {accuracy:.1f}%")
    w.matrix("he_accuracy", accuracy)
    w.close()


def activations():
    w = Writer("activations.txt", "every activation of the Multi-layer Perceptron deck: A = g(Z) and dZ = backward(dA, Z), seed 5")
    np.random.seed(5)
    Z = np.random.randn(4, 5) * 2
    dA = np.random.randn(4, 5)
    w.matrix("Z", Z)
    w.matrix("dA", dA)
    A, _ = sigmoid(Z)
    w.matrix("sigmoid_A", A)
    w.matrix("sigmoid_dZ", sigmoid_backward(dA, Z))
    A, _ = relu(Z)
    w.matrix("relu_A", A)
    w.matrix("relu_dZ", relu_backward(dA, Z))
    w.matrix("tanh_A", tanh(Z))
    w.matrix("tanh_dZ", tanh_backward(dA, Z))
    w.matrix("leaky_relu_A", leaky_relu(Z))
    w.matrix("leaky_relu_dZ", leaky_relu_backward(dA, Z))
    w.matrix("leaky_relu_0.2_A", leaky_relu(Z, 0.2))
    w.matrix("leaky_relu_0.2_dZ", leaky_relu_backward(dA, Z, 0.2))
    w.matrix("elu_A", elu(Z))
    w.matrix("elu_dZ", elu_backward(dA, Z))
    w.matrix("elu_0.5_A", elu(Z, 0.5))
    w.matrix("elu_0.5_dZ", elu_backward(dA, Z, 0.5))
    w.matrix("softmax_A", softmax(Z))
    w.matrix("softmax_dZ", softmax_backward(dA, Z))
    w.matrix("linear_A", Z)
    w.matrix("linear_dZ", dA)
    for k in (2, 3):
        Zk = np.random.randn(k * 4, 5)
        w.matrix(f"maxout{k}_Z", Zk)
        w.matrix(f"maxout{k}_A", maxout(Zk, k))
        w.matrix(f"maxout{k}_dZ", maxout_backward(dA, Zk, k))
    # the Multi-layer Perceptron deck's formula, max(w1.x + b1, w2.x + b2), with two separate weight sets
    np.random.seed(7)
    x = np.random.randn(3, 4)
    W1, b1, W2, b2 = np.random.randn(2, 3), np.random.randn(2, 1), np.random.randn(2, 3), np.random.randn(2, 1)
    w.matrix("seed002_A", np.maximum(np.dot(W1, x) + b1, np.dot(W2, x) + b2))
    w.close()


def losses():
    w = Writer("losses.txt", "every loss of the Multi-layer Perceptron deck: per-example loss (1, m), cost, dAL; examples are columns")
    cases = []
    # regression, seed 10: positive predictions and targets (MSLE takes logs)
    np.random.seed(10)
    AL, Y = np.random.rand(2, 5) * 3, np.random.rand(2, 5) * 3
    cases += [("mse", mse, AL, Y), ("msle", msle, AL, Y), ("mae", mae, AL, Y)]
    # binary, seed 11: probabilities for cross-entropy, scores around 0 for the hinges, labels 0/1
    np.random.seed(11)
    P, S, Y = np.random.rand(2, 5), np.random.randn(2, 5), (np.random.rand(2, 5) > 0.5).astype(np.float64)
    cases += [("bce", binary_crossentropy, P, Y), ("hinge", hinge, S, Y), ("squared_hinge", squared_hinge, S, Y)]
    # multi-class, seed 12: softmax outputs, integer labels, one-hot labels, soft targets
    np.random.seed(12)
    AL = softmax(np.random.randn(3, 5))
    labels = np.random.randint(0, 3, size=5).reshape(1, -1).astype(np.float64)
    Q = softmax(np.random.randn(3, 5))
    onehot = (np.arange(3).reshape(-1, 1) == labels).astype(np.float64)
    cases += [("cce", categorical_crossentropy, AL, onehot), ("scce", sparse_categorical_crossentropy, AL, labels),
              ("kld", kl_divergence, AL, Q)]
    for name, f, AL, Y in cases:
        loss, dAL = f(AL, Y)
        w.matrix(name + "_AL", AL)
        w.matrix(name + "_Y", Y)
        w.matrix(name + "_loss", loss)
        w.matrix(name + "_cost", np.mean(loss))
        w.matrix(name + "_dAL", dAL)
    w.close()


if __name__ == "__main__":
    initialization()
    forward()
    backward()
    training()
    activations()
    losses()
    sys.exit(0)
