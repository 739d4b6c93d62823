package dev.backprop.exercises.sets;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.DeepNetwork.LayerGradients;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.GradientCheckSpec.ParameterGradient;
import dev.backprop.exercises.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Set 4, the deep network step by step. Inputs: X (5, 4), Y (1, 4), a 5-4-3-1 network with He-scaled weights;
 * the gradient check of L_model_backward uses the engine's forward pass and cost.
 */
final class DeepSet {

    private static final int M = 4;
    private static final int[] DIMS = {5, 4, 3, 1};

    private DeepSet() {
    }

    static Matrix X() {
        return Inputs.randn(1, 5, M);
    }

    static Matrix Y() {
        return Matrix.row(1, 0, 1, 1);
    }

    static DeepParameters parameters() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(Architecture.dls(DIMS), Initialization.HE, 1);
        // non-zero biases, so a missing b shows
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= p.L(); l++) {
            b.add(Inputs.randn(20 + l, p.b(l).rows(), 1).times(0.1));
        }
        return new DeepParameters(p.weights(), b);
    }

    static DeepCaches caches() {
        return DeepNetwork.lModelForward(X(), parameters());
    }

    static List<Part> parameterParts(Object value) {
        DeepParameters p = (DeepParameters) value;
        List<Part> parts = new ArrayList<>();
        for (int l = 1; l <= p.L(); l++) {
            parts.add(new Part("W" + l, p.W(l)));
            parts.add(new Part("b" + l, p.b(l)));
        }
        return parts;
    }

    static List<Part> gradientParts(Object value) {
        DeepGradients g = (DeepGradients) value;
        List<Part> parts = new ArrayList<>();
        for (int l = g.L(); l >= 1; l--) {
            parts.add(new Part("dW" + l, g.dW(l)));
            parts.add(new Part("db" + l, g.db(l)));
            parts.add(new Part("dA" + (l - 1), g.dA(l - 1)));
        }
        return parts;
    }

    static ExerciseSet set() {
        return new ExerciseSet(4, "deep", "Deep network step by step", "DeepNetworkExercise",
                "An L-layer network, [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID, built one function at a time:"
                        + " initialisation, the forward pass, the cost, the backward pass and the update.",
                List.of(initializeParametersDeep(), linearForward(), linearActivationForward(), lModelForward(),
                        computeCost(), linearBackward(), linearActivationBackward(), lModelBackward(),
                        updateParameters()));
    }

    private static FunctionSpec initializeParametersDeep() {
        return FunctionSpec.of("initialize_parameters_deep", "initializeParametersDeep")
                .task("For each layer l = 1..L in turn, draw W^[l] from a standard normal scaled by 0.01 and set"
                        + " b^[l] to zeros; the generator is seeded with 3.")
                .formula("W^[l] = np.random.randn(n^[l], n^[l−1]) * 0.01     (n^[l], n^[l−1])\n"
                        + "b^[l] = np.zeros((n^[l], 1))                       (n^[l], 1)")
                .inputs(List.of("layer_dims"), () -> new Object[] {new int[] {5, 4, 3}})
                .parts(DeepSet::parameterParts)
                .mistake("W is the unscaled draw: the * 0.01 is missing", in -> unscaled())
                .hints("One W and one b per layer: L = len(layer_dims) − 1 layers, the loop starts at l = 1.",
                        "W^[l] has n^[l] rows and n^[l−1] columns; draw them in layer order from the one generator.");
    }

    private static DeepParameters unscaled() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(5, 4, 3);
        return new DeepParameters(p.weights().stream().map(W -> W.times(100)).toList(), p.biases());
    }

    private static FunctionSpec linearForward() {
        return FunctionSpec.of("linear_forward", "linearForward")
                .task("The linear part of a layer.")
                .formula("Z = W · A + b      (n^[l], n^[l−1])·(n^[l−1], m) + (n^[l], 1) → (n^[l], m)")
                .inputs(List.of("A", "W", "b"), () -> new Object[] {X(), parameters().W(1), parameters().b(1)})
                .m(M)
                .parts(v -> Part.of(v, "Z"))
                .mistake("b is missing: Z = W · A + b", in -> ((Matrix) in[1]).dot((Matrix) in[0]))
                .hints("One line: a product and a broadcast addition.",
                        "np.dot(W, A) + b: the product order is W then A.");
    }

    private static FunctionSpec linearActivationForward() {
        return FunctionSpec.of("linear_activation_forward", "linearActivationForward")
                .dependsOn("linear_forward")
                .task("One layer: the linear part, then the activation named by \"relu\" or \"sigmoid\"; return"
                        + " the layer's cache.")
                .formula("Z = W · A_prev + b\nA = g(Z)")
                .inputs(List.of("A_prev", "W", "b", "activation"),
                        () -> new Object[] {X(), parameters().W(1), parameters().b(1), "relu"})
                .m(M)
                .mistake("the activations are swapped: \"relu\" asked for ReLU, this is the sigmoid", in -> {
                    Matrix Z = DeepNetwork.linearForward((Matrix) in[0], (Matrix) in[1], (Matrix) in[2]);
                    return new LayerCache((Matrix) in[0], (Matrix) in[1], (Matrix) in[2], Z, new Sigmoid()
                            .forward(Z), new Sigmoid());
                })
                .hints("Reuse linear_forward for Z.",
                        "Pick the activation with activation.equals(\"relu\"); the cache records which one it was.");
    }

    private static FunctionSpec lModelForward() {
        return FunctionSpec.of("L_model_forward", "lModelForward")
                .dependsOn("linear_activation_forward")
                .task("The whole forward pass: ReLU layers 1..L−1, a sigmoid layer L; collect the caches.")
                .formula("A^[0] = X\nfor l = 1..L−1:  A^[l] = relu(W^[l] A^[l−1] + b^[l])\n"
                        + "A^[L] = σ(W^[L] A^[L−1] + b^[L])")
                .inputs(List.of("X", "parameters"), () -> new Object[] {X(), parameters()})
                .m(M)
                .parts(v -> {
                    DeepCaches c = (DeepCaches) v;
                    List<Part> parts = new ArrayList<>();
                    for (int l = 1; l <= Math.max(c.L(), DIMS.length - 1); l++) {
                        parts.add(new Part("Z" + l, l <= c.L() ? c.Z(l) : null));
                        parts.add(new Part("A" + l, l <= c.L() ? c.A(l) : null));
                    }
                    return parts;
                })
                .mistake("the output layer is a ReLU: the last layer is a sigmoid, A^[L] is a probability",
                        in -> DeepNetwork.lModelForward((Matrix) in[0], (DeepParameters) in[1],
                                List.of(new Relu(), new Relu(), new Relu())))
                .hints("Keep the current A in a variable: each layer's input is the previous layer's output.",
                        "L − 1 ReLU layers in a loop, then one sigmoid layer after it.");
    }

    private static FunctionSpec computeCost() {
        return FunctionSpec.of("compute_cost", "computeCost")
                .task("The cross-entropy cost of AL for the labels Y.")
                .formula("J = −(1/m) Σ (Y log AL + (1 − Y) log(1 − AL))")
                .inputs(List.of("AL", "Y"), () -> new Object[] {Inputs.probabilities(14, 1, M), Y()})
                .m(M)
                .mistake("only the y = 1 term: the (1 − Y) log(1 − AL) term is missing",
                        in -> -((Matrix) in[1]).times(((Matrix) in[0]).log()).sum() / M)
                .hints("The same cost as the two-layer network's.",
                        "Elementwise products, one sum over everything, a minus and 1/m.");
    }

    private static FunctionSpec linearBackward() {
        return FunctionSpec.of("linear_backward", "linearBackward")
                .task("The linear part of a layer's backward step: from dZ to dA_prev, dW and db.")
                .formula("dW = (1/m) dZ · A_prevᵀ        (n^[l], n^[l−1])\ndb = (1/m) Σ_columns dZ        (n^[l], 1)\n"
                        + "dA_prev = Wᵀ · dZ              (n^[l−1], m)")
                .inputs(List.of("dZ", "cache"), () -> new Object[] {Inputs.randn(15, 4, M), caches().layer(1)})
                .m(M)
                .mistake("dA_prev carries a 1/m: only dW and db average over the examples",
                        in -> {
                            LayerGradients g = DeepNetwork.linearBackward((Matrix) in[0], (LayerCache) in[1]);
                            return new LayerGradients(g.dA_prev().div(M), g.dW(), g.db());
                        })
                .gradientCheck((result, in) -> {
                    Matrix dZ = (Matrix) in[0];
                    LayerCache c = (LayerCache) in[1];
                    LayerGradients g = (LayerGradients) result;
                    // J = (1/m) Σ dZ ⊙ (W · A_prev + b): its gradients are dW, db and dA_prev / m
                    return List.of(
                            new ParameterGradient("dW", 1, g.dW(), Inputs.numericGradient(c.W(),
                                    W -> W.dot(c.A_prev()).plus(c.b()).times(dZ).sum() / M)),
                            new ParameterGradient("db", 1, g.db(), Inputs.numericGradient(c.b(),
                                    b -> c.W().dot(c.A_prev()).plus(b).times(dZ).sum() / M)),
                            new ParameterGradient("dA_prev", 0, g.dA_prev(), Inputs.numericGradient(c.A_prev(),
                                    A -> c.W().dot(A).plus(c.b()).times(dZ).sum())));
                })
                .hints("dW and db carry 1/m; dA_prev does not.",
                        "db sums dZ over the examples and stays a column (sum(1)); dA_prev uses Wᵀ.");
    }

    private static FunctionSpec linearActivationBackward() {
        return FunctionSpec.of("linear_activation_backward", "linearActivationBackward")
                .dependsOn("linear_backward")
                .task("One layer's backward step: through the activation (\"relu\" or \"sigmoid\", with the given"
                        + " backward steps), then linear_backward.")
                .formula("dZ = dA ⊙ g′(Z)\ndA_prev, dW, db = linear_backward(dZ, cache)")
                .inputs(List.of("dA", "cache", "activation"),
                        () -> new Object[] {Inputs.randn(16, 4, M), caches().layer(1), "relu"})
                .m(M)
                .mistake("the sigmoid's backward step was used for a ReLU layer",
                        in -> {
                            LayerCache c = (LayerCache) in[1];
                            Matrix dZ = new Sigmoid().backward((Matrix) in[0], c.Z(), new Sigmoid().forward(c.Z()));
                            return DeepNetwork.linearBackward(dZ, c);
                        })
                .mistake("the activation's backward step is missing: dA was passed to linear_backward as dZ",
                        in -> DeepNetwork.linearBackward((Matrix) in[0], (LayerCache) in[1]))
                .gradientCheck((result, in) -> {
                    Matrix dA = (Matrix) in[0];
                    LayerCache c = (LayerCache) in[1];
                    LayerGradients g = (LayerGradients) result;
                    Relu relu = new Relu();
                    // J = (1/m) Σ dA ⊙ relu(W · A_prev + b): its gradients are dW, db and dA_prev / m
                    return List.of(
                            new ParameterGradient("dW", 1, g.dW(), Inputs.numericGradient(c.W(),
                                    W -> relu.forward(W.dot(c.A_prev()).plus(c.b())).times(dA).sum() / M)),
                            new ParameterGradient("db", 1, g.db(), Inputs.numericGradient(c.b(),
                                    b -> relu.forward(c.W().dot(c.A_prev()).plus(b)).times(dA).sum() / M)),
                            new ParameterGradient("dA_prev", 0, g.dA_prev(), Inputs.numericGradient(c.A_prev(),
                                    A -> relu.forward(c.W().dot(A).plus(c.b())).times(dA).sum())));
                })
                .hints("Two steps: dZ from dA through the activation, then the linear part.",
                        "reluBackward(dA, cache.Z()) or sigmoidBackward(...), chosen by the activation's name.");
    }

    private static FunctionSpec lModelBackward() {
        return FunctionSpec.of("L_model_backward", "lModelBackward")
                .dependsOn("linear_activation_backward")
                .task("The whole backward pass: dAL from the cost, the sigmoid layer L, then the ReLU layers"
                        + " L−1..1.")
                .formula("dAL = −(Y/AL − (1 − Y)/(1 − AL))\n"
                        + "dA^[L−1], dW^[L], db^[L] = linear_activation_backward(dAL, cache^[L], \"sigmoid\")\n"
                        + "for l = L−1..1:  dA^[l−1], dW^[l], db^[l] = linear_activation_backward(dA^[l],"
                        + " cache^[l], \"relu\")")
                .inputs(List.of("AL", "Y", "caches"), () -> new Object[] {caches().AL(), Y(), caches()})
                .m(M)
                .parts(DeepSet::gradientParts)
                .mistake("every layer went through the ReLU's backward step: layer L is a sigmoid", in -> {
                    DeepCaches c = (DeepCaches) in[2];
                    List<LayerCache> relu = c.layers().stream().map(k -> new LayerCache(k.A_prev(), k.W(), k.b(),
                            k.Z(), k.A(), new Relu())).toList();
                    return DeepNetwork.lModelBackward((Matrix) in[0], (Matrix) in[1], new DeepCaches(relu));
                })
                .gradientCheck((result, in) -> {
                    DeepGradients g = (DeepGradients) result;
                    DeepParameters p = parameters();
                    List<ParameterGradient> out = new ArrayList<>();
                    for (int l = p.L(); l >= 1; l--) {
                        int layer = l;
                        out.add(new ParameterGradient("dW" + l, l, g.dW(l), Inputs.numericGradient(p.W(l),
                                W -> cost(p, layer, W, null))));
                        out.add(new ParameterGradient("db" + l, l, g.db(l), Inputs.numericGradient(p.b(l),
                                b -> cost(p, layer, null, b))));
                    }
                    return out;
                })
                .hints("Start at the output with dAL, then walk the layers backwards, l = L..1.",
                        "The output layer uses \"sigmoid\", every other layer \"relu\"; each step's dA_prev is the"
                                + " next step's dA.",
                        "dA^[l−1] is stored at index l − 1, dW^[l] and db^[l] at index l − 1.");
    }

    private static double cost(DeepParameters p, int layer, Matrix W, Matrix b) {
        List<Matrix> weights = new ArrayList<>(p.weights());
        List<Matrix> biases = new ArrayList<>(p.biases());
        if (W != null) {
            weights.set(layer - 1, W);
        }
        if (b != null) {
            biases.set(layer - 1, b);
        }
        return DeepNetwork.computeCost(DeepNetwork.lModelForward(X(), new DeepParameters(weights, biases)).AL(), Y());
    }

    private static FunctionSpec updateParameters() {
        return FunctionSpec.of("update_parameters", "updateParameters")
                .task("One step of gradient descent on every layer's W and b.")
                .formula("W^[l] = W^[l] − α dW^[l],   b^[l] = b^[l] − α db^[l]     for l = 1..L")
                .inputs(List.of("parameters", "grads", "learning_rate"), () -> new Object[] {parameters(),
                        DeepNetwork.lModelBackward(caches().AL(), Y(), caches()), 0.1})
                .parts(DeepSet::parameterParts)
                .mistake("the step goes up the gradient: W + α dW; gradient descent subtracts", in -> {
                    DeepGradients g = (DeepGradients) in[1];
                    return DeepNetwork.updateParameters((DeepParameters) in[0], new DeepGradients(g.dA(),
                            g.dW().stream().map(Matrix::negate).toList(), g.db().stream().map(Matrix::negate)
                            .toList()), 0.1);
                })
                .hints("A loop over l = 1..L, the same rule for W and b.",
                        "parameters.W(l) and grads.dW(l) read layer l.");
    }
}
