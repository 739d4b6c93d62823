package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Gold;
import dev.backprop.core.Reference;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Moons;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Regularization.ModelRun;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DLS regularization assignment's {@code model()} against its code in scripts/optim_reference.py. The
 * assignment's own data (a .mat file) is not generated, so the reference trains on
 * {@code np.random.seed(2); make_moons(300, noise=.3)}; the runs here stop after 500 of the 30 000 iterations (the
 * cost at 0 and the parameters after 500 updates, within 1e-12). Run by hand to 30 000 iterations, the rounding
 * differences of the matrix products grow (learning rate 0.3 on a saturating network) and the runs end close to,
 * not on, numpy's: train / test accuracy without regularization 0.9267 / 0.925 (numpy 0.9233 / 0.92), with L2
 * 0.92 / 0.915 (the same), with dropout 0.90 / 0.91 (numpy 0.9033 / 0.91).
 */
class RegularizationModelTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/regularization_model.txt");
    private static final Dataset TRAIN = Moons.makeMoons(300, 0.3, new NumpyRandom(2));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain, 0, 1", "l2, 0.7, 1", "dropout, 0, 0.86"})
    void fiveHundredIterationsFollowTheAssignment(String name, double lambd, double keepProb) {
        List<String> printed = new ArrayList<>();
        ModelRun run = Regularization.model(TRAIN.X(), TRAIN.Y(), 0.3, 500,
                (i, cost) -> printed.add("Cost after iteration " + i + ": " + cost), lambd, keepProb);
        assertThat(printed).hasSize(1);
        double expected = REF.matrix(name + "_costs").get(0, 0);
        assertThat(Math.abs(run.costs().get(0) - expected) / expected).as("cost at iteration 0").isLessThan(1e-12);
        DeepParameters p = run.parameters();
        for (String key : List.of("W1", "b1", "W2", "b2", "W3", "b3")) {
            int l = key.charAt(1) - '0';
            Matrix actual = key.startsWith("W") ? p.W(l) : p.b(l);
            Matrix reference = REF.matrix(name + "_iteration500_" + key);
            assertThat(actual.minus(reference).abs().max()).as(key + " after 500 iterations")
                    .isLessThanOrEqualTo(1e-12 * (1 + Gold.maxAbs(reference)));
        }
    }

    @Test
    void initializeParametersDividesBySqrtNPrevAsRegUtils() {
        DeepParameters p = Regularization.initializeParameters(new int[] {2, 20, 3, 1});
        Matrix first = new NumpyRandom(3).randn(20, 2).div(Math.sqrt(2));
        assertThat(p.W(1)).isEqualTo(first);
    }

    @Test
    void l2AndDropoutTogetherAreRejectedAsTheAssignmentAsserts() {
        assertThatThrownBy(() -> Regularization.model(TRAIN.X(), TRAIN.Y(), 0.3, 1, (i, c) -> { }, 0.7, 0.86))
                .hasMessageContaining("use L2 (lambd = 0.7) or dropout (keep_prob = 0.86), not both");
    }
}
