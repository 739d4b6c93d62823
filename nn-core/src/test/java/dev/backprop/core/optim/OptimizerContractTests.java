package dev.backprop.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.Optimization.ModelRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizers on another backend against the same optimizers on the CPU, the way {@code BackendContractTests}
 * reruns the matrix operations: every optimizer for 100 steps, its state on the parameters' backend and freed when
 * replaced, and the DLS model run. Each subclass names the backend and its tolerance (relative, per operation);
 * 100 steps may add up 100 roundings, so the trajectories are held to 100 × that tolerance, |dev − cpu| ≤
 * 100 tol (1 + |cpu|).
 */
public abstract class OptimizerContractTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/optimizers.txt");
    private static final Reference MOONS = Reference.load("/dev/backprop/core/optim/optimization.txt");

    /** The backend under test. */
    protected abstract Backend backend();

    /** Its relative tolerance per operation against the CPU. */
    protected abstract double tolerance();

    /** How many device allocations are live, or −1 where the backend does not count them. */
    protected long liveAllocations() {
        return -1;
    }

    static Stream<Arguments> optimizers() {
        return OptimizerTests.cases();
    }

    /** 100 steps on f(θ) = Σ ½ c⊙θ² + d⊙θ, each in a scope that keeps θ and the optimizer's state. */
    private static List<Matrix> descend(Optimizer optimizer, Backend backend, int steps) {
        List<Matrix> c = onto(OptimizerTests.named("c"), backend);
        List<Matrix> d = onto(OptimizerTests.named("d"), backend);
        List<Matrix> theta = onto(OptimizerTests.named("theta0"), backend);
        for (int k = 0; k < steps; k++) {
            try (MatrixScope scope = MatrixScope.open()) {
                optimizer.startEpoch(k);
                List<Matrix> g = new ArrayList<>();
                for (int i = 0; i < theta.size(); i++) {
                    g.add(c.get(i).times(theta.get(i)).plus(d.get(i)));
                }
                List<Matrix> previous = theta;
                List<Matrix> previousState = optimizer.state().matrices();
                theta = optimizer.update(theta, g);
                theta.forEach(scope::keep);
                scope.keep(optimizer.state());
                previous.forEach(Matrix::release);
                previousState.forEach(Matrix::release);
            }
        }
        return theta;
    }

    private static List<Matrix> onto(List<Matrix> matrices, Backend backend) {
        return matrices.stream().map(m -> m.to(backend)).toList();
    }

    private void assertFollows(Matrix device, Matrix cpu, String what) {
        double[] a = device.toArray();
        double[] e = cpu.toArray();
        for (int i = 0; i < e.length; i++) {
            assertThat(Math.abs(a[i] - e[i])).as(what + "[" + i + "]")
                    .isLessThanOrEqualTo(100 * tolerance() * (1 + Math.abs(e[i])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void everyOptimizerFollowsTheCpuForAHundredSteps(String name, Supplier<Optimizer> make) {
        List<Matrix> cpu = descend(make.get(), dev.backprop.core.matrix.Backends.cpu(), 100);
        List<Matrix> device = descend(make.get(), backend(), 100);
        for (int i = 0; i < cpu.size(); i++) {
            assertThat(device.get(i).backend()).isSameAs(backend());
            assertFollows(device.get(i), cpu.get(i), name + " θ" + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void stateLivesOnTheBackendAndIsFreedWhenReplaced(String name, Supplier<Optimizer> make) {
        Optimizer optimizer = make.get();
        descend(optimizer, backend(), 2);
        for (Matrix m : optimizer.state().matrices()) {
            assertThat(m.backend()).as(name + " state").isSameAs(backend());
        }
        long afterTwo = liveAllocations();
        descend(optimizer, backend(), 5);
        if (afterTwo >= 0) {
            // a descent leaves its c and d (8 buffers) and its last θ (4); the state's buffers do not grow
            assertThat(liveAllocations() - afterTwo).as(name + ": buffers left by 5 more steps").isEqualTo(12);
        }
    }

    @Test
    void theDlsModelRunFollowsTheCpu() {
        Matrix X = MOONS.matrix("moons_X");
        Matrix Y = MOONS.matrix("moons_Y");
        int[] layers = {2, 5, 2, 1};
        ModelRun cpu = Optimization.model(X, Y, layers, "adam", 0.0007, 64, 0.9, 0.9, 0.999, 1e-8, 101,
                (i, cost) -> { }, null, 1);
        ModelRun device = Optimization.model(X.to(backend()), Y.to(backend()), layers, "adam", 0.0007, 64, 0.9, 0.9,
                0.999, 1e-8, 101, (i, cost) -> { }, null, 1);
        ModelRun generic = Optimization.model(X.to(backend()), Y.to(backend()), layers, new Adam(0.0007), 64, 101,
                (i, cost) -> { });
        for (int k = 0; k < cpu.costs().size(); k++) {
            assertThat(device.costs().get(k)).as("adam cost after epoch " + 100 * k)
                    .isCloseTo(cpu.costs().get(k), org.assertj.core.api.Assertions.within(100 * tolerance()));
            assertThat(generic.costs().get(k)).as("Adam class, cost after epoch " + 100 * k)
                    .isCloseTo(cpu.costs().get(k), org.assertj.core.api.Assertions.within(100 * tolerance()));
        }
        for (int i = 0; i < 6; i++) {
            assertFollows(device.parameters().matrices().get(i), cpu.parameters().matrices().get(i), "parameter " + i);
        }
    }
}
