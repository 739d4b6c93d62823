package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.GradientCheckSpec.ParameterGradient;
import java.util.List;
import java.util.function.Function;

/**
 * Set 2, the two-layer network of "The Algorithm". Inputs follow the workshop's test cases: X (2, 3), Y (1, 3),
 * parameters drawn with a fixed seed; the gradient check uses the engine's own forward pass and cost.
 */
final class TwoLayerSet {

    private static final int M = 3;

    private TwoLayerSet() {
    }

    static Matrix X() {
        return Inputs.randn(1, 2, M);
    }

    static Matrix Y() {
        return Matrix.row(1, 0, 1);
    }

    static Parameters parameters() {
        Matrix w = Inputs.randn(3, 1, 4 * 2 + 4 + 4 + 1);
        double[] v = w.toArray();
        return new Parameters(Matrix.of(4, 2, java.util.Arrays.copyOfRange(v, 0, 8)),
                Matrix.of(4, 1, java.util.Arrays.copyOfRange(v, 8, 12)),
                Matrix.of(1, 4, java.util.Arrays.copyOfRange(v, 12, 16)),
                Matrix.of(1, 1, java.util.Arrays.copyOfRange(v, 16, 17)));
    }

    static Cache cache() {
        return TwoLayerNetwork.forwardPropagation(X(), parameters());
    }

    static ExerciseSet set() {
        return new ExerciseSet(2, "two-layer", "The two-layer network", "TwoLayerNetworkExercise",
                "The network of \"The Algorithm\" (Intro to Deep Learning deck): LINEAR → TANH → LINEAR → SIGMOID,"
                        + " trained by gradient descent on the cross-entropy cost. Examples are columns: X is"
                        + " (n_x, m), Y is (1, m).",
                List.of(layerSizes(), initializeParameters(), forwardPropagation(), computeCost(),
                        backwardPropagation(), updateParameters(), nnModel(), predict()));
    }

    private static FunctionSpec layerSizes() {
        return FunctionSpec.of("layer_sizes", "layerSizes")
                .task("Return the sizes of the input layer (from X), the hidden layer (4) and the output layer"
                        + " (from Y).")
                .formula("n_x = X.shape[0]\nn_h = 4\nn_y = Y.shape[0]")
                .inputs(List.of("X", "Y"), () -> new Object[] {Inputs.randn(1, 5, 3), Inputs.randn(1, 2, 3)})
                .mistake("n_x and n_y came from the number of columns: examples are columns, so X.shape[0] is"
                                + " X.rows(), the number of features",
                        in -> new TwoLayerNetwork.LayerSizes(3, 4, 3))
                .hints("Examples are columns: X is (n_x, m). Which dimension is the number of features?",
                        "numpy's shape is (rows, columns); a Matrix has rows() and cols(). The hidden layer has 4 units.");
    }

    private static FunctionSpec initializeParameters() {
        return FunctionSpec.of("initialize_parameters", "initializeParameters")
                .task("Draw W1 and W2 from a standard normal, scaled by 0.01, in that order, with the generator"
                        + " already seeded with 2; the biases are zeros.")
                .formula("W1 = np.random.randn(n_h, n_x) * 0.01     (n_h, n_x)\nb1 = np.zeros((n_h, 1))"
                        + "                   (n_h, 1)\nW2 = np.random.randn(n_y, n_h) * 0.01     (n_y, n_h)\n"
                        + "b2 = np.zeros((n_y, 1))                   (n_y, 1)")
                .inputs(List.of("n_x", "n_h", "n_y"), () -> new Object[] {2, 4, 1})
                .mistake("W1 is the unscaled draw: the * 0.01 is missing (large weights saturate tanh and slow"
                                + " learning down)",
                        in -> new Parameters(Inputs.randn(2, 4, 2), Matrix.zeros(4, 1), Matrix.zeros(1, 4),
                                Matrix.zeros(1, 1)))
                .mistake("W1 is (n_x, n_h) drawn transposed: np.random.randn(n_h, n_x) draws the rows of W1 first",
                        in -> new Parameters(Inputs.randn(2, 2, 4).T().contiguous().times(0.01), Matrix.zeros(4, 1),
                                Matrix.zeros(1, 4), Matrix.zeros(1, 1)))
                .hints("Each weight matrix has shape (units in this layer, units in the previous layer).",
                        "Draw with random.randn(rows, cols) and scale with .times(0.01); W1 first, then W2, from"
                                + " the one generator, so the draws match numpy's.",
                        "Biases start at zero, one per unit: column vectors (numpy's np.zeros has a Matrix twin).");
    }

