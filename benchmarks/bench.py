#!/usr/bin/env python3
"""The numpy and PyTorch side of benchmarks/compare.sh: the same work as the JMH benchmarks, one JSON line per figure.

    python3 benchmarks/bench.py numpy matmul --threads 1        (OPENBLAS_NUM_THREADS is set by the caller)
    python3 benchmarks/bench.py numpy matmul --sizes 64,256     (some of the sizes only)
    python3 benchmarks/bench.py numpy planar                     (first run = cold, then warm runs)
    python3 benchmarks/bench.py numpy mlp --threads 2
    /usr/bin/python3 benchmarks/bench.py torch matmul --threads 2
    /usr/bin/python3 benchmarks/bench.py torch mlp --threads 1
    python3 benchmarks/bench.py numpy blas                       (which OpenBLAS kernel numpy runs)

Each line: {"impl": ..., "bench": ..., "threads": ..., ... , "seconds": s}. matmul: the mean time of one n×n
product over about 0.4 s after a warm-up, in the forms A·B, A·Bᵀ and Aᵀ·B (a transposed operand is a view, as in
the workshop's np.dot(dZ2, A1.T)). planar: the workshop's nn_model, 10 000 iterations, its cost computed every iteration
(as the workshop's loop and the Java one do). mlp: one epoch of 784-128-10 (ReLU, softmax, cross-entropy), batch 64, 60 000 random examples;
numpy written as the DLS assignments write it (examples as columns), without dA0 = W1ᵀ·dZ1 and with the cost of
every batch, as the Java side's Sequential.fit and PyTorch have them; PyTorch as a student would write it
(nn.Sequential, autograd, optim.SGD, examples as rows).
"""
import argparse
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = (64, 128, 256, 512, 1024)
FORMS = ("AB", "ABt", "AtB")
M, N_X, N_H, N_Y, BATCH, LEARNING_RATE = 60_000, 784, 128, 10, 64, 0.1


def emit(**fields):
    print(json.dumps(fields), flush=True)


def mean_time(f, budget=0.4):
    f()
    f()
    calls, start = 0, time.perf_counter()
    while True:
        f()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget:
            return elapsed / calls


# ---------------------------------------------------------------- numpy

def numpy_matmul(threads, sizes):
    import numpy as np
    rng = np.random.default_rng(1)
    for n in sizes:
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        for form in FORMS:
            A = a.T if form == "AtB" else a
            B = b.T if form == "ABt" else b
            emit(impl="numpy", bench="matmul", form=form, n=n, threads=threads,
                 seconds=mean_time(lambda: np.dot(A, B)))


def numpy_planar():
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import numpy as np
    import workshop_reference as w

    X, Y = w.load_planar_dataset()

    def nn_model(num_iterations=10000):
        parameters = w.initialize_parameters(X.shape[0], 4, Y.shape[0])
        for i in range(num_iterations):
            A2, cache = w.forward_propagation(X, parameters)
            cost = w.compute_cost(A2, Y, parameters)   # every iteration, as the workshop's nn_model does
            grads = w.backward_propagation(parameters, cache, X, Y)
            parameters = w.update_parameters(parameters, grads)
        return parameters

    for run in range(3):
        start = time.perf_counter()
        nn_model()
        emit(impl="numpy", bench="planar", kind="cold" if run == 0 else "warm", threads=1,
             seconds=time.perf_counter() - start)
    del np


