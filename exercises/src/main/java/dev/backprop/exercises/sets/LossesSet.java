package dev.backprop.exercises.sets;

import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.GradientCheckSpec.ParameterGradient;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Set 3, the nine losses, value and gradient. Each gradient is checked against the numerical gradient of the
 * engine's own loss, Σⱼ ℒ⁽ʲ⁾ = m J, with respect to AL.
 */
final class LossesSet {

    private static final int N = 3;
    private static final int M = 4;

    private LossesSet() {
    }

    static Matrix probabilities() {
        return Inputs.probabilities(6, N, M);
    }

    static Matrix softmaxLike() {
        Matrix E = Inputs.randn(7, N, M).exp();
        return E.div(E.sum(0));
    }

    static Matrix oneHot() {
        return Matrix.of(new double[][] {{1, 0, 0, 1}, {0, 1, 0, 0}, {0, 0, 1, 0}});
    }

    static ExerciseSet set() {
        Supplier<Object[]> regression = () -> new Object[] {Inputs.randn(8, N, M), Inputs.randn(9, N, M)};
        Supplier<Object[]> positive = () -> new Object[] {Inputs.probabilities(8, N, M).times(5),
                Inputs.probabilities(9, N, M).times(5)};
        Supplier<Object[]> binary = () -> new Object[] {probabilities(), new dev.backprop.core.random.NumpyRandom(10)
                .rand(N, M).gt(0.5)};
        Supplier<Object[]> categorical = () -> new Object[] {softmaxLike(), oneHot()};
        Supplier<Object[]> sparse = () -> new Object[] {softmaxLike(), Matrix.row(0, 1, 2, 0)};
        Supplier<Object[]> scores = () -> new Object[] {Inputs.randn(11, N, M), new dev.backprop.core.random
                .NumpyRandom(12).rand(N, M).gt(0.5)};
        Supplier<Object[]> distributions = () -> new Object[] {softmaxLike(), Inputs.probabilities(13, N, M)
                .div(Inputs.probabilities(13, N, M).sum(0))};
        return new ExerciseSet(3, "losses", "Losses, value and gradient", "LossesExercise",
                "The nine losses of the Multi-layer Perceptron deck. For each, the cost J = (1/m) Σⱼ ℒ⁽ʲ⁾ and the"
                        + " gradient dAL = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾, column by column, without the 1/m.",
                List.of(loss("mean_squared_error", "meanSquaredError", new MeanSquaredError(), regression,
                                "ℒ = (1/n) Σᵢ (ŷᵢ − yᵢ)²\n∂ℒ/∂ŷ = (2/n)(ŷ − y)",
                                "dAL is missing the 2 from differentiating the square",
                                (AL, Y) -> AL.minus(Y).div(N),
                                "J: square the errors, average over the n outputs of each column, then over the"
                                        + " m columns.",
                                "The derivative of (ŷ − y)² is 2(ŷ − y); the mean over n outputs brings 1/n."),
                        loss("mean_absolute_error", "meanAbsoluteError", new MeanAbsoluteError(), regression,
                                "ℒ = (1/n) Σᵢ |ŷᵢ − yᵢ|\n∂ℒ/∂ŷ = (1/n) sign(ŷ − y)",
                                "dAL is ŷ − y, the squared error's slope: the derivative of |ŷ − y| is sign(ŷ − y)",
                                (AL, Y) -> AL.minus(Y).div(N),
                                "|x| has slope +1 or −1: the size of the error does not matter, only its sign.",
                                "np.sign has a Matrix twin."),
                        loss("mean_squared_logarithmic_error", "meanSquaredLogarithmicError",
                                new MeanSquaredLogarithmicError(), positive,
                                "d = log(ŷ + 1) − log(y + 1)\nℒ = (1/n) Σᵢ dᵢ²\n∂ℒ/∂ŷ = (2/n) d / (ŷ + 1)",
                                "dAL is missing the chain rule's 1 / (ŷ + 1), the derivative of log(ŷ + 1)",
                                (AL, Y) -> AL.plus(1).log().minus(Y.plus(1).log()).times(2.0 / N),
                                "It is the squared error of log(1 + ŷ) against log(1 + y).",
                                "Chain rule: the derivative of d² is 2d times the derivative of log(ŷ + 1)."),
                        loss("binary_crossentropy", "binaryCrossEntropy", new BinaryCrossEntropy(), binary,
                                "ℒ = −(1/n) Σᵢ (yᵢ log ŷᵢ + (1 − yᵢ) log(1 − ŷᵢ))\n"
                                        + "∂ℒ/∂ŷ = −(1/n)(y/ŷ − (1 − y)/(1 − ŷ))",
                                "dAL has the sign flipped: the minus in front of the cross-entropy carries into"
                                        + " its derivative",
                                (AL, Y) -> Y.div(AL).minus(Y.rminus(1).div(AL.rminus(1))).div(N),
                                "The workshop's compute_cost, averaged over the n outputs of each column too.",
                                "Differentiate log ŷ to 1/ŷ and log(1 − ŷ) to −1/(1 − ŷ); keep the leading minus."),
                        loss("categorical_crossentropy", "categoricalCrossEntropy", new CategoricalCrossEntropy(),
                                categorical, "ℒ = −Σᵢ yᵢ log ŷᵢ        (a sum over the classes)\n∂ℒ/∂ŷ = −y / ŷ",
                                "dAL has the sign flipped: ∂ℒ/∂ŷ = −y/ŷ",
                                (AL, Y) -> Y.div(AL),
                                "Only the true class's probability counts: ℒ = −log ŷ_(true class).",
                                "Sum over the classes (sum(0)), not a mean; then average over the columns.")
                                .mistake("J averages over the classes as well: the categorical cross-entropy sums"
                                        + " over the classes", in -> new CostAndGradient(-((Matrix) in[1])
                                        .times(((Matrix) in[0]).log()).mean(), ((Matrix) in[1])
                                        .div((Matrix) in[0]).negate())),
                        loss("sparse_categorical_crossentropy", "sparseCategoricalCrossEntropy",
                                new SparseCategoricalCrossEntropy(), sparse,
                                "onehot = [i = yⱼ]        (n_classes, m)\nℒ = −log ŷ_(yⱼ)\n∂ℒ/∂ŷ = −onehot / ŷ",
                                "dAL has the sign flipped: ∂ℒ/∂ŷ = −onehot/ŷ",
                                (AL, Y) -> SparseCategorical.oneHot(Y).div(AL),
                                "Turn the row of class indices into one-hot columns, then it is the categorical"
                                        + " cross-entropy.",
                                "Comparing the column (0, 1, …, n−1) with the row Y broadcasts to (n, m): eq(...)."),
                        loss("hinge", "hinge", new Hinge(), scores,
                                "ỹ = 2y − 1\nℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ)\n∂ℒ/∂ŷ = −(1/n) ỹ [1 − ỹ ŷ > 0]",
                                "the labels were used as 0/1: map them to ỹ = 2y − 1 ∈ {−1, +1} first",
                                (AL, Y) -> Y.times(Y.times(AL).rminus(1).gt(0)).negate().div(N),
                                "The hinge is zero once ỹŷ ≥ 1: right side, with a margin of 1.",
                                "Map the labels to ±1 first; the gradient is −ỹ/n where the margin is violated.")
                                .mistake("the labels were used as 0/1: map them to ỹ = 2y − 1 ∈ {−1, +1} first",
                                        in -> new CostAndGradient(((Matrix) in[1]).times((Matrix) in[0]).rminus(1)
                                                .maximum(0).mean(), null)),
                        loss("squared_hinge", "squaredHinge", new SquaredHinge(), scores,
                                "ỹ = 2y − 1\nℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ)²\n∂ℒ/∂ŷ = −(2/n) ỹ max(0, 1 − ỹ ŷ)",
                                "dAL is missing the 2 from differentiating the square",
                                (AL, Y) -> {
                                    Matrix Ys = Y.times(2).minus(1);
                                    return Ys.times(Ys.times(AL).rminus(1).maximum(0)).times(-1.0 / N);
                                },
                                "The hinge, squared: smooth at the margin.",
                                "Chain rule: 2 · max(0, 1 − ỹŷ) · (−ỹ), over n."),
                        loss("kl_divergence", "klDivergence", new KLDivergence(), distributions,
                                "ℒ = Σᵢ yᵢ log(yᵢ / ŷᵢ)        (a sum over the classes)\n∂ℒ/∂ŷ = −y / ŷ",
                                "dAL has the sign flipped: ∂ℒ/∂ŷ = −y/ŷ",
                                (AL, Y) -> Y.div(AL),
                                "It is the cross-entropy minus the entropy of y: zero when ŷ = y.",
                                "log(y/ŷ): the ratio is the target over the prediction.")));
    }

