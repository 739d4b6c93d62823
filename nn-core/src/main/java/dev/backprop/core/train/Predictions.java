package dev.backprop.core.train;

import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;

/** Classes from a network's output A^[L] (n_y, m), examples as columns. */
public final class Predictions {

    private Predictions() {
    }

    /**
     * The predicted class of each example, (1, m): for one output row 1 where a &gt; 0.5 (the workshop's
     * {@code predict}), else the {@linkplain #argmax row of the largest output}.
     *
     * @throws IllegalArgumentException when a column of A^[L] is not finite: there is no class to give it
     */
    public static Matrix classes(Matrix AL) {
        return classes(AL, 0.5);
    }

    /**
     * Where one output row changes class under {@code loss}: 0 for a score trained with the hinge or the squared hinge
     * (they read labels 0 and 1 as ỹ = −1 and +1, so a score's side of zero is its class), else 0.5 (a probability,
     * or a regression onto the labels 0 and 1).
     */
    public static double threshold(Loss loss) {
        Loss unweighted = loss instanceof ClassWeightedLoss weighted ? weighted.unweighted() : loss;
        return unweighted instanceof Hinge || unweighted instanceof SquaredHinge ? 0 : 0.5;
    }

    /**
     * As {@link #classes(Matrix)}, with one output row read as class 1 where a &gt; {@code threshold}: 0.5 for a
     * sigmoid's probability, 0 for a hinge-trained score ({@link #threshold(Loss)}).
     */
    public static Matrix classes(Matrix AL, double threshold) {
        return AL.rows() == 1 ? requireFinite("predict", AL).gt(threshold) : argmax(AL);
    }

    /**
     * {@code np.argmax(A, axis=0)} as a (1, m) row: the index of each column's largest entry, the first on ties.
     *
     * @throws IllegalArgumentException when a column holds NaN or ±∞, naming the column (numpy would return the
     *                                  NaN's row, a class that means nothing)
     */
    public static Matrix argmax(Matrix A) {
        double[][] a = requireFinite("argmax", A).toArray2D();
        double[] classes = new double[A.cols()];
        for (int j = 0; j < A.cols(); j++) {
            int best = 0;
            for (int i = 1; i < A.rows(); i++) {
                if (a[i][j] > a[best][j]) {
                    best = i;
                }
            }
            classes[j] = best;
        }
        return Matrix.row(classes).to(A.backend());
    }

    /**
     * A unchanged when every entry is finite.
     *
     * @throws IllegalArgumentException naming the operation, the column and the value where one is NaN or ±∞
     */
    public static Matrix requireFinite(String operation, Matrix A) {
        return A.requireFinite(operation, "the output", "that example has no class: the weights or the input are not"
                + " finite");
    }
}