def numpy_mlp(threads):
    import numpy as np
    rng = np.random.default_rng(1)
    X = rng.uniform(-1, 1, (N_X, M))
    Y = np.zeros((N_Y, M))
    Y[rng.integers(0, N_Y, M), np.arange(M)] = 1
    r = np.random.RandomState(3)
    W1, b1 = r.randn(N_H, N_X) * np.sqrt(2 / N_X), np.zeros((N_H, 1))
    W2, b2 = r.randn(N_Y, N_H) * np.sqrt(2 / N_H), np.zeros((N_Y, 1))

    def epoch(W1, b1, W2, b2):
        for k in range(0, M, BATCH):
            Xb, Yb = X[:, k:k + BATCH], Y[:, k:k + BATCH]
            m = Xb.shape[1]
            Z1 = np.dot(W1, Xb) + b1
            A1 = np.maximum(0, Z1)
            Z2 = np.dot(W2, A1) + b2
            E = np.exp(Z2 - np.max(Z2, axis=0, keepdims=True))
            A2 = E / np.sum(E, axis=0, keepdims=True)
            cost = -np.sum(Yb * np.log(A2)) / m  # noqa: F841  (computed, as every batch's cost is on the other sides)
            dZ2 = A2 - Yb
            dW2 = (1 / m) * np.dot(dZ2, A1.T)
            db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
            dA1 = np.dot(W2.T, dZ2)
            dZ1 = dA1 * (Z1 > 0)
            dW1 = (1 / m) * np.dot(dZ1, Xb.T)
            db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
            # no dA0 = W1.T · dZ1: Sequential, like PyTorch, skips the input's gradient
            W1, b1 = W1 - LEARNING_RATE * dW1, b1 - LEARNING_RATE * db1
            W2, b2 = W2 - LEARNING_RATE * dW2, b2 - LEARNING_RATE * db2
        return W1, b1, W2, b2

    for run in range(3):
        start = time.perf_counter()
        W1, b1, W2, b2 = epoch(W1, b1, W2, b2)
        emit(impl="numpy", bench="mlp", threads=threads, run=run, seconds=time.perf_counter() - start)


def numpy_blas():
    import ctypes
    import glob
    import numpy as np
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
    core = "unknown"
    if libs:
        lib = ctypes.CDLL(libs[0])
        for name in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
            if hasattr(lib, name):
                f = getattr(lib, name)
                f.restype = ctypes.c_char_p
                core = f().decode()
                break
    emit(impl="numpy", bench="blas", version=np.__version__, openblas_core=core)


# ---------------------------------------------------------------- PyTorch

def torch_matmul(threads, sizes):
    import torch
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(1)
    for n in sizes:
        a = torch.randn(n, n, generator=g, dtype=torch.float64)
        b = torch.randn(n, n, generator=g, dtype=torch.float64)
        for form in FORMS:
            A = a.T if form == "AtB" else a
            B = b.T if form == "ABt" else b
            emit(impl="torch", bench="matmul", form=form, n=n, threads=threads,
                 seconds=mean_time(lambda: torch.matmul(A, B)))


def torch_mlp(threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    X = torch.rand(M, N_X, dtype=torch.float64) * 2 - 1
    y = torch.randint(0, N_Y, (M,))
    model = torch.nn.Sequential(torch.nn.Linear(N_X, N_H), torch.nn.ReLU(), torch.nn.Linear(N_H, N_Y)).double()
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    loss_fn = torch.nn.CrossEntropyLoss()
    for run in range(3):
        start = time.perf_counter()
        for k in range(0, M, BATCH):
            optimizer.zero_grad()
            loss = loss_fn(model(X[k:k + BATCH]), y[k:k + BATCH])
            loss.backward()
            optimizer.step()
        emit(impl="torch", bench="mlp", threads=threads, run=run, seconds=time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("impl", choices=("numpy", "torch"))
    parser.add_argument("bench", choices=("matmul", "planar", "mlp", "blas"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--sizes", type=lambda text: tuple(int(n) for n in text.split(",")), default=SIZES,
                        help="matmul: the sizes n, comma-separated (default: %(default)s)")
    args = parser.parse_args()
    if args.impl == "numpy":
        if args.bench == "matmul":
            numpy_matmul(args.threads, args.sizes)
        elif args.bench == "planar":
            numpy_planar()
        elif args.bench == "mlp":
            numpy_mlp(args.threads)
        else:
            numpy_blas()
    else:
        if args.bench == "matmul":
            torch_matmul(args.threads, args.sizes)
        elif args.bench == "mlp":
            torch_mlp(args.threads)
        else:
            sys.exit("bench.py: torch has matmul and mlp only")


if __name__ == "__main__":
    main()
