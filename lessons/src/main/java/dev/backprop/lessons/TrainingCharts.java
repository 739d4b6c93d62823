package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.train.History;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;

/**
 * The charts of {@code ./workshop train}: the cost curves of a {@link History} and the decision boundary of a
 * trained 2-D classifier, shaded by the predicted probability as the TensorFlow Playground draws it.
 */
public final class TrainingCharts {


    private TrainingCharts() {
    }

    /** The training cost per epoch and, where recorded, the validation cost. */
    public static XYChart costCurves(String title, History history) {
        Map<String, double[][]> runs = new LinkedHashMap<>();
        runs.put("training cost", curve(history.get("loss")));
        if (history.has("val_loss")) {
            runs.put("validation cost", curve(history.get("val_loss")));
        }
        XYChart chart = Charts.costCurve(title, runs);
        chart.setXAxisTitle("epoch");
        return chart;
    }

    private static double[][] curve(List<Double> values) {
        double[] epochs = new double[values.size()];
        Arrays.setAll(epochs, e -> e);
        return new double[][] {epochs, values.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /**
     * The decision boundary of a classifier on 2-D data X (2, m) with labels Y (a row of classes, or one-hot
     * columns), shaded by the predicted probability: the one implementation,
     * {@link Charts#decisionBoundary(String, Matrix, Matrix, UnaryOperator)}.
     *
     * @param output maps points (2, n) to the model's output A^[L] (n_y, n)
     */
    public static XYChart decisionBoundary(String title, Matrix X, Matrix Y, UnaryOperator<Matrix> output) {
        return Charts.decisionBoundary(title, X, Y, output);
    }
}
