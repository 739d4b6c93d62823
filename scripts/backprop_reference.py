"""Reference numbers for the backpropagation lesson: DLS's gradient-checking experiment (Improving Deep Neural
Networks, week 1, "Gradient Checking"), with its published test case gradient_check_n_test_case().

DLS prints "There is a mistake in the backward propagation! difference = 0.2850931567761623" for the
backward_propagation_n with its two planted bugs (dW2 twice too large, db1 four times too large) and about 1.18e-7
after the fix. This script reruns both and the difference of each parameter alone.

Run: python3 scripts/backprop_reference.py > lessons/src/test/resources/dev/backprop/lessons/backprop_reference.txt
"""
import numpy as np

NAMES = ["W1", "b1", "W2", "b2", "W3", "b3"]


def test_case():
    # DLS testCases.gradient_check_n_test_case
    np.random.seed(1)
    x = np.random.randn(4, 3)
    y = np.array([1, 1, 0])
    p = {}
    for name, shape in zip(NAMES, [(5, 4), (5, 1), (3, 5), (3, 1), (1, 3), (1, 1)]):
        p[name] = np.random.randn(*shape)
    return x, y, p


def relu(z):
    return np.maximum(0, z)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_propagation_n(X, Y, p):
    m = X.shape[1]
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = relu(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = relu(Z2)
    Z3 = np.dot(p["W3"], A2) + p["b3"]
    A3 = sigmoid(Z3)
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1. / m * np.sum(logprobs)
    return cost, (Z1, A1, Z2, A2, Z3, A3)


def backward_propagation_n(X, Y, p, cache, buggy):
    m = X.shape[1]
    Z1, A1, Z2, A2, Z3, A3 = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(p["W3"].T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) * (2 if buggy else 1)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(p["W2"].T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = (4. if buggy else 1.) / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def to_vector(d, keys):
    return np.concatenate([d[k].reshape((-1, 1)) for k in keys])


def from_vector(theta, like):
    p, at = {}, 0
    for name in NAMES:
        n = like[name].size
        p[name] = theta[at:at + n].reshape(like[name].shape)
        at += n
    return p


def gradapprox_of(X, Y, p, epsilon=1e-7):
    theta = to_vector(p, NAMES)
    approx = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus = np.copy(theta)
        plus[i][0] += epsilon
        minus = np.copy(theta)
        minus[i][0] -= epsilon
        approx[i] = (forward_propagation_n(X, Y, from_vector(plus, p))[0]
                     - forward_propagation_n(X, Y, from_vector(minus, p))[0]) / (2 * epsilon)
    return approx


def difference(grad, approx):
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx))


X, Y, p = test_case()
cost, cache = forward_propagation_n(X, Y, p)
approx = gradapprox_of(X, Y, p)
print("cost %r" % float(cost))
for buggy in (True, False):
    label = "buggy" if buggy else "fixed"
    grads = backward_propagation_n(X, Y, p, cache, buggy)
    grad = to_vector(grads, ["d" + n for n in NAMES])
    print("%s difference %r" % (label, float(difference(grad, approx))))
    at = 0
    for name in NAMES:
        n = p[name].size
        print("%s %s %r" % (label, name, float(difference(grad[at:at + n], approx[at:at + n]))))
        at += n
