package dev.backprop.benchmarks;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The workshop's planar {@code nn_model}: 10 000 iterations of forward, backward and update on X (2, 400) with
 * n_h = 4, the cost every 1000 iterations, as the lesson runs it. One invocation is one whole run (s/op, single
 * shot); {@code backend} is {@code cpu-fast} or {@code cpu-reference}. The first run in a fresh JVM is
 * {@link ColdPlanar}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseSerialGC"})
public class PlanarBenchmark {

    @Param({"cpu-fast", "cpu-reference"})
    public String backend;

    private Matrix X;
    private Matrix Y;

    @Setup
    public void setUp() {
        Backend device = Backends.byName(backend);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        X = planar.X().to(device);
        Y = planar.Y().to(device);
    }

    @Benchmark
    public Parameters nnModel() {
        return TwoLayerNetwork.nnModel(X, Y, 4, 10_000, (i, cost) -> { });
    }
}
