package dev.backprop.exercises.sets;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Set 5, gradient checking, on a 4-5-3-1 network (the DLS assignment's shapes) and the planted-bug backward pass
 * of the exercise file (dW2 doubled, db1 four times too large).
 */
final class GradientCheckSet {

    private static final int[] DIMS = {4, 5, 3, 1};

    private GradientCheckSet() {
    }

    static Matrix X() {
        return Inputs.randn(1, 4, 3);
    }

    static Matrix Y() {
        return Matrix.row(1, 1, 0);
    }

    static DeepParameters parameters() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(Architecture.dls(DIMS), Initialization.HE, 2);
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= p.L(); l++) {
            b.add(Inputs.randn(30 + l, p.b(l).rows(), 1).times(0.1));
        }
        return new DeepParameters(p.weights(), b);
    }

    /** The planted-bug gradients: dW2 × 2 and db1 × 4, as the exercise file's plantedBugBackward. */
    static DeepGradients buggy() {
        DeepCaches caches = DeepNetwork.lModelForward(X(), parameters());
        DeepGradients g = DeepNetwork.lModelBackward(caches.AL(), Y(), caches);
        List<Matrix> dW = new ArrayList<>(g.dW());
        List<Matrix> db = new ArrayList<>(g.db());
        dW.set(1, dW.get(1).times(2));
        db.set(0, db.get(0).times(4));
        return new DeepGradients(g.dA(), dW, db);
    }

    static ExerciseSet set() {
        return new ExerciseSet(5, "gradient-check", "Gradient checking", "GradientCheckExercise",
                "Compare the backward pass with the numerical gradient of the cost, and find the bugs planted in a"
                        + " backward pass.",
                List.of(toVector(), toParameters(), gradientCheckN(), wrongGradients()));
    }

    private static FunctionSpec toVector() {
        return FunctionSpec.of("dictionary_to_vector", "parametersToVector")
                .task("Put every parameter into one column vector θ: W1, b1, W2, b2, ..., each read row by row.")
                .formula("θ = [W1.reshape(−1, 1); b1; W2.reshape(−1, 1); b2; ...]      (n, 1)")
                .inputs(List.of("parameters"), () -> new Object[] {parameters()})
                .parts(v -> Part.of(v, "theta"))
                .mistake("all the weights first, then the biases: θ keeps each layer's W and b together, W1, b1,"
                        + " W2, b2, ...", in -> {
                            DeepParameters p = (DeepParameters) in[0];
                            List<Matrix> order = new ArrayList<>(p.weights());
                            order.addAll(p.biases());
                            return Matrix.column(order.stream().flatMapToDouble(m -> java.util.Arrays.stream(
                                    m.toArray())).toArray());
                        })
                .mistake("each W was read column by column: θ reads W row by row, as numpy's reshape does", in -> {
                    DeepParameters p = (DeepParameters) in[0];
                    List<Double> v = new ArrayList<>();
                    for (int l = 1; l <= p.L(); l++) {
                        for (double x : p.W(l).T().contiguous().toArray()) {
                            v.add(x);
                        }
                        for (double x : p.b(l).toArray()) {
                            v.add(x);
                        }
                    }
                    return Matrix.column(v.stream().mapToDouble(Double::doubleValue).toArray());
                })
                .hints("toArray() reads a matrix row by row, as numpy's reshape does.",
                        "Layer by layer: W^[l]'s values, then b^[l]'s.");
    }

    private static FunctionSpec toParameters() {
        return FunctionSpec.of("vector_to_dictionary", "vectorToParameters")
                .task("Cut θ back into W1, b1, W2, b2, ... with the shapes given by layer_dims.")
                .formula("W^[l] (n^[l], n^[l−1]),  b^[l] (n^[l], 1),  taken from θ in the order W1, b1, W2, b2, ...")
                .inputs(List.of("theta", "layer_dims"), () -> new Object[] {
                        Matrix.column(GradientCheck.toVector(parameters())), DIMS.clone()})
                .parts(DeepSet::parameterParts)
                .mistake("each W was filled column by column: θ holds W row by row", in -> {
                    DeepParameters p = parameters();
                    List<Matrix> W = new ArrayList<>();
                    for (Matrix w : p.weights()) {
                        W.add(Matrix.of(w.cols(), w.rows(), w.toArray()).T().contiguous());
                    }
                    return new DeepParameters(W, p.biases());
                })
                .hints("Keep a running offset into θ; each matrix takes rows·cols values.",
                        "Matrix.of(rows, cols, values) fills row by row; Arrays.copyOfRange cuts a slice.");
    }

    private static FunctionSpec gradientCheckN() {
        return FunctionSpec.of("gradient_check_n", "gradientCheckN")
                .dependsOn("dictionary_to_vector", "vector_to_dictionary")
                .task("Compute the numerical gradient of the cost one parameter at a time, and return its relative"
                        + " difference from the given gradients. Graded on the planted-bug gradients.")
                .formula("gradapprox_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)\n"
                        + "difference = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)")
                .inputs(List.of("parameters", "gradients", "X", "Y", "epsilon", "layer_dims"),
                        () -> new Object[] {parameters(), buggy(), X(), Y(), 1e-7, DIMS.clone()})
                .parts(v -> Part.of(v, "difference"))
                .mistake("the difference was not divided by ‖grad‖₂ + ‖gradapprox‖₂: it must be relative", in -> {
                    double[] grad = GradientCheck.toVector(new DeepParameters(buggy().dW(), buggy().db()));
                    double[] approx = numeric();
                    double s = 0;
                    for (int i = 0; i < grad.length; i++) {
                        s += (grad[i] - approx[i]) * (grad[i] - approx[i]);
                    }
                    return Math.sqrt(s);
                })
                .hints("θ ± ε changes one element at a time: copy θ, change element i, turn it back into parameters.",
                        "The norms are Euclidean: the square root of the sum of squares.",
                        "Divide by 2ε for the centred difference; a correct backward pass gives about 1e-9.");
    }

    private static double[] numeric() {
        return GradientCheck.numericalGradient(GradientCheck.toVector(parameters()),
                t -> DeepNetwork.computeCost(DeepNetwork.lModelForward(X(), DeepParameters.of(
                        GradientCheck.fromVector(t, GradientCheck.shapes(parameters())))).AL(), Y()),
                GradientCheck.EPSILON);
    }

    private static FunctionSpec wrongGradients() {
        return FunctionSpec.of("find_the_bugs", "wrongGradients")
                .task("Check each gradient on its own, and return the names of those that fail (above 2e-7),"
                        + " in the order dW1, db1, dW2, db2, ...: these are the planted bugs.")
                .formula("for each parameter p:  difference_p = ‖dp − dp_approx‖₂ / (‖dp‖₂ + ‖dp_approx‖₂)\n"
                        + "wrong = [names with difference_p > 2e-7]")
                .inputs(List.of("parameters", "gradients", "X", "Y", "epsilon"),
                        () -> new Object[] {parameters(), buggy(), X(), Y(), 1e-7})
                .parts(v -> List.of(new Part("wrong", v)))
                .mistake("these are the gradients that pass the check: the wrong ones have a difference above"
                        + " 2e-7", in -> List.of("dW1", "db2", "dW3", "db3"))
                .hints("The same check as gradient_check_n, one parameter at a time.",
                        "Run plantedBugBackward yourself and look at the numbers: two gradients are off by a"
                                + " constant factor.");
    }
}
