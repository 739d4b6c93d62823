package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.exercises.FunctionResult.Status;
import org.junit.jupiter.api.Test;

/** Planted mistakes in the two-layer set: each is caught, and the message says what is wrong. */
class TwoLayerMutantTests {

    private static FunctionResult graded(String function, String from, String to) {
        SetResult result = Grading.grade("two-layer", from, to);
        FunctionResult r = result.result(function);
        assertThat(r.status()).as(function + " with " + to).isEqualTo(Status.FAIL);
        return r;
    }

    @Test
    void layerSizesFromTheColumnsIsNamed() {
        assertThat(Grading.message(graded("layer_sizes", "int n_x = X.rows();", "int n_x = X.cols();")))
                .contains("n_x is 3, expected 5").contains("examples are columns");
    }

    @Test
    void aMissingScaleOnW1IsNamed() {
        assertThat(Grading.message(graded("initialize_parameters", "Matrix W1 = random.randn(n_h, n_x).times(0.01);",
                "Matrix W1 = random.randn(n_h, n_x);"))).contains("the * 0.01 is missing");
    }

    @Test
    void anUnseededDrawIsCaughtByTheSecondCall() {
        assertThat(Grading.message(graded("initialize_parameters", "NumpyRandom random = new NumpyRandom(2);",
                "NumpyRandom random = new NumpyRandom(new java.util.Random().nextInt(1 << 30));")))
                .contains("a second identical call returned a different result").contains("seed");
    }

    @Test
    void theSigmoidInTheHiddenLayerIsTheWrongActivation() {
        assertThat(Grading.message(graded("forward_propagation", "Matrix A1 = Z1.tanh();",
                "Matrix A1 = sigmoid(Z1);"))).contains("A1 has the wrong values").contains("the wrong activation");
    }

    @Test
    void aCostWithoutOneOverMIsOffByAFactorOfM() {
        assertThat(Grading.message(graded("compute_cost", "double cost = -logprobs.sum() / m;",
                "double cost = -logprobs.sum();"))).contains("m = 3 times too large: is the 1/m missing?");
    }

    @Test
    void aCostWithoutTheMinusHasItsSignFlipped() {
        assertThat(Grading.message(graded("compute_cost", "double cost = -logprobs.sum() / m;",
                "double cost = logprobs.sum() / m;"))).contains("sign flipped");
    }

    @Test
    void dW2WithoutOneOverMIsOffByMAndFailsTheGradientCheckInLayer2() {
        String message = Grading.message(graded("backward_propagation",
                "Matrix dW2 = dZ2.dot(A1.T()).times(1.0 / m);", "Matrix dW2 = dZ2.dot(A1.T());"));
        assertThat(message).contains("dW2 has the wrong values").contains("m = 3 times too large")
                .containsPattern("dW2 +\\S+ +✗").containsPattern("dW1 +\\S+ +✓")
                .contains("first failing layer (going backward from the output): layer 2; wrong: dW2");
    }

    @Test
    void aSumWithoutKeepdimsIsARowWhereAColumnBelongs() {
        String message = Grading.message(graded("backward_propagation", "Matrix db1 = dZ1.sum(1).times(1.0 / m);",
                "Matrix db1 = Matrix.row(dZ1.sum(1).times(1.0 / m).toArray());"));
        assertThat(message).contains("db1 has shape (1, 4), expected (4, 1)").contains("keepdims=True");
    }

    @Test
    void theDerivativeWrittenAsSigmaTimesOnePlusSigmaIsNamedAndLayer1FailsTheCheck() {
        String message = Grading.message(graded("backward_propagation",
                "Matrix dZ1 = W2.T().dot(dZ2).times(A1.power(2).rminus(1));",
                "Matrix dZ1 = W2.T().dot(dZ2).times(A1.times(A1.plus(1)));"));
        assertThat(message).contains("σ(1 + σ)").contains("first failing layer (going backward from the output):"
                + " layer 1; wrong: dW1, db1");
    }

    @Test
    void theSigmoidDerivativeInTheTanhLayerIsTheWrongActivationsDerivative() {
        assertThat(Grading.message(graded("backward_propagation",
                "Matrix dZ1 = W2.T().dot(dZ2).times(A1.power(2).rminus(1));",
                "Matrix dZ1 = W2.T().dot(dZ2).times(A1.times(A1.rminus(1)));")))
                .contains("the sigmoid's derivative").contains("tanh");
    }

    @Test
    void aTransposedProductIsNamed() {
        assertThat(Grading.message(graded("backward_propagation", "Matrix dW2 = dZ2.dot(A1.T()).times(1.0 / m);",
                "Matrix dW2 = A1.dot(dZ2.T()).times(1.0 / m);"))).contains("dW2 has shape (4, 1), expected (1, 4)")
                .contains("transposed");
    }

    @Test
    void anUpdateUpTheGradientIsNamed() {
        assertThat(Grading.message(graded("update_parameters",
                "Matrix W1 = parameters.W1().minus(grads.dW1().times(learningRate));",
                "Matrix W1 = parameters.W1().plus(grads.dW1().times(learningRate));"))).contains("up the gradient");
    }

    @Test
    void aLoopThatDropsTheUpdateReturnsTheInitialParameters() {
        assertThat(Grading.message(graded("nn_model", "parameters = updateParameters(parameters, grads, 1.2);",
                "updateParameters(parameters, grads, 1.2);"))).contains("the loop never updated them");
    }

