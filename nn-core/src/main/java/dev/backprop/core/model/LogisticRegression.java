package dev.backprop.core.model;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;

/**
 * Logistic regression, the network with no hidden layer: ŷ = σ(w·X + b). The workshop uses it as the baseline
 * that shows why a hidden layer is needed: its decision boundary is a straight line.
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** w (1, n_x) and b (1, 1). */
    public record Parameters(Matrix w, Matrix b) {
    }

    /** The gradients dw (1, n_x), db (1, 1) and the cost they were computed at. */
    public record Propagation(Matrix dw, Matrix db, double cost) {
    }

    /**
     * Forward and backward in one step (the DLS notebook's {@code propagate}).
     * <pre>
     * A  = σ(w·X + b)                         (1, m)
     * J  = −(1/m) Σ (Y log A + (1 − Y) log(1 − A))
     * dw = (1/m) (A − Y)·Xᵀ                   (1, n_x)
     * db = (1/m) Σ (A − Y)                    (1, 1)
     * </pre>
     */
    public static Propagation propagate(Parameters p, Matrix X, Matrix Y) {
        int m = X.cols();
        Matrix A = p.w().dot(X).plus(p.b()).map(UnaryOp.SIGMOID, 0);
        double cost = TwoLayerNetwork.computeCost(A, Y);
        Matrix dZ = A.minus(Y);
        Matrix dw = dZ.dot(X.T()).times(1.0 / m);
        Matrix db = dZ.sum(1).times(1.0 / m);
        return new Propagation(dw, db, cost);
    }

    /** Gradient descent from zeros: w := w − α dw, b := b − α db, {@code numIterations} times. */
    public static Parameters optimize(Matrix X, Matrix Y, int numIterations, double learningRate,
                                      TwoLayerNetwork.CostListener listener) {
        Parameters p = new Parameters(Matrix.zeros(1, X.rows()).to(X.backend()), Matrix.zeros(1, 1).to(X.backend()));
        for (int i = 0; i < numIterations; i++) {
            Propagation grads = propagate(p, X, Y);
            if (i % 100 == 0) {
                listener.onCost(i, grads.cost());
            }
            p = new Parameters(p.w().minus(grads.dw().times(learningRate)), p.b().minus(grads.db().times(learningRate)));
        }
        return p;
    }

    /** 1 where σ(w·X + b) &gt; 0.5, as a (1, m) matrix of 0/1. */
    public static Matrix predict(Parameters p, Matrix X) {
        return p.w().dot(X).plus(p.b()).map(UnaryOp.SIGMOID, 0).gt(0.5);
    }
}
