#!/usr/bin/env python3
"""Reference numbers for the house-prices lesson (dev.backprop.lessons.HousePricesLesson).

The deck (Intro to Deep Learning) gives no house prices, so the lesson makes a synthetic table from a stated formula
plus seeded noise. This script makes the same table with numpy's legacy generator, in the same order of draws
(house by house: randint bedrooms, randint bathrooms, uniform, normal), and the least-squares fit that the lesson's
linear regression should approach.

    bedrooms  = randint(1, 7)
    bathrooms = randint(1, min(bedrooms, 4) + 1)
    sqft      = rint(400 * bedrooms + 200 * bathrooms + uniform(0, 800))
    price     = 50 + 20 bedrooms + 15 bathrooms + 0.1 sqft + 40 max(0, sqft/1000 - 2)^2 + normal(0, 15)   ($1000)

Format: scripts/workshop_reference.py's (name rows cols, then the values as float.hex()).
Usage: python3 scripts/house_prices_reference.py   (needs numpy)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workshop_reference  # noqa: E402  (its reference-file Writer)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "lessons", "src", "test", "resources", "dev", "backprop", "lessons",
                   "house_prices_reference.txt")


def price(bedrooms, bathrooms, sqft):
    large = max(0.0, sqft / 1000 - 2)
    return 50 + 20 * bedrooms + 15 * bathrooms + 0.1 * sqft + 40 * large * large


def synthetic_houses(m, seed):
    np.random.seed(seed)
    X = np.zeros((3, m))
    Y = np.zeros((1, m))
    for j in range(m):
        bedrooms = float(np.random.randint(1, 7))
        bathrooms = float(np.random.randint(1, int(min(bedrooms, 4)) + 1))
        sqft = 400 * bedrooms + 200 * bathrooms + np.random.uniform(0, 800)
        X[:, j] = [bedrooms, bathrooms, np.rint(sqft)]
        Y[0, j] = price(bedrooms, bathrooms, X[2, j]) + np.random.normal(0, 15)
    return X, Y


def main():
    X, Y = synthetic_houses(250, 19)
    X_train, Y_train = X[:, :200], Y[:, :200]
    # least squares on the raw training features: [w1 w2 w3 b]
    A = np.vstack([X_train, np.ones((1, 200))]).T
    wb, *_ = np.linalg.lstsq(A, Y_train.ravel(), rcond=None)
    out = workshop_reference.Writer(OUT, "house-prices lesson: synthetic houses (seed 19) and the least-squares fit",
                                    "house_prices_reference.py")
    out.matrix("X", X)
    out.matrix("Y", Y)
    out.matrix("least_squares_w_b", wb)
    out.matrix("deck_house_price", price(5, 3, 3000))
    out.close()
    print("least squares: price = %.2f bedrooms + %.2f bathrooms + %.4f sqft + %.2f" % tuple(wb))


if __name__ == "__main__":
    main()
