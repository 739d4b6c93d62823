package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The workshop's planar {@code nn_model} on the fast backend keeps the numpy run's numbers in the same tiers as the
 * reference backend ({@code TwoLayerNetworkTests}): 6 decimals through iteration 6000, 1e-4 after. Its small
 * products A·B and Aᵀ·B are bit-identical to the reference; A·Bᵀ sums in L lanes (as BLAS does), and tanh and σ are
 * within 3 ulp of {@link Math}.
 */
class PlanarTrajectoryTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/model/two_layer_reference.txt");

    @Test
    void nnModelOnTheFastBackendReproducesTheWorkshopCostTrajectory() {
        Backend fast = FastCpuBackend.withThreads(2);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        List<double[]> costs = new ArrayList<>();
        Parameters trained = TwoLayerNetwork.nnModel(planar.X().to(fast), planar.Y().to(fast), 4, 10_000,
                (i, cost) -> costs.add(new double[] {i, cost}));
        double[] iterations = REF.matrix("trajectory_iterations").toArray();
        double[] expected = REF.matrix("trajectory_costs").toArray();
        assertThat(costs).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            double tolerance = iterations[k] <= 6000 ? 5e-7 : 1e-4;
            assertThat(costs.get(k)[1]).as("cost after iteration %d", (int) iterations[k])
                    .isCloseTo(expected[k], within(tolerance));
        }
        Matrix predictions = TwoLayerNetwork.predict(trained, planar.X().to(fast));
        assertThat(TwoLayerNetwork.accuracy(predictions, planar.Y().to(fast))).isGreaterThanOrEqualTo(90);
    }

    @Test
    void smallProductsAbAndAtbEqualTheReferenceToTheLastBitAndAbtIsWithinRounding() {
        Backend fast = FastCpuBackend.withThreads(1);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        Matrix X = planar.X();
        Matrix W = Matrix.of(4, 2, 0.3, -1.7, 2.1, 0.05, -0.4, 0.9, 1e-3, 12.5);
        Matrix D = new dev.backprop.core.random.NumpyRandom(1).randn(4, X.cols());
        assertThat(W.to(fast).dot(X.to(fast)).toArray()).isEqualTo(W.dot(X).toArray());
        assertThat(W.to(fast).T().dot(D.to(fast)).toArray()).isEqualTo(W.T().dot(D).toArray());
        double[] dots = D.to(fast).dot(X.to(fast).T()).toArray();
        double[] reference = D.dot(X.T()).toArray();
        for (int i = 0; i < dots.length; i++) {
            assertThat(dots[i]).isCloseTo(reference[i], within(1e-13 * Math.max(1, Math.abs(reference[i]))));
        }
    }
}
