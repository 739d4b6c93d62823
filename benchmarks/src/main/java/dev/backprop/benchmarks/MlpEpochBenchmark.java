package dev.backprop.benchmarks;

import dev.backprop.cpufast.FastCpuBackend;
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

/** One {@link MlpEpoch} (784-128-10, batch 64, 60 000 examples) on the fast CPU backend, s/op, single shot. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx1g"})
public class MlpEpochBenchmark {

    @Param({"1", "2"})
    public int threads;

    private MlpEpoch mlp;

    @Setup
    public void setUp() {
        mlp = new MlpEpoch(FastCpuBackend.withThreads(threads));
    }

    @Benchmark
    public double epoch() {
        return mlp.epoch();
    }
}
