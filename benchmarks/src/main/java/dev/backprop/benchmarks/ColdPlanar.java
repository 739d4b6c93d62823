package dev.backprop.benchmarks;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.model.TwoLayerNetwork;

/**
 * The first planar {@code nn_model} (10 000 iterations) in a fresh JVM, JIT warm-up included, as a student's first
 * {@code ./workshop run planar} meets it: prints {@code cold-planar <backend> <seconds>}.
 * {@code java --add-modules=jdk.incubator.vector --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
 * -cp benchmarks.jar dev.backprop.benchmarks.ColdPlanar [backend]}
 */
public final class ColdPlanar {

    private ColdPlanar() {
    }

    public static void main(String[] args) {
        Backend backend = Backends.byName(args.length > 0 ? args[0] : "cpu");
        Dataset planar = PlanarDataset.loadPlanarDataset();
        long start = System.nanoTime();
        TwoLayerNetwork.nnModel(planar.X().to(backend), planar.Y().to(backend), 4, 10_000, (i, cost) -> { });
        System.out.printf("cold-planar %s %.4f%n", backend.name(), (System.nanoTime() - start) / 1e9);
    }
}
