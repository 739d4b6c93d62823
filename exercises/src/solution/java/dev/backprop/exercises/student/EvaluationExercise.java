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
        // SOLUTION STARTS
        for (int j = 0; j < Y.cols(); j++) {
            C[(int) Y.get(0, j)][(int) predictions.get(0, j)] += 1;
        }
        // SOLUTION ENDS
        return Matrix.of(C);
    }

    /** Precision = TP / (TP + FP): of the examples predicted positive, the share that are positive. */
    public static double precision(Matrix Y, Matrix predictions) {
        // SOLUTION STARTS
        //> double precision = 0;
        double TP = Y.times(predictions).sum();
        double FP = Y.rminus(1).times(predictions).sum();
        double precision = TP / (TP + FP);
        // SOLUTION ENDS
        return precision;
    }

    /** Recall = TP / (TP + FN): of the positive examples, the share predicted positive. */
    public static double recall(Matrix Y, Matrix predictions) {
        // SOLUTION STARTS
        //> double recall = 0;
        double TP = Y.times(predictions).sum();
        double FN = Y.times(predictions.rminus(1)).sum();
        double recall = TP / (TP + FN);
        // SOLUTION ENDS
        return recall;
    }

    /** F1 = 2 P R / (P + R), the harmonic mean of precision P and recall R (use your precision and recall). */
    public static double f1Score(Matrix Y, Matrix predictions) {
        // SOLUTION STARTS
        //> double f1 = 0;
        double P = precision(Y, predictions);
        double R = recall(Y, predictions);
        double f1 = 2 * P * R / (P + R);
        // SOLUTION ENDS
        return f1;
    }
}