    @Test
    void predictionsWithoutTheThresholdAreTheProbabilities() {
        assertThat(Grading.message(graded("predict", "forwardPropagation(X, parameters).A2().gt(0.5);",
                "forwardPropagation(X, parameters).A2();"))).contains("not the classes");
    }

    @Test
    void aFailingForwardPropagationBlocksPredictAndNnModelButNotTheOthers() {
        SetResult result = Grading.grade("two-layer", "Matrix A1 = Z1.tanh();", "Matrix A1 = Z1;");
        assertThat(result.result("forward_propagation").status()).isEqualTo(Status.FAIL);
        assertThat(result.result("predict").message()).containsExactly(
                "BLOCKED by forward_propagation (it calls forward_propagation; fix that first)");
        assertThat(result.result("nn_model").status()).isEqualTo(Status.BLOCKED);
        assertThat(result.result("backward_propagation").status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("two-layer: 5/8 passed");
    }

    @Test
    void aRegionThatDoesNotCompileFailsOnlyItsFunctionWithTheCompilerMessage() {
        SetResult result = Grading.grade("two-layer", "Matrix A1 = Z1.tanh();", "Matrix A1 = Z1.tanh()");
        assertThat(Grading.message(result.result("forward_propagation")))
                .matches("does not compile: TwoLayerNetworkExercise.java:\\d+: ';' expected");
        assertThat(result.result("compute_cost").status()).isEqualTo(Status.PASS);
        assertThat(result.result("backward_propagation").status()).isEqualTo(Status.PASS);
        assertThat(result.result("predict").status()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void anErrorOutsideTheRegionButInTheMethodFailsOnlyItsFunction() {
        // before: every function "does not compile: TwoLayerNetworkExercise.java:…: cannot find symbol (symbol:
        // variable predictions)", 0/8 passed
        SetResult result = Grading.grade("two-layer", "Matrix predictions = forwardPropagation(X, parameters)"
                + ".A2().gt(0.5);", "return forwardPropagation(X, parameters).A2().gt(0.5);");
        assertThat(Grading.message(result.result("predict"))).matches("does not compile: TwoLayerNetworkExercise"
                + ".java:\\d+: cannot find symbol \\(symbol: variable predictions\\)");
        assertThat(result.summary()).isEqualTo("two-layer: 7/8 passed");

        result = Grading.grade("two-layer", "return predictions;", "return prediction;");
        assertThat(Grading.message(result.result("predict"))).contains("(symbol: variable prediction)");
        assertThat(result.summary()).isEqualTo("two-layer: 7/8 passed");
    }

    @Test
    void anErrorInTheRegionAndOneAfterItInTheSameMethodFailOnlyItsFunction() {
        SetResult result = Grading.grade("two-layer", "Matrix predictions = forwardPropagation(X, parameters)"
                + ".A2().gt(0.5);\n        // YOUR CODE ENDS HERE\n        return predictions;",
                "Matrix predictions = forwardPropagation(X, parameters).A2().gt(0.5)\n        // YOUR CODE ENDS HERE\n"
                        + "        return predictionz;");
        assertThat(Grading.message(result.result("predict"))).endsWith("';' expected");
        assertThat(result.summary()).isEqualTo("two-layer: 7/8 passed");
    }

    @Test
    void anErrorInAFunctionsSignatureStillFailsTheWholeFile() {
        SetResult result = Grading.grade("two-layer", "Matrix predict(Parameters parameters, Matrix X)",
                "Matrix predict(Parameters parameters, Matrixx X)");
        assertThat(Grading.message(result.result("layer_sizes"))).contains("(symbol: class Matrixx)");
        assertThat(result.summary()).isEqualTo("two-layer: 0/8 passed");
    }

    @Test
    void anExceptionIsReportedWithItsLineInTheStudentsFile() {
        SetResult result = Grading.grade("two-layer", "int n_x = X.rows();", "int n_x = X.rows() / (X.rows() - 5);");
        assertThat(Grading.message(result.result("layer_sizes")))
                .matches("layer_sizes threw ArithmeticException: / by zero \\(TwoLayerNetworkExercise.java:\\d+\\)");
        assertThat(result.result("forward_propagation").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anEndlessLoopIsStoppedByTheTimeLimitAndTheRestIsStillGraded() {
        System.setProperty("backprop.exercises.time-limit-seconds", "1");
        try {
            SetResult result = Grading.grade("two-layer", "int n_x = X.rows();",
                    "int n_x = X.rows(); for (int spin = 0; spin >= 0; spin = (spin + 1) % 7) { n_x = spin; }");
            assertThat(Grading.message(result.result("layer_sizes"))).contains("did not return within 1 s");
            assertThat(result.result("compute_cost").status()).isEqualTo(Status.PASS);
        } finally {
            System.clearProperty("backprop.exercises.time-limit-seconds");
        }
    }

    @Test
    void anInputModifiedInPlaceIsNamed() {
        assertThat(Grading.message(graded("forward_propagation", "Matrix Z1 = W1.dot(X).plus(b1);",
                "((double[]) X.storage())[0] = 0; Matrix Z1 = W1.dot(X).plus(b1);")))
                .contains("modified its input X in place");
    }

    @Test
    void aResultTheGraderCannotTakeApartFailsOnlyItsFunction() {
        SetResult result = Grading.gradeIn("optimization", "randomMiniBatches", "return miniBatches;",
                "miniBatches.add(null); return miniBatches;");
        assertThat(Grading.message(result.result("random_mini_batches")))
                .startsWith("the grader could not check what random_mini_batches returned: NullPointerException");
        assertThat(result.result("update_lr").status()).isEqualTo(Status.PASS);
    }
}
