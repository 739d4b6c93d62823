package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.GradientCheckSpec.ParameterGradient;
import dev.backprop.exercises.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Set 7, regularization: L2 cost and backward (gradient-checked per layer against the regularised cost), inverted
 * dropout forward and backward (the backward gradient-checked with the mask held fixed).
 */
final class RegularizationSet {

    private static final double LAMBD = 0.7;
    private static final double KEEP_PROB = 0.8;

    private RegularizationSet() {
    }

    static double regularizedCost(DeepParameters p) {
        double squares = 0;
        for (Matrix W : p.weights()) {
            squares += W.square().sum();
        }
        Matrix AL = DeepNetwork.lModelForward(DeepSet.X(), p).AL();
        return DeepNetwork.computeCost(AL, DeepSet.Y()) + LAMBD / (2.0 * DeepSet.Y().cols()) * squares;
    }

    static ExerciseSet set() {
        return new ExerciseSet(7, "regularization", "Regularization", "RegularizationExercise",
                "Two cures for overfitting: the L2 penalty on the weights, and inverted dropout (names and math of"
                        + " the DLS assignment).",
                List.of(l2Cost(), l2Backward(), dropoutForward(), dropoutBackward()));
    }

    private static FunctionSpec l2Cost() {
        return FunctionSpec.of("compute_cost_with_regularization", "computeCostWithRegularization")
                .task("The cross-entropy cost plus the L2 penalty on every weight matrix (not the biases).")
                .formula("J = cross-entropy + (λ / 2m) Σ_l ‖W^[l]‖²,   ‖W‖² = Σ_ij W_ij²")
                .inputs(List.of("AL", "Y", "parameters", "lambd"), () -> new Object[] {DeepSet.caches().AL(),
                        DeepSet.Y(), DeepSet.parameters(), LAMBD})
                .m(4)
                .parts(v -> Part.of(v, "cost"))
                .mistake("the penalty is λ/m Σ‖W‖²: the ½ of (λ / 2m) is missing", in -> 2 * regularizedCost(
                        DeepSet.parameters()) - DeepNetwork.computeCost(DeepSet.caches().AL(), DeepSet.Y()))
                .mistake("the penalty is missing: this is the plain cross-entropy",
                        in -> DeepNetwork.computeCost(DeepSet.caches().AL(), DeepSet.Y()))
                .hints("Sum the squares of every element of every W^[l]; the biases stay out.",
                        "Scale the sum by λ / (2m) and add it to the given cross-entropy cost.");
    }

    private static FunctionSpec l2Backward() {
        return FunctionSpec.of("backward_propagation_with_regularization", "backwardPropagationWithRegularization")
                .task("The plain gradients, with the gradient of the L2 penalty added to every dW.")
                .formula("dW^[l] = (plain dW^[l]) + (λ/m) W^[l]      db and dA unchanged")
                .inputs(List.of("AL", "Y", "caches", "parameters", "lambd"), () -> new Object[] {
                        DeepSet.caches().AL(), DeepSet.Y(), DeepSet.caches(), DeepSet.parameters(), LAMBD})
                .m(4)
                .parts(DeepSet::gradientParts)
                .mistake("the penalty's gradient is missing: dW^[l] gets + (λ/m) W^[l]",
                        in -> DeepNetwork.lModelBackward((Matrix) in[0], (Matrix) in[1], (DeepCaches) in[2]))
                .mistake("the penalty's gradient is (λ/2m) W: differentiating (λ/2m) W² gives (λ/m) W", in -> {
                    DeepGradients g = DeepNetwork.lModelBackward((Matrix) in[0], (Matrix) in[1], (DeepCaches) in[2]);
                    DeepParameters p = (DeepParameters) in[3];
                    List<Matrix> dW = new ArrayList<>();
                    for (int l = 1; l <= p.L(); l++) {
                        dW.add(g.dW(l).plus(p.W(l).times(LAMBD / 8)));
                    }
                    return new DeepGradients(g.dA(), dW, g.db());
                })
                .gradientCheck((result, in) -> {
                    DeepGradients g = (DeepGradients) result;
                    DeepParameters p = DeepSet.parameters();
                    List<ParameterGradient> out = new ArrayList<>();
                    for (int l = p.L(); l >= 1; l--) {
                        int layer = l;
                        out.add(new ParameterGradient("dW" + l, l, g.dW(l), Inputs.numericGradient(p.W(l), W -> {
                            List<Matrix> weights = new ArrayList<>(p.weights());
                            weights.set(layer - 1, W);
                            return regularizedCost(new DeepParameters(weights, p.biases()));
                        })));
                    }
                    return out;
                })
                .hints("Start from the given plain backward pass.",
                        "The derivative of (λ / 2m) Σ W² with respect to W is (λ / m) W; only dW changes.");
    }

    private static FunctionSpec dropoutForward() {
        return FunctionSpec.of("dropout_forward", "dropoutForward")
                .task("Drop each unit with probability 1 − keep_prob (a mask drawn after seeding), and rescale the"
                        + " kept ones by 1 / keep_prob.")
                .formula("D = np.random.rand(A.shape) < keep_prob      after np.random.seed(seed)\n"
                        + "A = A * D / keep_prob")
                .inputs(List.of("A", "keep_prob", "seed"), () -> new Object[] {Inputs.randn(17, 4, 5), KEEP_PROB, 1})
                .m(5)
                .mistake("the kept units were not divided by keep_prob: inverted dropout rescales them, so the"
                        + " expected activation stays the same", in -> {
                            Matrix D = new NumpyRandom(1).rand(4, 5).lt(KEEP_PROB);
                            return new DropoutResult(((Matrix) in[0]).times(D), D);
                        })
                .mistake("the mask keeps the units where rand > keep_prob: it keeps where rand < keep_prob (a"
                        + " unit survives with probability keep_prob)", in -> {
                            Matrix D = new NumpyRandom(1).rand(4, 5).gt(KEEP_PROB);
                            return new DropoutResult(((Matrix) in[0]).times(D).div(KEEP_PROB), D);
                        })
                .hints("The mask is 0/1: rand(...) compared with keep_prob.",
                        "Multiply by the mask, then divide by keep_prob; draw from a generator seeded with seed.");
    }

    private static FunctionSpec dropoutBackward() {
        return FunctionSpec.of("dropout_backward", "dropoutBackward")
                .task("Send the gradient back through the same mask, with the same scale.")
                .formula("dA = dA * D / keep_prob")
                .inputs(List.of("dA", "D", "keep_prob"), () -> new Object[] {Inputs.randn(18, 4, 5),
                        new NumpyRandom(1).rand(4, 5).lt(KEEP_PROB), KEEP_PROB})
                .m(5)
                .parts(v -> Part.of(v, "dA"))
                .mistake("the division by keep_prob is missing: the backward step scales like the forward one",
                        in -> ((Matrix) in[0]).times((Matrix) in[1]))
                .gradientCheck((result, in) -> {
                    Matrix dA = (Matrix) in[0];
                    Matrix D = (Matrix) in[1];
                    Matrix A = Inputs.randn(17, 4, 5);
                    Matrix numeric = Inputs.numericGradient(A, a -> a.times(D).div(KEEP_PROB).times(dA).sum());
                    return List.of(new ParameterGradient("dA", 1, (Matrix) result, numeric));
                })
                .hints("Units dropped on the way forward get no gradient.",
                        "The same mask and the same 1 / keep_prob as the forward step.");
    }
}
