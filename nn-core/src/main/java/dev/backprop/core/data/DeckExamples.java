package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.util.List;

/** The small worked examples of the workshop's decks, as data, examples as columns. */
public final class DeckExamples {

    /** The house-price features of <i>Intro to Deep Learning</i>, in this order. */
    public static final List<String> HOUSE_FEATURES = List.of("bedrooms", "bathrooms", "square feet");

    /** The "go to class" features of <i>Intro to Deep Learning</i>, in this order. */
    public static final List<String> GO_TO_CLASS_FEATURES =
            List.of("difficulty of material", "number of assignments due", "days until midterm");

    private DeckExamples() {
    }

    /**
     * <i>Intro to Deep Learning</i>, "Linear Regression": x₁ = 5 (bedrooms), x₂ = 3 (bathrooms),
     * x₃ = 3000 (square feet), so z = 5w₁ + 3w₂ + 3000w₃ + b. X (3, 1); the deck gives no price.
     */
    public static Matrix house() {
        return Matrix.column(5, 3, 3000);
    }

    /**
     * <i>Intro to Deep Learning</i>, "Shallow Neural Networks (example)": is it worth going to class?
     * X (3, 1) = (0.4 difficulty, 2 assignments due, 17 days until the midterm), Y = 1 ("it turns out midterm
     * material was covered"). With the deck's first hidden neuron ({@link #goToClassNeuron()}) z = 0.7; the
     * network says ŷ = 0.45, so L = −log 0.45 = 0.798508.
     */
    public static Dataset goToClass() {
        return new Dataset(Matrix.column(0.4, 2, 17), Matrix.of(1, 1, 1.0));
    }

    /** A neuron's weights (as a row, so z = w·x + b) and bias. */
    public record Neuron(Matrix w, double b) {
    }

    /** The deck's first hidden neuron of the go-to-class network: w = (0.5, 0.1, 0.0058), b = 0.2. */
    public static Neuron goToClassNeuron() {
        return new Neuron(Matrix.row(0.5, 0.1, 0.0058), 0.2);
    }

    /**
     * <i>Deep Learning Workshop</i>, "Creating a Simple Neural Network Architecture":
     * {@code X = np.array([-7.0, -4.0, ..., 14.0])}, {@code y = X + 10}. X (1, 8), Y (1, 8).
     */
    public static Dataset line() {
        double[] X = new double[8];
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            X[i] = -7 + 3 * i;
            y[i] = X[i] + 10;
        }
        return new Dataset(Matrix.row(X), Matrix.row(y));
    }
}
