"""The regularization lesson's DLS experiment in numpy: the assignment's model() (reg_model of optim_reference.py,
the network [2, 20, 3, 1], learning rate 0.3) without regularization, with L2 (lambd = 0.7) and with dropout
(keep_prob = 0.86), on a generated set where it overfits: np.random.seed(1); make_moons(60, noise=.35) for
training and np.random.seed(101); make_moons(300, noise=.35) for testing. Prints the train / test accuracies the
lesson prints beside its own; its output is committed as
lessons/src/test/resources/dev/backprop/lessons/regularization_lesson_reference.txt.

Run: python3 scripts/regularization_lesson_reference.py [ITERATIONS]
"""
import sys

import numpy as np

from datasets_reference import make_moons
from optim_reference import predict_accuracy, reg_model


def data(n, noise, seed):
    np.random.seed(seed)
    X, y = make_moons(n_samples=n, noise=noise)
    return X.T, y.reshape(1, -1).astype(np.float64)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    np.seterr(divide="ignore", invalid="ignore")
    train_X, train_Y = data(60, .35, 1)
    test_X, test_Y = data(300, .35, 101)
    print(f"# reg_model, {iterations} iterations, make_moons(60, .35) seed 1 / make_moons(300, .35) seed 101")
    for name, kwargs in [("none", {}), ("l2", dict(lambd=0.7)), ("dropout", dict(keep_prob=0.86))]:
        parameters, costs, _ = reg_model(train_X, train_Y, num_iterations=iterations, **kwargs)
        print(f"{name} train {100 * predict_accuracy(train_X, train_Y, parameters):.2f} "
              f"test {100 * predict_accuracy(test_X, test_Y, parameters):.2f}")


if __name__ == "__main__":
    main()
