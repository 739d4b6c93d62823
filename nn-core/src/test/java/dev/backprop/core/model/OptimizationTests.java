package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Optimization.AdamState;
import dev.backprop.core.model.Optimization.AdamUpdate;
import dev.backprop.core.model.Optimization.Averages;
import dev.backprop.core.model.Optimization.MiniBatch;
import dev.backprop.core.model.Optimization.ModelRun;
import dev.backprop.core.model.Optimization.MomentumUpdate;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.optim.LearningRateSchedule;
import dev.backprop.core.optim.Momentum;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.optim.Relative;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DLS "Optimization Methods" functions against scripts/optim_reference.py, which runs the assignment's own
 * code: mini-batches bit for bit, momentum and Adam steps within a relative 1e-12, and the model runs.
 */
class OptimizationTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/optimization.txt");

    static DeepParameters stepParameters() {
        return new DeepParameters(List.of(REF.matrix("step_W1"), REF.matrix("step_W2")),
                List.of(REF.matrix("step_b1"), REF.matrix("step_b2")));
    }

    static DeepGradients stepGradients() {
        List<Matrix> none = List.of(Matrix.zeros(1, 1), Matrix.zeros(1, 1));
        return new DeepGradients(none, List.of(REF.matrix("step_dW1"), REF.matrix("step_dW2")),
                List.of(REF.matrix("step_db1"), REF.matrix("step_db2")));
    }

    @Test
    void randomMiniBatchesAreNumpysBitForBit() {
        Matrix X = REF.matrix("minibatch_X");
        Matrix Y = REF.matrix("minibatch_Y");
        List<MiniBatch> batches = Optimization.randomMiniBatches(X, Y, 64, 0);
        assertThat(batches).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(batches.get(k).X()).as("mini_batch_X " + k).isEqualTo(REF.matrix("minibatch_" + k + "_X"));
            assertThat(batches.get(k).Y()).as("mini_batch_Y " + k).isEqualTo(REF.matrix("minibatch_" + k + "_Y"));
        }
        assertThat(batches.get(2).X().cols()).as("the last batch holds 148 mod 64").isEqualTo(20);
        double[] permutation = java.util.Arrays.stream(new NumpyRandom(0).permutation(148)).asDoubleStream().toArray();
        assertThat(Matrix.row(permutation)).isEqualTo(REF.matrix("minibatch_permutation"));
    }

    @Test
    void randomMiniBatchesGiveThePublishedSanityCheck() {
        // random_mini_batches_test_case: np.random.seed(1); X = randn(12288, 148); Y = randn(1, 148) < 0.5; seed 0
        NumpyRandom random = new NumpyRandom(1);
        Matrix X = random.randn(12288, 148);
        Matrix Y = random.randn(1, 148).lt(0.5);
        List<MiniBatch> batches = Optimization.randomMiniBatches(X, Y, 64, 0);
        assertThat(batches).extracting(b -> b.X().shape().compact()).containsExactly("(12288,64)", "(12288,64)",
                "(12288,20)");
        assertThat(new double[] {batches.get(0).X().get(0, 0), batches.get(0).X().get(0, 1),
            batches.get(0).X().get(0, 2)}).containsExactly(new double[] {0.90085595, -0.7612069, 0.2344157},
                within(5e-9));
    }

    @Test
    void randomMiniBatchesRejectMismatchedExamples() {
        assertThatThrownBy(() -> Optimization.randomMiniBatches(Matrix.zeros(2, 5), Matrix.zeros(1, 4), 2, 0))
                .hasMessageContaining("random_mini_batches").hasMessageContaining("(2,5)").hasMessageContaining("(1,4)");
        assertThatThrownBy(() -> Optimization.randomMiniBatches(Matrix.zeros(2, 5), Matrix.zeros(1, 5), 0, 0))
                .hasMessageContaining("mini_batch_size must be ≥ 1, got 0");
    }

    @Test
    void theAssignmentsDefaultArgumentsAreOverloads() {
        Matrix X = REF.matrix("minibatch_X");
        Matrix Y = REF.matrix("minibatch_Y");
        // random_mini_batches(X, Y): mini_batch_size = 64, seed = 0
        assertThat(Optimization.randomMiniBatches(X, Y)).isEqualTo(Optimization.randomMiniBatches(X, Y, 64, 0));
        // update_parameters_with_adam(parameters, grads, v, s, t): learning_rate 0.01, beta1 0.9, beta2 0.999, 1e-8
        DeepParameters p = stepParameters();
        AdamState zeros = Optimization.initializeAdam(p);
        assertThat(Optimization.updateParametersWithAdam(p, stepGradients(), zeros.v(), zeros.s(), 2).parameters())
                .isEqualTo(Optimization.updateParametersWithAdam(p, stepGradients(), zeros.v(), zeros.s(), 2, 0.01, 0.9,
                        0.999, 1e-8).parameters());
    }

    @Test
    void momentumAndAdamRefuseHyperparametersTheyCannotStepWith() {
        DeepParameters p = stepParameters();
        Averages v = Optimization.initializeVelocity(p);
        // before: each stepped, uphill or to NaN, without a word
        assertThatThrownBy(() -> Optimization.updateParametersWithMomentum(p, stepGradients(), v, 0.9, -0.01))
                .hasMessage("update_parameters_with_momentum: learning_rate must be a positive number, got -0.01");
        assertThatThrownBy(() -> Optimization.updateParametersWithMomentum(p, stepGradients(), v, 1.0, 0.01))
                .hasMessage("update_parameters_with_momentum: beta must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Optimization.updateParametersWithAdam(p, stepGradients(), v, v, 1, 0.01, 0.9,
                Double.NaN, 1e-8)).hasMessage("update_parameters_with_adam: beta2 must be in [0, 1), got NaN");
        assertThatThrownBy(() -> Optimization.updateParametersWithAdam(p, stepGradients(), v, v, 1, 0.01, 0.9,
                0.999, 0)).hasMessage("update_parameters_with_adam: epsilon must be a positive number, got 0.0");
        assertThatThrownBy(() -> Optimization.updateParametersWithAdam(p, stepGradients(), v, v, 1, 0, 0.9,
                0.999, 1e-8)).hasMessage("update_parameters_with_adam: learning_rate must be a positive number, got 0.0");
        assertThat(Optimization.updateParametersWithMomentum(p, stepGradients(), v, 0, 0.01).parameters())
                .as("β = 0 is gradient descent")
                .isEqualTo(Optimization.updateParametersWithGd(p, stepGradients(), 0.01));
    }

    @Test
    void momentumStepMatchesTheAssignment() {
        DeepParameters p = stepParameters();
        MomentumUpdate update = Optimization.updateParametersWithMomentum(p, stepGradients(),
                Optimization.initializeVelocity(p), 0.9, 0.01);
        for (int l = 1; l <= 2; l++) {
            Relative.assertClose(update.parameters().W(l), REF.matrix("momentum_W" + l), "W" + l);
            Relative.assertClose(update.parameters().b(l), REF.matrix("momentum_b" + l), "b" + l);
            Relative.assertClose(update.v().dW(l), REF.matrix("momentum_v_dW" + l), "v[dW" + l + "]");
            Relative.assertClose(update.v().db(l), REF.matrix("momentum_v_db" + l), "v[db" + l + "]");
        }
    }

    @Test
    void adamStepsMatchTheAssignmentWithTheirCorrectedMoments() {
        DeepParameters p = stepParameters();
        AdamState state = Optimization.initializeAdam(p);
        Averages v = state.v();
        Averages s = state.s();
        for (int t = 1; t <= 2; t++) {
            AdamUpdate update = Optimization.updateParametersWithAdam(p, stepGradients(), v, s, t, 0.01, 0.9, 0.999,
                    1e-8);
            for (int l = 1; l <= 2; l++) {
                String at = "adam_t" + t + "_";
                Relative.assertClose(update.parameters().W(l), REF.matrix(at + "W" + l), at + "W" + l);
                Relative.assertClose(update.parameters().b(l), REF.matrix(at + "b" + l), at + "b" + l);
                Relative.assertClose(update.v().dW(l), REF.matrix(at + "v_dW" + l), at + "v");
                Relative.assertClose(update.s().db(l), REF.matrix(at + "s_db" + l), at + "s");
                Relative.assertClose(update.vCorrected().dW(l), REF.matrix(at + "v_corrected_dW" + l), at + "v̂");
                Relative.assertClose(update.sCorrected().db(l), REF.matrix(at + "s_corrected_db" + l), at + "ŝ");
            }
            p = update.parameters();
            v = update.v();
            s = update.s();
        }
    }

    @Test
    void thePublishedTestCasesComeOut() {
        // update_parameters_with_momentum_test_case (beta 0.9, learning_rate 0.01) and
        // update_parameters_with_adam_test_case (t = 2 from zeros): the same seed-1 draws as the step_ matrices
        DeepParameters p = stepParameters();
        MomentumUpdate momentum = Optimization.updateParametersWithMomentum(p, stepGradients(),
                Optimization.initializeVelocity(p), 0.9, 0.01);
        assertThat(momentum.parameters().W(1).toArray()).containsExactly(new double[] {1.62544598, -0.61290114,
            -0.52907334, -1.07347112, 0.86450677, -2.30085497}, within(5e-9));
        assertThat(momentum.v().dW(1).toArray()).containsExactly(new double[] {-0.11006192, 0.11447237,
            0.09015907, 0.05024943, 0.09008559, -0.06837279}, within(5e-9));
        AdamState zeros = Optimization.initializeAdam(p);
        AdamUpdate adam = Optimization.updateParametersWithAdam(p, stepGradients(), zeros.v(), zeros.s(), 2, 0.01,
                0.9, 0.999, 1e-8);
        assertThat(adam.parameters().W(1).toArray()).containsExactly(new double[] {1.63178673, -0.61919778,
            -0.53561312, -1.08040999, 0.85796626, -2.29409733}, within(5e-9));
        assertThat(adam.parameters().b(1).toArray()).containsExactly(new double[] {1.75225313, -0.75376553},
                within(5e-9));
        assertThat(adam.s().dW(1).toArray()).containsExactly(new double[] {0.00121136, 0.00131039, 0.00081287,
            0.0002525, 0.00081154, 0.00046748}, within(5e-9));
    }

    @Test
    void theOptimizerClassesGiveTheExplicitFunctionsNumbersExactly() {
        DeepParameters explicitMomentum = stepParameters();
        DeepParameters explicitAdam = stepParameters();
        DeepParameters explicitGd = stepParameters();
        Averages v = Optimization.initializeVelocity(explicitMomentum);
        AdamState adamState = Optimization.initializeAdam(explicitAdam);
        Averages va = adamState.v();
        Averages sa = adamState.s();
        Optimizer momentum = new Momentum(0.01, 0.9);
        Optimizer adam = new Adam(0.02, 0.9, 0.999, 1e-8);
        Optimizer gd = new GradientDescent(0.1);
        List<Matrix> m = stepParameters().matrices();
        List<Matrix> a = stepParameters().matrices();
        List<Matrix> g = stepParameters().matrices();
        for (int t = 1; t <= 20; t++) {
            // the gradient changes with the parameters: dθ = sin(θ) + step gradient
            DeepGradients gradsM = gradientsAt(explicitMomentum);
            MomentumUpdate mu = Optimization.updateParametersWithMomentum(explicitMomentum, gradsM, v, 0.9, 0.01);
            explicitMomentum = mu.parameters();
            v = mu.v();
            m = momentum.update(m, gradientsAt(DeepParameters.of(m)).matrices());

            AdamUpdate au = Optimization.updateParametersWithAdam(explicitAdam, gradientsAt(explicitAdam), va, sa, t,
                    0.02, 0.9, 0.999, 1e-8);
            explicitAdam = au.parameters();
            va = au.v();
            sa = au.s();
            a = adam.update(a, gradientsAt(DeepParameters.of(a)).matrices());

            explicitGd = Optimization.updateParametersWithGd(explicitGd, gradientsAt(explicitGd), 0.1);
            g = gd.update(g, gradientsAt(DeepParameters.of(g)).matrices());
        }
        assertThat(m).isEqualTo(explicitMomentum.matrices());
        assertThat(a).isEqualTo(explicitAdam.matrices());
        assertThat(g).isEqualTo(explicitGd.matrices());
    }

    private static DeepGradients gradientsAt(DeepParameters p) {
        DeepGradients step = stepGradients();
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        for (int l = 1; l <= 2; l++) {
            dW.add(p.W(l).map(Math::sin).plus(step.dW(l)));
            db.add(p.b(l).map(Math::sin).plus(step.db(l)));
        }
        return new DeepGradients(step.dA(), dW, db);
    }

    @Test
    void decayFunctionsAreTheSchedules() {
        LearningRateSchedule inverse = LearningRateSchedule.inverseTimeDecay(0.1, 0.3);
        LearningRateSchedule stepped = LearningRateSchedule.scheduleLrDecay(0.1, 0.3, 1000);
        for (int epoch = 0; epoch < 5000; epoch += 7) {
            assertThat(Optimization.updateLr(0.1, epoch, 0.3)).isEqualTo(inverse.learningRate(epoch));
            assertThat(Optimization.scheduleLrDecay(0.1, epoch, 0.3)).isEqualTo(stepped.learningRate(epoch));
        }
    }
}