    private static FunctionSpec forwardPropagation() {
        return FunctionSpec.of("forward_propagation", "forwardPropagation")
                .task("Compute Z1, A1, Z2 and A2 for all m examples at once.")
                .formula("Z1 = W1 · X + b1      (n_h, m)\nA1 = tanh(Z1)         (n_h, m)\n"
                        + "Z2 = W2 · A1 + b2     (n_y, m)\nA2 = σ(Z2)            (n_y, m)")
                .inputs(List.of("X", "parameters"), () -> new Object[] {X(), parameters()})
                .m(M)
                .mistake("A1 = σ(Z1): the wrong activation in the hidden layer; the workshop's hidden layer is tanh",
                        in -> {
                            Parameters p = (Parameters) in[1];
                            Matrix Z1 = p.W1().dot((Matrix) in[0]).plus(p.b1());
                            return new Cache(Z1, TwoLayerNetwork.sigmoid(Z1), null, null);
                        })
                .mistake("Z1 has no bias: b1 was not added", in -> {
                    Parameters p = (Parameters) in[1];
                    return new Cache(p.W1().dot((Matrix) in[0]), null, null, null);
                })
                .mistake("A2 = tanh(Z2): the output layer is a sigmoid (a probability in (0, 1))", in -> {
                    Cache c = TwoLayerNetwork.forwardPropagation((Matrix) in[0], (Parameters) in[1]);
                    return new Cache(c.Z1(), c.A1(), c.Z2(), c.Z2().tanh());
                })
                .hints("Each line of the formula is one line of Java; Matrix reads like numpy.",
                        "np.dot(W, A) + b reads W.dot(A).plus(b) in Java: the column b is added to every column.",
                        "tanh in the hidden layer (Matrix has it built in, like np.tanh), the given sigmoid at the output.");
    }

    private static FunctionSpec computeCost() {
        return FunctionSpec.of("compute_cost", "computeCost")
                .task("Return the cross-entropy cost of the predictions A2 for the labels Y, averaged over the"
                        + " m examples.")
                .formula("logprobs = log(A2) ⊙ Y + (1 − Y) ⊙ log(1 − A2)\ncost = −(1/m) Σ logprobs")
                .inputs(List.of("A2", "Y"), () -> new Object[] {Inputs.probabilities(4, 1, M), Y()})
                .m(M)
                .mistake("only the y = 1 term: the (1 − Y) ⊙ log(1 − A2) term is missing", in -> {
                    Matrix A2 = (Matrix) in[0];
                    return -A2.log().times((Matrix) in[1]).sum() / M;
                })
                .hints("The cost is one number: the mean over the examples of each example's loss.",
                        "Both terms: Y where the label is 1 and (1 − Y) where it is 0; then a minus sign and 1/m.",
                        "A2.log(), Y.rminus(1) (1 − Y) and .times(...) elementwise; .sum() sums every element.");
    }

