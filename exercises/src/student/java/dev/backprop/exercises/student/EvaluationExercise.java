package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;

/**
 * Exercise set 8, model evaluation (the Multi-layer Perceptron deck: "confusion matrix, precision, recall, F1").
 * Labels and predictions are rows (1, m) of class indices; for precision, recall and F1 the classes are 0 and 1,
 * and 1 is the positive class.
 * <pre>
 *                   predicted 0   predicted 1
 *   actual 0            TN            FP
 *   actual 1            FN            TP
 * </pre>
 */
public final class EvaluationExercise {

    private EvaluationExercise() {
    }

    /**
     * The confusion matrix C (classes, classes): C[i, j] counts the examples of actual class i predicted as class j
     * (rows are the truth, as scikit-learn's {@code confusion_matrix(y_true, y_pred)}).
     */
    public static Matrix confusionMatrix(Matrix Y, Matrix predictions, int classes) {
        double[][] C = new double[classes][classes];
        // YOUR CODE STARTS HERE (≈ 3 lines)
        // YOUR CODE ENDS HERE
        return Matrix.of(C);
    }

    /** Precision = TP / (TP + FP): of the examples predicted positive, the share that are positive. */
    public static double precision(Matrix Y, Matrix predictions) {
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double precision = 0;
        // YOUR CODE ENDS HERE
        return precision;
    }

    /** Recall = TP / (TP + FN): of the positive examples, the share predicted positive. */
    public static double recall(Matrix Y, Matrix predictions) {
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double recall = 0;
        // YOUR CODE ENDS HERE
        return recall;
    }

    /** F1 = 2 P R / (P + R), the harmonic mean of precision P and recall R (use your precision and recall). */
    public static double f1Score(Matrix Y, Matrix predictions) {
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double f1 = 0;
        // YOUR CODE ENDS HERE
        return f1;
    }
}
