package dev.backprop.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workshop's planar training, {@code nn_model(X, Y, n_h = 4, 10000 iterations)}, on OpenCL against the CPU.
 *
 * <p>Tolerance of the cost trajectory: through iteration 7000 the device follows the CPU within the precision's
 * tolerance (fp64: 1e-12, seen ≤ 6e-16; fp32: 1e-5, seen ≤ 8e-7). Between iterations 7500 and 8000 the training
 * itself is unstable (the cost rises from 0.2166 to 0.2195) and magnifies any rounding difference, so the tail is
 * held to 2e-4 in fp64 (seen 5e-5; numpy and the CPU backend only agree to 1e-4 there as well) and 2e-3 in fp32
 * (seen 7e-4). Both must reach the workshop's accuracy.
 */
class TrainingTests {

    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();
    private static final int LAST_STABLE_ITERATION = 7000;

    private static List<double[]> cpuCosts;
    private static Parameters cpuParameters;

    @BeforeAll
    static void trainOnTheCpu() {
        cpuCosts = new ArrayList<>();
        cpuParameters = TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 4, 10_000,
                (i, cost) -> cpuCosts.add(new double[] {i, cost}));
    }

    @AfterAll
    static void forget() {
        cpuCosts = null;
        cpuParameters = null;
    }

    @Test
    void planarTrainingInFp64FollowsTheCpuCostTrajectory() {
        trainAndCompare(Precision.FP64, Residency.DEVICE_RESIDENT, 2e-4);
    }

    @Test
    void planarTrainingInFp32FollowsTheCpuCostTrajectory() {
        trainAndCompare(Precision.FP32, Residency.DEVICE_RESIDENT, 2e-3);
    }

    @Test
    void copyingPerOperationComputesTheSameNumbers() {
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.COPY_PER_OPERATION)) {
            List<double[]> costs = new ArrayList<>();
            TwoLayerNetwork.nnModel(PLANAR.X().to(opencl), PLANAR.Y().to(opencl), 4, 2001, 1.2, 1000,
                    (i, cost) -> costs.add(new double[] {i, cost}));
            assertThat(costs).hasSize(3);
            for (int k = 0; k < costs.size(); k++) {
                assertThat(costs.get(k)[1]).as("cost after iteration %d", (int) costs.get(k)[0])
                        .isCloseTo(cpuCosts.get(k)[1], within(Precision.FP64.tolerance()));
            }
            assertThat(opencl.liveBuffers()).as("device buffers once every operation is done").isZero();
        }
    }

    private static void trainAndCompare(Precision precision, Residency residency, double tailTolerance) {
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(precision, residency)) {
            Matrix X = PLANAR.X().to(opencl);
            Matrix Y = PLANAR.Y().to(opencl);
            List<double[]> costs = new ArrayList<>();
            Parameters trained = TwoLayerNetwork.nnModel(X, Y, 4, 10_000,
                    (i, cost) -> costs.add(new double[] {i, cost}));

            assertThat(costs).hasSameSizeAs(cpuCosts);
            for (int k = 0; k < costs.size(); k++) {
                int iteration = (int) costs.get(k)[0];
                assertThat(iteration).isEqualTo((int) cpuCosts.get(k)[0]);
                double tolerance = iteration <= LAST_STABLE_ITERATION ? precision.tolerance() : tailTolerance;
                assertThat(costs.get(k)[1]).as("%s cost after iteration %d", precision.label(), iteration)
                        .isCloseTo(cpuCosts.get(k)[1], within(tolerance));
            }
            double accuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(trained, X), Y);
            double cpuAccuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(cpuParameters, PLANAR.X()),
                    PLANAR.Y());
            assertThat(accuracy).as("accuracy on the device").isGreaterThanOrEqualTo(90).isCloseTo(cpuAccuracy,
                    within(0.5));
            // X, Y, the trained parameters and predict's matrices are live; nothing from the 10 000 iterations
            assertThat(opencl.liveBuffers()).as("device buffers left after training").isLessThan(20);
        }
    }
}