    private static FunctionSpec backwardPropagation() {
        return FunctionSpec.of("backward_propagation", "backwardPropagation")
                .task("Compute the gradients of the cost with respect to W1, b1, W2 and b2, using the cache of the"
                        + " forward pass.")
                .formula("dZ2 = A2 − Y                  (n_y, m)\ndW2 = (1/m) dZ2 · A1ᵀ         (n_y, n_h)\n"
                        + "db2 = (1/m) Σ_columns dZ2     (n_y, 1)\ndZ1 = W2ᵀ · dZ2 ⊙ (1 − A1²)   (n_h, m)\n"
                        + "dW1 = (1/m) dZ1 · Xᵀ          (n_h, n_x)\ndb1 = (1/m) Σ_columns dZ1     (n_h, 1)")
                .inputs(List.of("parameters", "cache", "X", "Y"),
                        () -> new Object[] {parameters(), cache(), X(), Y()})
                .m(M)
                .mistake("dZ1 uses A1 ⊙ (1 − A1), the sigmoid's derivative σ′ = σ(1 − σ); the hidden layer is"
                        + " tanh, whose derivative is 1 − A1²", in -> backward(in, A1 -> A1.times(A1.rminus(1))))
                .mistake("dZ1 uses A1 ⊙ (1 + A1): that is σ(1 + σ), the sigmoid's derivative with its sign flipped"
                        + " (σ′ = σ(1 − σ)), and the hidden layer is tanh anyway: tanh′(Z1) = 1 − A1²",
                        in -> backward(in, A1 -> A1.times(A1.plus(1))))
                .mistake("dZ1 uses 1 − A1 (not squared); tanh′(Z1) = 1 − A1²", in -> backward(in, A1 -> A1.rminus(1)))
                .mistake("dZ1 has no activation derivative at all: W2ᵀ · dZ2 must be multiplied by tanh′(Z1) ="
                        + " 1 − A1²", in -> backward(in, A1 -> Matrix.ones(A1.rows(), A1.cols())))
                .gradientCheck((result, in) -> {
                    Gradients g = (Gradients) result;
                    Parameters p = (Parameters) in[0];
                    Matrix X = (Matrix) in[2];
                    Matrix Y = (Matrix) in[3];
                    java.util.function.Function<Parameters, Double> J =
                            q -> TwoLayerNetwork.computeCost(TwoLayerNetwork.forwardPropagation(X, q).A2(), Y);
                    return List.of(
                            new ParameterGradient("dW1", 1, g.dW1(), Inputs.numericGradient(p.W1(),
                                    t -> J.apply(new Parameters(t, p.b1(), p.W2(), p.b2())))),
                            new ParameterGradient("db1", 1, g.db1(), Inputs.numericGradient(p.b1(),
                                    t -> J.apply(new Parameters(p.W1(), t, p.W2(), p.b2())))),
                            new ParameterGradient("dW2", 2, g.dW2(), Inputs.numericGradient(p.W2(),
                                    t -> J.apply(new Parameters(p.W1(), p.b1(), t, p.b2())))),
                            new ParameterGradient("db2", 2, g.db2(), Inputs.numericGradient(p.b2(),
                                    t -> J.apply(new Parameters(p.W1(), p.b1(), p.W2(), t)))));
                })
                .hints("Work from the output back: dZ2 first, then layer 2's gradients, then dZ1, then layer 1's.",
                        "Every dW and db carries 1/m; db sums over the examples (axis 1) and stays a column:"
                                + " dZ.sum(1).",
                        "dZ1 multiplies W2ᵀ · dZ2 elementwise by the derivative of tanh at Z1, written with A1.");
    }

    private static Gradients backward(Object[] in, Function<Matrix, Matrix> derivative) {
        Parameters p = (Parameters) in[0];
        Cache c = (Cache) in[1];
        Matrix X = (Matrix) in[2];
        Matrix dZ2 = c.A2().minus((Matrix) in[3]);
        Matrix dZ1 = p.W2().T().dot(dZ2).times(derivative.apply(c.A1()));
        Gradients right = TwoLayerNetwork.backwardPropagation(p, c, X, (Matrix) in[3]);
        return new Gradients(dZ1.dot(X.T()).div(M), dZ1.sum(1).div(M), right.dW2(), right.db2());
    }

