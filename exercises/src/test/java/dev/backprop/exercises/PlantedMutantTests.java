package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.exercises.FunctionResult.Status;
import dev.backprop.exercises.sets.Sets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every function of every set, at least one planted mistake in the reference is caught with the intended
 * diagnosis. (The two-layer set has more, with their full messages, in {@link TwoLayerMutantTests}.)
 */
class PlantedMutantTests {

    /** In {@code set}, replacing {@code from} by {@code to} must fail {@code function} with {@code diagnosis}. */
    record Mutant(String set, String function, String from, String to, String diagnosis) {
        @Override
        public String toString() {
            return set + " " + function + ": " + to;
        }
    }

    static Stream<Mutant> mutants() {
        return Stream.of(
                // activations
                new Mutant("activations", "sigmoid", "Z.negate().exp()", "Z.exp()", "minus sign in the exponent"),
                new Mutant("activations", "sigmoid_backward", "s.times(s.rminus(1))", "s.times(s.plus(1))",
                        "σ(1 + σ)"),
                new Mutant("activations", "tanh", "Matrix A = Z.tanh();", "Matrix A = sigmoid(Z);", "not tanh"),
                new Mutant("activations", "tanh_backward", "A.times(A).rminus(1)", "A.rminus(1)", "not squared"),
                new Mutant("activations", "relu", "Matrix A = Z.maximum(0);", "Matrix A = Z.gt(0);", "mask"),
                new Mutant("activations", "relu_backward", "Matrix dZ = dA.times(Z.gt(0));", "Matrix dZ = Z.gt(0);",
                        "dA is missing"),
                new Mutant("activations", "leaky_relu", "Z.maximum(Z.times(alpha))", "Z.minimum(Z.times(alpha))",
                        "applied to the positive side"),
                new Mutant("activations", "leaky_relu_backward", "Z.gt(0).plus(Z.le(0).times(alpha))", "Z.gt(0)",
                        "slope is 0"),
                new Mutant("activations", "elu", "Z.le(0).times(Z.exp().minus(1).times(alpha))",
                        "Z.le(0).times(Z.exp().times(alpha))", "the − 1 is missing"),
                new Mutant("activations", "elu_backward", "Z.le(0).times(Z.exp().times(alpha))",
                        "Z.le(0).times(Z.exp().minus(1).times(alpha))", "its derivative is α e^Z"),
                new Mutant("activations", "softmax", "Matrix A = E.div(E.sum(0));", "Matrix A = E.div(E.sum(1));",
                        "each row was normalised"),
                new Mutant("activations", "softmax_backward", "A.times(dA.minus(dA.times(A).sum(0)))",
                        "dA.times(A.times(A.rminus(1)))", "treated as elementwise"),
                // losses
                new Mutant("losses", "mean_squared_error", "AL.minus(Y).times(2.0 / n)", "AL.minus(Y).times(1.0 / n)",
                        "missing the 2"),
                new Mutant("losses", "mean_absolute_error", "AL.minus(Y).sign().div(n)", "AL.minus(Y).div(n)",
                        "derivative of |ŷ − y| is sign(ŷ − y)"),
                new Mutant("losses", "mean_squared_logarithmic_error", "d.times(2.0 / n).div(AL.plus(1))",
                        "d.times(2.0 / n)", "1 / (ŷ + 1)"),
                new Mutant("losses", "binary_crossentropy", "double J = -logprobs.mean(0).mean();",
                        "double J = logprobs.mean(0).mean();", "sign flipped"),
                new Mutant("losses", "categorical_crossentropy", "double J = -Y.times(AL.log()).sum(0).mean();",
                        "double J = -Y.times(AL.log()).mean();", "sums over the classes"),
                new Mutant("losses", "sparse_categorical_crossentropy", "Matrix dAL = onehot.div(AL).negate();",
                        "Matrix dAL = onehot.div(AL);", "sign flipped"),
                new Mutant("losses", "hinge", "Matrix Ysigned = Y.times(2).minus(1);", "Matrix Ysigned = Y;",
                        "map them to ỹ = 2y − 1"),
                new Mutant("losses", "squared_hinge", "times(-2.0 / n)", "times(-1.0 / n)", "missing the 2"),
                new Mutant("losses", "kl_divergence", "double J = Y.times(Y.div(AL).log()).sum(0).mean();",
                        "double J = Y.times(Y.div(AL).log()).sum(0).sum();", "m = 4 times too large"),
                // deep
                new Mutant("deep", "initialize_parameters_deep", "W.add(random.randn(layerDims[l], layerDims[l - 1]).times(0.01));",
                        "W.add(random.randn(layerDims[l], layerDims[l - 1]));", "the * 0.01 is missing"),
                new Mutant("deep", "linear_forward", "Matrix Z = W.dot(A).plus(b);", "Matrix Z = W.dot(A);",
                        "b is missing"),
                new Mutant("deep", "linear_activation_forward", "activation.equals(\"relu\") ? relu(Z) : sigmoid(Z)",
                        "activation.equals(\"relu\") ? sigmoid(Z) : relu(Z)", "the activations are swapped"),
                new Mutant("deep", "L_model_forward", "parameters.b(L), \"sigmoid\"", "parameters.b(L), \"relu\"",
                        "the output layer is a ReLU"),
                new Mutant("deep", "compute_cost", "AL.rminus(1).log())).sum() / m;", "AL.rminus(1).log())).sum();",
                        "m = 4 times too large"),
                new Mutant("deep", "linear_backward", "Matrix db = dZ.sum(1).times(1.0 / m);",
                        "Matrix db = dZ.sum(0).times(1.0 / m);", "has shape (1, 4), expected (4, 1)"),
                new Mutant("deep", "linear_activation_backward", "LayerGradients grads = linearBackward(dZ, cache);",
                        "LayerGradients grads = linearBackward(dA, cache);", "the activation's backward step is missing"),
                new Mutant("deep", "L_model_backward", "caches.layer(L), \"sigmoid\"", "caches.layer(L), \"relu\"",
                        "layer L is a sigmoid"),
                new Mutant("deep", "update_parameters", "parameters.W(l).minus(", "parameters.W(l).plus(",
                        "up the gradient"),
                // gradient checking
                new Mutant("gradient-check", "dictionary_to_vector", "for (double v : parameters.W(l).toArray()) {",
                        "for (double v : parameters.W(l).T().contiguous().toArray()) {", "read column by column"),
                new Mutant("gradient-check", "vector_to_dictionary",
                        "W.add(Matrix.of(rows, cols, java.util.Arrays.copyOfRange(t, at, at + rows * cols)));",
                        "W.add(Matrix.of(cols, rows, java.util.Arrays.copyOfRange(t, at, at + rows * cols)).T());",
                        "column by column"),
                new Mutant("gradient-check", "gradient_check_n", "double difference = numerator / denominator;",
                        "double difference = numerator;", "it must be relative"),
                new Mutant("gradient-check", "find_the_bugs", "if (difference > 2e-7) {", "if (difference < 2e-7) {",
                        "gradients that pass the check"),
                // optimization
                new Mutant("optimization", "random_mini_batches", "int[] permutation = new NumpyRandom(seed).permutation(m);",
                        "int[] permutation = new NumpyRandom(new java.util.Random().nextInt(1 << 30)).permutation(m);",
                        "a second identical call returned a different result"),
                new Mutant("optimization", "random_mini_batches", "if (m % miniBatchSize != 0) {", "if (m < 0) {",
                        "the last, smaller mini-batch was dropped"),
                new Mutant("optimization", "initialize_velocity",
                        "dW.add(Matrix.zeros(parameters.W(l).rows(), parameters.W(l).cols()));",
                        "dW.add(parameters.W(l));", "a moving average starts at zero"),
                new Mutant("optimization", "update_parameters_with_momentum", ".plus(grads.dW(l).times(1 - beta))",
                        ".plus(grads.dW(l))", "the (1 − β) is missing"),
                new Mutant("optimization", "update_parameters_with_adam",
                        "double correct1 = 1 - Math.pow(beta1, t);", "double correct1 = 1;",
                        "also wrong"),
                new Mutant("optimization", "update_lr", "double learningRate = learningRate0 / (1 + decayRate * epochNum);",
                        "double learningRate = learningRate0 * (1 + decayRate * epochNum);", "it is divided by it"),
                new Mutant("optimization", "schedule_lr_decay", "Math.floor((double) epochNum / timeInterval)",
                        "((double) epochNum / timeInterval)", "was not rounded down"),
                // regularization
                new Mutant("regularization", "compute_cost_with_regularization", "lambd / (2.0 * m) * squares",
                        "lambd / m * squares", "the ½ of (λ / 2m) is missing"),
                new Mutant("regularization", "backward_propagation_with_regularization",
                        "dW.add(plain.dW(l).plus(parameters.W(l).times(lambd / m)));", "dW.add(plain.dW(l));",
                        "the penalty's gradient is missing"),
                new Mutant("regularization", "dropout_forward", "Matrix A_dropped = A.times(D).div(keepProb);",
                        "Matrix A_dropped = A.times(D);", "were not divided by keep_prob"),
                new Mutant("regularization", "dropout_forward", "Matrix D = new NumpyRandom(seed)",
                        "Matrix D = new NumpyRandom(new java.util.Random().nextInt(1 << 30))",
                        "a second identical call returned a different result"),
                new Mutant("regularization", "dropout_backward", "Matrix dA_prev = dA.times(D).div(keepProb);",
                        "Matrix dA_prev = dA.times(D);", "the division by keep_prob is missing"),
                // evaluation
                new Mutant("evaluation", "confusion_matrix", "C[(int) Y.get(0, j)][(int) predictions.get(0, j)]",
                        "C[(int) predictions.get(0, j)][(int) Y.get(0, j)]", "rows and columns are swapped"),
                new Mutant("evaluation", "precision", "double precision = TP / (TP + FP);",
                        "double precision = TP / (TP + Y.times(predictions.rminus(1)).sum());", "that is the recall"),
                new Mutant("evaluation", "recall", "double recall = TP / (TP + FN);",
                        "double recall = TP / (TP + Y.rminus(1).times(predictions).sum());", "that is the precision"),
                new Mutant("evaluation", "f1_score", "double f1 = 2 * P * R / (P + R);", "double f1 = (P + R) / 2;",
                        "arithmetic mean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void theMutantIsCaughtWithItsDiagnosis(Mutant mutant) {
        ExerciseSet set = Sets.find(mutant.set());
        SetResult result = Grading.gradeIn(mutant.set(), set.function(mutant.function()).javaName(), mutant.from(),
                mutant.to());
        FunctionResult r = result.result(mutant.function());
        assertThat(r.status()).as(Grading.message(r)).isEqualTo(Status.FAIL);
        assertThat(Grading.message(r)).contains(mutant.diagnosis());
    }

    @Test
    void everyFunctionOfEverySetHasAMutant() {
        Set<String> covered = Stream.concat(mutants(), TwoLayer.covered())
                .map(m -> m.set() + "/" + m.function()).collect(Collectors.toSet());
        List<String> all = Sets.all().stream()
                .flatMap(s -> s.functions().stream().map(f -> s.name() + "/" + f.workshopName())).toList();
        assertThat(covered).containsAll(all);
    }

    /** The two-layer functions, whose mutants are in {@link TwoLayerMutantTests}. */
    private static final class TwoLayer {
        static Stream<Mutant> covered() {
            return Stream.of("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                    "backward_propagation", "update_parameters", "nn_model", "predict")
                    .map(f -> new Mutant("two-layer", f, "", "", ""));
        }
    }
}
