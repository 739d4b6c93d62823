package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.Part;
import java.util.List;

/**
 * Set 8, model evaluation. Labels and predictions are fixed rows; the expected values are checked against
 * scikit-learn's in the tests (scripts/exercises_reference.py).
 */
final class EvaluationSet {

    private EvaluationSet() {
    }

    /** Twelve binary labels and predictions: TP = 4, FP = 2, FN = 3, TN = 3. */
    static Matrix Y() {
        return Matrix.row(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
    }

    static Matrix predictions() {
        return Matrix.row(1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0);
    }

    static ExerciseSet set() {
        return new ExerciseSet(8, "evaluation", "Model evaluation", "EvaluationExercise",
                "How good is a classifier beyond its accuracy: the confusion matrix, and for the positive class its"
                        + " precision, recall and F1 score.",
                List.of(confusionMatrix(), precision(), recall(), f1()));
    }

    private static FunctionSpec confusionMatrix() {
        return FunctionSpec.of("confusion_matrix", "confusionMatrix")
                .task("Count, for every actual class i and predicted class j, the examples of class i predicted as"
                        + " j.")
                .formula("C[i, j] = #{ examples with y = i and ŷ = j }      (classes, classes), rows = actual")
                .inputs(List.of("Y", "predictions", "classes"), () -> new Object[] {
                        Matrix.row(0, 1, 2, 2, 1, 0, 2, 1, 1, 2), Matrix.row(0, 2, 2, 1, 1, 0, 2, 0, 1, 2), 3})
                .parts(v -> Part.of(v, "C"))
                .hints("One pass over the examples: each adds 1 to one cell.",
                        "The row is the actual class, the column the predicted one (scikit-learn's convention).")
                .mistake("rows and columns are swapped: rows are the actual classes, columns the predicted ones",
                        in -> confusion((Matrix) in[1], (Matrix) in[0], 3));
    }

    static Matrix confusion(Matrix rowsFrom, Matrix colsFrom, int classes) {
        double[][] C = new double[classes][classes];
        for (int j = 0; j < rowsFrom.cols(); j++) {
            C[(int) rowsFrom.get(0, j)][(int) colsFrom.get(0, j)] += 1;
        }
        return Matrix.of(C);
    }

    private static FunctionSpec precision() {
        return FunctionSpec.of("precision", "precision")
                .task("Of the examples predicted positive, the share that are positive.")
                .formula("precision = TP / (TP + FP)")
                .inputs(List.of("Y", "predictions"), () -> new Object[] {Y(), predictions()})
                .parts(v -> Part.of(v, "precision"))
                .mistake("that is the recall, TP / (TP + FN): precision divides by the predicted positives,"
                        + " TP + FP", in -> 4.0 / 7)
                .mistake("that is the accuracy, (TP + TN) / m", in -> 7.0 / 12)
                .hints("TP counts examples where both the label and the prediction are 1.",
                        "FP: predicted 1, actually 0. Products of 0/1 rows count both at once.");
    }

    private static FunctionSpec recall() {
        return FunctionSpec.of("recall", "recall")
                .task("Of the positive examples, the share predicted positive.")
                .formula("recall = TP / (TP + FN)")
                .inputs(List.of("Y", "predictions"), () -> new Object[] {Y(), predictions()})
                .parts(v -> Part.of(v, "recall"))
                .mistake("that is the precision, TP / (TP + FP): recall divides by the actual positives, TP + FN",
                        in -> 4.0 / 6)
                .hints("FN: actually 1, predicted 0.",
                        "TP + FN is simply the number of positive labels.");
    }

    private static FunctionSpec f1() {
        return FunctionSpec.of("f1_score", "f1Score")
                .dependsOn("precision", "recall")
                .task("The harmonic mean of precision and recall.")
                .formula("F1 = 2 P R / (P + R)")
                .inputs(List.of("Y", "predictions"), () -> new Object[] {Y(), predictions()})
                .parts(v -> Part.of(v, "f1"))
                .mistake("that is the arithmetic mean (P + R) / 2: F1 is the harmonic mean, 2PR / (P + R)",
                        in -> (4.0 / 6 + 4.0 / 7) / 2)
                .hints("Use your precision and recall.",
                        "The harmonic mean punishes a low value: it is not (P + R) / 2.");
    }
}