    private static FunctionSpec updateParameters() {
        return FunctionSpec.of("update_parameters", "updateParameters")
                .task("Take one step of gradient descent on every parameter.")
                .formula("θ = θ − α dθ      for θ in W1, b1, W2, b2")
                .inputs(List.of("parameters", "grads", "learning_rate"), () -> {
                    Parameters p = parameters();
                    return new Object[] {p, TwoLayerNetwork.backwardPropagation(p, cache(), X(), Y()), 1.2};
                })
                .mistake("the step goes up the gradient: θ + α dθ; gradient descent subtracts", in -> {
                    Parameters p = (Parameters) in[0];
                    Gradients g = (Gradients) in[1];
                    return TwoLayerNetwork.updateParameters(p, new Gradients(g.dW1().negate(), g.db1().negate(),
                            g.dW2().negate(), g.db2().negate()), 1.2);
                })
                .mistake("the learning rate is not used (a step of 1 instead of learning_rate)",
                        in -> TwoLayerNetwork.updateParameters((Parameters) in[0], (Gradients) in[1], 1.0))
                .hints("Four lines, one per parameter, the same rule each time.",
                        "W1 minus the learning rate times dW1: .minus(...) and .times(learningRate).");
    }

    private static FunctionSpec nnModel() {
        return FunctionSpec.of("nn_model", "nnModel")
                .dependsOn("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                        "backward_propagation", "update_parameters")
                .task("Put the pieces together: initialise the parameters, then for num_iterations iterations run"
                        + " forward propagation, the cost, backward propagation and the update (learning rate 1.2).")
                .formula("parameters = initialize_parameters(n_x, n_h, n_y)\nrepeat num_iterations times:\n"
                        + "    A2, cache = forward_propagation(X, parameters)\n    cost = compute_cost(A2, Y)\n"
                        + "    grads = backward_propagation(parameters, cache, X, Y)\n"
                        + "    parameters = update_parameters(parameters, grads, 1.2)")
                .inputs(List.of("X", "Y", "n_h", "num_iterations", "print_cost"),
                        () -> new Object[] {X(), Y(), 4, 1000, false})
                .m(M)
                .mistake("the parameters are the initial ones: the loop never updated them (is the result of"
                                + " update_parameters assigned back to parameters?)",
                        in -> TwoLayerNetwork.initializeParameters(2, 4, 1))
                .mistake("one iteration too few or too many: the loop runs num_iterations times, from 0",
                        in -> TwoLayerNetwork.nnModel((Matrix) in[0], (Matrix) in[1], 4, 999, 1.2, 0, (i, c) -> { }))
                .hints("Initialise once, before the loop; each iteration uses the parameters of the previous one.",
                        "Inside the loop: forward, cost, backward, update, and assign the update's result back to"
                                + " parameters.");
    }

    private static FunctionSpec predict() {
        return FunctionSpec.of("predict", "predict")
                .dependsOn("forward_propagation")
                .task("Predict class 1 where the network's probability A2 is above 0.5, else class 0.")
                .formula("A2, cache = forward_propagation(X, parameters)\npredictions = (A2 > 0.5)      (1, m)")
                .inputs(List.of("parameters", "X"), () -> new Object[] {parameters(), Inputs.randn(5, 2, 6)})
                .mistake("these are the probabilities A2, not the classes: compare with 0.5",
                        in -> TwoLayerNetwork.forwardPropagation((Matrix) in[1], (Parameters) in[0]).A2())
                .mistake("the classes are flipped: 1 where A2 < 0.5",
                        in -> TwoLayerNetwork.forwardPropagation((Matrix) in[1], (Parameters) in[0]).A2().lt(0.5))
                .hints("Run your forward_propagation and take A2 from the cache.",
                        "A2.gt(0.5) is numpy's (A2 > 0.5) as 0/1.");
    }
}
