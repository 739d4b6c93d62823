package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.Sequential;
import dev.backprop.core.train.Trainable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The keras lesson's key numbers, and a gradient check of its hand-written myDenseLayer. */
class KerasLessonTests {

    private static String printed;

    @BeforeAll
    static void runLesson() throws Exception {
        RecordingSink recording = new RecordingSink();
        LessonRunner.run(new KerasLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
        printed = recording.printed();
    }

    @Test
    void theDecksSliceOfEightPointsGivesEightAndZero() {
        assertThat(printed).contains("len(X_train), len(X_test) = (8, 0)").contains("gives (6, 2)");
    }

    @Test
    void theDecksStackHasKerasParameterCountsAndLearnsTheLine() {
        assertThat(printed).contains("Total params: 21421");
        String prediction = printed.lines().filter(l -> l.startsWith("model.predict([17, 20])")).findFirst()
                .orElseThrow();
        double[] y = java.util.Arrays.stream(prediction.replaceAll(".*\\[(.*), (.*)\\] \\(.*", "$1 $2").split(" "))
                .mapToDouble(Double::parseDouble).toArray();
        assertThat(y[0]).as("ŷ(17) for y = X + 10").isBetween(25.0, 29.5);
        assertThat(y[1]).as("ŷ(20) for y = X + 10").isBetween(28.0, 32.5);
    }

    @Test
    void myDenseLayerGivesTheSameOutputForEveryColumnOfOnes() {
        assertThat(printed).contains("[[0.49264364 0.49264364 0.49264364 0.49264364]")
                .contains("mydense (myDense)");
    }

    @Test
    void theDeepReluStackSeparatesXor() {
        assertThat(printed).contains("Total params: 120").contains("training accuracy after 1000 epochs: 100.00 %");
    }

    @Test
    void sequentialAndTheExplicitFunctionsAgreeToOneInATrillion() {
        assertThat(printed).contains("over 500 iterations:").contains("(< 1e-12: true)");
    }

    @Test
    void myDenseLayerBackwardPassesTheGradientCheck() {
        double difference = myDenseGradientDifference(1);
        assertThat(difference).as("‖grad−gradapprox‖/(‖grad‖+‖gradapprox‖)").isLessThan(1e-7);
    }

    @Test
    void theGradientCheckCatchesAPlantedBug() {
        // the planted bug: a backward that forgets the 1/m in dW = (1/m) dZ·Xᵀ, db = (1/m) Σ dZ
        double difference = myDenseGradientDifference(5);
        assertThat(difference).isGreaterThan(1e-2);
    }

    /** The check on 5 random examples under a mean-squared-error cost, the analytic gradient times {@code bug}. */
    private static double myDenseGradientDifference(double bug) {
        NumpyRandom random = new NumpyRandom(2);
        Matrix X = random.randn(4, 5);
        Matrix Y = random.randn(2, 5).times(0.1).plus(0.5);
        Sequential model = Sequential.of(new KerasLesson.MyDenseLayer(2)).build(4, 1);
        model.compile(new MeanSquaredError(), new GradientDescent(0.1));
        List<Matrix> start = model.parameters();
        Trainable.Step step = model.step(X, Y);
        List<Double> grad = new ArrayList<>();
        step.gradients().forEach(g -> {
            for (double v : g.toArray()) {
                grad.add(v * bug);
            }
        });
        double[] theta = flatten(start);
        return GradientCheck.check(theta, grad.stream().mapToDouble(Double::doubleValue).toArray(), t -> {
            int at = 0;
            List<Matrix> parameters = new ArrayList<>();
            for (Matrix p : start) {
                double[] values = new double[p.size()];
                System.arraycopy(t, at, values, 0, values.length);
                at += values.length;
                parameters.add(Matrix.of(p.rows(), p.cols(), values));
            }
            model.setParameters(parameters);
            return model.cost(model.output(X), Y);
        }).difference();
    }

    private static double[] flatten(List<Matrix> matrices) {
        return matrices.stream().flatMapToDouble(m -> java.util.Arrays.stream(m.toArray())).toArray();
    }
}
