"""Reference numbers for the gradient-descent lesson: the line fit y = w0 + w1 x on 100 points (np.random.seed(0):
x = 2 rand(100), y = 4 + 3x + randn(100), then the random start randn(2)), its least-squares minimum, gradient
descent at three learning rates, and batch / stochastic / mini-batch gradient descent with DLS's
random_mini_batches (the permutation drawn with np.random.seed(epoch)).

Run: python3 scripts/gradient_descent_reference.py \
         > lessons/src/test/resources/dev/backprop/lessons/gradient_descent_reference.txt
"""
import numpy as np

np.random.seed(0)
m = 100
x = 2 * np.random.rand(1, m)
y = x * 3 + 4 + np.random.randn(1, m)
start = np.random.randn(2)


def cost(w):
    return float(np.mean((w[0] + w[1] * x - y) ** 2) / 2)


def step(w, X, Y, eta):
    dZ = w[0] + w[1] * X - Y
    return np.array([w[0] - eta * np.mean(dZ), w[1] - eta * np.mean(dZ * X)])


w1 = np.mean((x - x.mean()) * (y - y.mean())) / np.mean((x - x.mean()) ** 2)
print("least_squares %r %r %r" % (float(y.mean() - w1 * x.mean()), float(w1), cost([y.mean() - w1 * x.mean(), w1])))
print("start %r %r" % (float(start[0]), float(start[1])))
w = start.copy()
for i in range(101):
    if i % 10 == 0:
        print("cost_after_%d %r" % (i, cost(w)))
    w = step(w, x, y, 0.5)
H = np.array([[1, x.mean()], [x.mean(), np.mean(x * x)]])
print("lambda_max %r" % float(np.linalg.eigvalsh(H).max()))
for eta in (0.02, 0.5, 1.0):
    w = start.copy()
    for i in range(50):
        w = step(w, x, y, eta)
    print("learning_rate_%r %r" % (eta, cost(w)))


def random_mini_batches(X, Y, size, seed):
    # DLS random_mini_batches
    np.random.seed(seed)
    permutation = list(np.random.permutation(X.shape[1]))
    X, Y = X[:, permutation], Y[:, permutation]
    return [(X[:, k:k + size], Y[:, k:k + size]) for k in range(0, X.shape[1], size)]


for size in (100, 1, 16):
    w = start.copy()
    costs = []
    for epoch in range(20):
        batches = random_mini_batches(x, y, size, epoch)
        for bx, by in batches:
            w = step(w, bx, by, 0.1)
            costs.append(cost(w))
    per_epoch = len(costs) // 20
    last = costs[-per_epoch:]
    # steps, the cost after epochs 1, 5 and 20, and max − min of the cost over the last epoch
    print("batch_size_%d %d %r %r %r %r"
          % (size, len(costs), costs[per_epoch - 1], costs[5 * per_epoch - 1], costs[-1], max(last) - min(last)))