    /** The one-hot columns of a row of class indices, for the mistakes. */
    private static final class SparseCategorical {
        static Matrix oneHot(Matrix Y) {
            return Matrix.column(0, 1, 2).eq(Y);
        }
    }

    private static FunctionSpec loss(String name, String javaName, Loss loss, Supplier<Object[]> inputs,
                                     String formula, String mistake, BinaryOperator<Matrix> wrongGradient,
                                     String... hints) {
        return FunctionSpec.of(name, javaName)
                .task("Return the cost J = (1/m) Σⱼ ℒ⁽ʲ⁾ and the gradient dAL = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾ (no 1/m) of " + name + ".")
                .formula(formula)
                .inputs(List.of("AL", "Y"), inputs)
                .m(M)
                .mistake(mistake, in -> new CostAndGradient(loss.cost((Matrix) in[0], (Matrix) in[1]),
                        wrongGradient.apply((Matrix) in[0], (Matrix) in[1])))
                .mistake("dAL carries a 1/m: the loss's gradient is per example; the 1/m is applied once, in dW"
                        + " and db", in -> new CostAndGradient(loss.cost((Matrix) in[0], (Matrix) in[1]),
                        loss.gradient((Matrix) in[0], (Matrix) in[1]).div(M)))
                .gradientCheck((result, in) -> {
                    Matrix Y = (Matrix) in[1];
                    Matrix numeric = Inputs.numericGradient((Matrix) in[0], AL -> loss.cost(AL, Y) * M);
                    return List.of(new ParameterGradient("dAL", 1, ((CostAndGradient) result).dAL(), numeric));
                })
                .hints(hints);
    }
}
