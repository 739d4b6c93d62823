package dev.backprop.core.model;

import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.train.Predictions;
import dev.backprop.core.train.PrintCost;
import dev.backprop.core.train.Trainable;
import dev.backprop.core.train.TrainingLoop;
import java.util.ArrayList;
import java.util.List;

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
        Matrix A = p.w().dotPlus(X, p.b()).map(UnaryOp.SIGMOID, 0);
        double cost = TwoLayerNetwork.computeCost(A, Y);
        Matrix dZ = A.minus(Y);
        Matrix dw = dZ.dot(X.T()).times(1.0 / m);
        Matrix db = dZ.sum(1).times(1.0 / m);
        return new Propagation(dw, db, cost);
    }

    /** What DLS's {@code optimize} returns: the trained parameters, the last gradients, and the cost every 100. */
    public record Optimization(Parameters params, Propagation grads, List<Double> costs) {

        public Optimization {
            costs = List.copyOf(costs);
        }
    }

    /** Gradient descent from zeros: w := w − α dw, b := b − α db, {@code numIterations} times. */
    public static Parameters optimize(Matrix X, Matrix Y, int numIterations, double learningRate,
                                      TwoLayerNetwork.CostListener listener) {
        Parameters zeros = new Parameters(Matrix.zeros(1, X.rows()).to(X.backend()),
                Matrix.zeros(1, 1).to(X.backend()));
        return optimize(zeros, X, Y, numIterations, learningRate, listener).params();
    }

    /**
     * DLS: {@code optimize(w, b, X, Y, num_iterations, learning_rate, print_cost)}: gradient descent from the given
     * w and b in the one {@link TrainingLoop}, full batches.
     * <pre>
     * for i in range(num_iterations):
     *     grads, cost = propagate(w, b, X, Y)
     *     w = w − α dw,  b = b − α db
     *     every 100 iterations: costs.append(cost)
     * </pre>
     * Returns the parameters, the gradients of the last iteration (computed before its update, as DLS returns
     * them) and the costs at iterations 0, 100, .... Here w is a row (1, n_x); DLS's column w (n_x, 1) is its
     * transpose.
     */
    public static Optimization optimize(Parameters start, Matrix X, Matrix Y, int numIterations,
                                        double learningRate, TwoLayerNetwork.CostListener listener) {
        if (start.w().cols() != X.rows()) {
            throw new IllegalArgumentException("optimize: w has shape " + start.w().shape().compact() + " but X has "
                    + X.rows() + " rows " + X.shape().compact() + "; w must be (1," + X.rows() + ")");
        }
        List<Double> costs = new ArrayList<>();
        Model model = new Model(start);
        new TrainingLoop("optimize", new GradientDescent(learningRate)).epochs(numIterations)
                .callbacks(new PrintCost(100, (i, cost) -> {
                    costs.add(cost);
                    listener.onCost(i, cost);
                })).fit(model, X, Y);
        return new Optimization(model.p, model.last, costs);
    }

    /** Logistic regression for the {@link TrainingLoop}: one {@code propagate} per step. */
    private static final class Model implements Trainable {
        private Parameters p;
        private Propagation last;

        Model(Parameters p) {
            this.p = p;
        }

        @Override
        public List<Matrix> parameters() {
            return List.of(p.w(), p.b());
        }

        @Override
        public void setParameters(List<Matrix> parameters) {
            p = new Parameters(parameters.get(0), parameters.get(1));
        }

        @Override
        public List<String> parameterNames() {
            return List.of("w", "b");
        }

        @Override
        public Step step(Matrix X, Matrix Y) {
            last = propagate(p, X, Y);
            return new Step(last.cost(), List.of(last.dw(), last.db()));
        }

        @Override
        public Matrix output(Matrix X) {
            return p.w().dotPlus(X, p.b()).map(UnaryOp.SIGMOID, 0);
        }

        @Override
        public double cost(Matrix A, Matrix Y) {
            return TwoLayerNetwork.computeCost(A, Y);
        }

        @Override
        public boolean[] weights() {
            return new boolean[] {true, false};
        }

        @Override
        public void checkLabels(Matrix Y) {
            new BinaryCrossEntropy().checkLabels(Y, 1);
        }
    }

    /** 1 where σ(w·X + b) &gt; 0.5, as a (1, m) matrix of 0/1. */
    public static Matrix predict(Parameters p, Matrix X) {
        return Predictions.requireFinite("predict", p.w().dotPlus(X, p.b()).map(UnaryOp.SIGMOID, 0)).gt(0.5);
    }
}
