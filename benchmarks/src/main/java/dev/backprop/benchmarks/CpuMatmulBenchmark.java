package dev.backprop.benchmarks;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
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

/**
 * The fast CPU backend's product of two n×n matrices in the three forms the networks use, A·B, A·Bᵀ and Aᵀ·B (a
 * transposed operand is a view of a matrix stored transposed, as {@code X.T()} is), on 1 or 2 threads. The score is
 * the time of one product in µs, including the allocation of C, as {@code np.dot} allocates its result; a product is
 * 2n³ floating-point operations, so GFLOP/s = 2n³ / (1000 · score). {@code benchmarks/compare.sh} runs it beside
 * numpy and PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseSerialGC"})
public class CpuMatmulBenchmark {

    /** The size: A, B and C are n×n. */
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    /** AB, ABt (A·Bᵀ) or AtB (Aᵀ·B). */
    @Param({"AB", "ABt", "AtB"})
    public String form;

    /** Threads for the product. */
    @Param({"1", "2"})
    public int threads;

    private Matrix A;
    private Matrix B;

    @Setup
    public void setUp() {
        Backend backend = FastCpuBackend.withThreads(threads);
        NumpyRandom random = new NumpyRandom(1);
        Matrix a = random.randn(n, n).to(backend);
        Matrix b = random.randn(n, n).to(backend);
        A = form.equals("AtB") ? a.T() : a;
        B = form.equals("ABt") ? b.T() : b;
    }

    @Benchmark
    public Matrix matmul() {
        return A.dot(B);
    }
}
