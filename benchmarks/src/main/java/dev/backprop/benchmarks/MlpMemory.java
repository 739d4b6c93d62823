package dev.backprop.benchmarks;

import dev.backprop.core.matrix.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the {@link MlpEpoch} network for one epoch on the full 60 000 × 784 fp64 set and prints the process's
 * peak resident memory (VmHWM, Linux): run it with {@code -Xmx1g} to show the training fits.
 */
public final class MlpMemory {

    private MlpMemory() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        MlpEpoch mlp = new MlpEpoch(Backends.defaultCpu());
        double cost = mlp.epoch();
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: unknown");
        System.out.printf("mlp-memory %s max heap %d MiB, cost %.4f, %.1f s, peak RSS %s%n",
                Backends.defaultCpu().name(), Runtime.getRuntime().maxMemory() >> 20, cost,
                (System.nanoTime() - start) / 1e9, peak.replaceAll("VmHWM:\\s*", ""));
    }
}
