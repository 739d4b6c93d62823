package dev.backprop.exercises.sets;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.GradientCheckSpec.ParameterGradient;
import dev.backprop.exercises.Part;
import java.util.List;
import java.util.function.Function;

/**
 * Set 1, activations and their derivatives. The backward functions are gradient-checked against the engine's own
 * forward activations: the numerical gradient of J(Z) = Σ dA ⊙ g(Z) is dZ.
 */
final class ActivationsSet {

    private static final double ALPHA = 0.1;

    private ActivationsSet() {
    }

    static Matrix Z() {
        return Inputs.randn(1, 3, 4).times(2);
    }

    static Matrix dA() {
        return Inputs.randn(2, 3, 4);
    }

    static ExerciseSet set() {
        return new ExerciseSet(1, "activations", "Activations and their derivatives", "ActivationsExercise",
                "Each activation A = g(Z) and its backward step dZ = dA ⊙ g′(Z) (for softmax, its Jacobian applied"
                        + " to dA). Z is (n, m); examples are columns.",
                List.of(forward("sigmoid", "sigmoid", "A = σ(Z) = 1 / (1 + e^(−Z))", new Sigmoid(),
                                "the minus sign in the exponent is missing: 1 / (1 + e^Z) is σ(−Z)",
                                Z -> Z.exp().plus(1).rdiv(1),
                                "σ squashes any number into (0, 1); σ(0) = 0.5.",
                                "Build it from the inside out: negate, exp, add 1, take the reciprocal (rdiv(1))."),
                        backward("sigmoid_backward", "sigmoidBackward", "sigmoid",
                                "s = σ(Z)\ndZ = dA ⊙ s (1 − s)", new Sigmoid(),
                                "σ′ written as σ(1 + σ): the sign inside is flipped, σ′ = σ(1 − σ)",
                                (dA, Z) -> {
                                    Matrix s = new Sigmoid().forward(Z);
                                    return dA.times(s.times(s.plus(1)));
                                },
                                "The chain rule: dZ is dA times the derivative of σ at Z, element by element.",
                                "σ′ is written with σ itself: s times (1 − s), where s = σ(Z)."),
                        forward("tanh", "tanh", "A = tanh(Z)", new Tanh(),
                                "this is σ(Z), not tanh(Z): tanh ranges over (−1, 1)",
                                Z -> new Sigmoid().forward(Z),
                                "tanh ranges over (−1, 1) and tanh(0) = 0.",
                                "Matrix has tanh() built in, like np.tanh."),
                        backward("tanh_backward", "tanhBackward", "tanh", "dZ = dA ⊙ (1 − tanh²(Z))", new Tanh(),
                                "tanh′ written as 1 − tanh(Z) (not squared): tanh′ = 1 − tanh²",
                                (dA, Z) -> dA.times(Z.tanh().rminus(1)),
                                "dZ is dA times the derivative of tanh at Z, element by element.",
                                "tanh′ is written with A = tanh(Z): one minus A squared."),
                        forward("relu", "relu", "A = max(0, Z)", new Relu(),
                                "this is the 0/1 mask (Z > 0), not the ReLU itself: keep the value where Z > 0",
                                Z -> Z.gt(0),
                                "Negative inputs become 0; positive ones pass unchanged.",
                                "np.maximum(0, Z) has a Matrix twin taking a number."),
                        backward("relu_backward", "reluBackward", "relu", "dZ = dA where Z > 0, else 0", new Relu(),
                                "this is the mask (Z > 0) alone: dZ is dA where Z > 0, so multiply the mask by dA",
                                (dA, Z) -> Z.gt(0),
                                "ReLU′ is 1 where Z > 0 and 0 elsewhere.",
                                "A 0/1 mask of Z > 0 (gt(0)), multiplied elementwise by dA."),
                        forward("leaky_relu", "leakyRelu", "A = Z where Z > 0, else αZ       (α = 0.1)",
                                new LeakyRelu(ALPHA),
                                "the slope α was applied to the positive side: A = Z where Z > 0, αZ elsewhere",
                                Z -> Z.minimum(Z.times(ALPHA)),
                                "Like ReLU, but negative inputs keep a small slope α instead of 0.",
                                "For 0 ≤ α < 1, the larger of Z and αZ is the answer."),
                        backward("leaky_relu_backward", "leakyReluBackward", "leaky_relu",
                                "dZ = dA ⊙ (1 where Z > 0, else α)", new LeakyRelu(ALPHA),
                                "the negative side's slope is 0, as for ReLU: for leaky ReLU it is α",
                                (dA, Z) -> dA.times(Z.gt(0)),
                                "The slope is 1 for Z > 0 and α elsewhere.",
                                "Build the slope from two masks, gt(0) and le(0), the second one times α."),
                        forward("elu", "elu", "A = Z where Z > 0, else α (e^Z − 1)       (α = 0.1)", new Elu(ALPHA),
                                "the − 1 is missing on the negative side: α (e^Z − 1), which is 0 at Z = 0",
                                Z -> Z.gt(0).times(Z).plus(Z.le(0).times(Z.exp().times(ALPHA))),
                                "Positive inputs pass; negative ones curve smoothly towards −α.",
                                "Combine two masks: Z where Z > 0, α (e^Z − 1) where Z ≤ 0."),
                        backward("elu_backward", "eluBackward", "elu", "dZ = dA ⊙ (1 where Z > 0, else α e^Z)",
                                new Elu(ALPHA),
                                "the negative side's slope was written α (e^Z − 1), the ELU itself; its derivative"
                                        + " is α e^Z",
                                (dA, Z) -> dA.times(Z.gt(0).plus(Z.le(0).times(Z.exp().minus(1).times(ALPHA)))),
                                "The derivative of α (e^Z − 1) is α e^Z.",
                                "Slope = 1 where Z > 0, α e^Z elsewhere; then multiply by dA."),
                        forward("softmax", "softmax", "A = e^Z / Σ_classes e^Z       (each column sums to 1)",
                                new Softmax(),
                                "each row was normalised (a sum over axis 1); softmax normalises each column,"
                                        + " one example",
                                Z -> Z.exp().div(Z.exp().sum(1)),
                                "Each column (one example) must sum to 1.",
                                "Exponentiate, then divide by the column sums (sum(0)); subtract the column"
                                        + " maximum first so exp cannot overflow.")
                                .mistake("each row was normalised (a sum over axis 1); softmax normalises each"
                                        + " column, one example", in -> {
                                            Matrix Z = (Matrix) in[0];
                                            Matrix E = Z.minus(Z.max(0)).exp();
                                            return E.div(E.sum(1));
                                        })
                                .mistake("divided by the sum of all elements: each column (example) must be"
                                        + " normalised on its own", in -> {
                                            Matrix E = ((Matrix) in[0]).exp();
                                            return E.div(E.sum());
                                        }),
                        backward("softmax_backward", "softmaxBackward", "softmax",
                                "A = softmax(Z)\ndZ = A ⊙ (dA − Σ_classes(dA ⊙ A))", new Softmax(),
                                "softmax treated as elementwise, dA ⊙ A (1 − A): that is only the diagonal of its"
                                        + " Jacobian; every class's dA also reaches every zᵢ",
                                (dA, Z) -> {
                                    Matrix A = new Softmax().forward(Z);
                                    return dA.times(A.times(A.rminus(1)));
                                },
                                "The Jacobian of softmax is diag(a) − a aᵀ: not diagonal.",
                                "Applied to a column dA it gives a ⊙ (dA − (dA · a)); sum(0) gives the per-column"
                                        + " dot product.")));
    }

