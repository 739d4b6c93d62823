package dev.backprop.core.train;

import dev.backprop.core.matrix.Matrix;

/**
 * A number reported per epoch beside the cost, as Keras's {@code metrics=['accuracy']}: computed from the output
 * A^[L] (n_y, m) and the labels Y, examples as columns.
 */
public interface Metric {

    /** The key in the {@link History}: {@code accuracy}, {@code mae}. */
    String name();

    /** The metric over all m examples. */
    double value(Matrix AL, Matrix Y);

    /**
     * The percentage of examples whose predicted class equals the label, the workshop's accuracy. One output row:
     * class 1 where a &gt; 0.5 (a sigmoid's probability). Several rows: the row of the largest output
     * ({@link Predictions#argmax}), against one-hot columns or a row of class indices.
     */
    static Metric accuracy() {
        return accuracy(0.5);
    }

    /**
     * The accuracy with one output row read as class 1 where a &gt; {@code threshold}: 0 for a tanh or linear score
     * trained with the hinge loss ({@link Predictions#classes(Matrix, double)}).
     */
    static Metric accuracy(double threshold) {
        return new Metric() {
            @Override
            public String name() {
                return "accuracy";
            }

            @Override
            public double value(Matrix AL, Matrix Y) {
                Matrix predicted = Predictions.classes(AL, threshold);
                Matrix labels = Y.rows() == AL.rows() && AL.rows() > 1 ? Predictions.argmax(Y) : Y;
                return predicted.eq(labels).mean() * 100.0;
            }
        };
    }

    /** The mean absolute error (1/(n·m)) Σ |ŷ − y|, Keras's {@code 'mae'}, for regression. */
    static Metric meanAbsoluteError() {
        return new Metric() {
            @Override
            public String name() {
                return "mae";
            }

            @Override
            public double value(Matrix AL, Matrix Y) {
                if (!AL.shape().equals(Y.shape())) {
                    // minus would broadcast (1, m) against (m, 1) into (m, m)
                    throw new IllegalArgumentException("mae: AL has shape " + AL.shape().compact() + " but Y has shape "
                            + Y.shape().compact());
                }
                return AL.minus(Y).abs().mean();
            }
        };
    }
}