    private static FunctionSpec forward(String name, String javaName, String formula, Activation g,
                                        String mistake, Function<Matrix, Matrix> wrong, String... hints) {
        boolean withAlpha = javaName.equals("leakyRelu") || javaName.equals("elu");
        return FunctionSpec.of(name, javaName)
                .task("Return A = " + name + "(Z), element by element" + (name.equals("softmax")
                        ? " (softmax: column by column)." : "."))
                .formula(formula)
                .inputs(withAlpha ? List.of("Z", "alpha") : List.of("Z"),
                        () -> withAlpha ? new Object[] {Z(), ALPHA} : new Object[] {Z()})
                .m(4)
                .parts(v -> Part.of(v, "A"))
                .mistake(mistake, in -> wrong.apply((Matrix) in[0]))
                .hints(hints);
    }

    private static FunctionSpec backward(String name, String javaName, String forward, String formula, Activation g,
                                         String mistake, java.util.function.BinaryOperator<Matrix> wrong,
                                         String... hints) {
        boolean withAlpha = javaName.startsWith("leakyRelu") || javaName.startsWith("elu");
        FunctionSpec spec = FunctionSpec.of(name, javaName);
        if (forward.equals("sigmoid") || forward.equals("softmax")) {
            spec.dependsOn(forward);
        }
        return spec
                .task("Return dZ = ∂L/∂Z from dA = ∂L/∂A for A = " + forward + "(Z).")
                .formula(formula)
                .inputs(withAlpha ? List.of("dA", "Z", "alpha") : List.of("dA", "Z"),
                        () -> withAlpha ? new Object[] {dA(), Z(), ALPHA} : new Object[] {dA(), Z()})
                .m(4)
                .parts(v -> Part.of(v, "dZ"))
                .mistake("dA is missing: this is g′(Z) alone; the chain rule multiplies it by dA",
                        in -> g.backward(Matrix.ones(3, 4), (Matrix) in[1], g.forward((Matrix) in[1])))
                .mistake(mistake, in -> wrong.apply((Matrix) in[0], (Matrix) in[1]))
                .gradientCheck((result, in) -> {
                    Matrix dA = (Matrix) in[0];
                    Matrix numeric = Inputs.numericGradient((Matrix) in[1], Z -> g.forward(Z).times(dA).sum());
                    return List.of(new ParameterGradient("dZ", 1, (Matrix) result, numeric));
                })
                .hints(hints);
    }
}
