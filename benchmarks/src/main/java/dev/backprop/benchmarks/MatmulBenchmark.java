package dev.backprop.benchmarks;

import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.opencl.MatmulKernel;
import dev.backprop.opencl.OpenClBackend;
import dev.backprop.opencl.Precision;
import dev.backprop.opencl.Residency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * C = A·B for n×n matrices: the three kernels of {@code matmul.cl} and the CPU backend's loops.
 *
 * <p>How to read it: a product costs 2n³ floating-point operations, and every call adds 2n³/10⁹ to the auxiliary
 * counter {@code gflop}, so JMH's row {@code MatmulBenchmark.matmul:gflop} is the speed in GFLOP/s (its unit says
 * "ops/s": here one op is one GFLOP). The primary row, {@code MatmulBenchmark.matmul}, is products per second.
 * The OpenCL timings wait for the kernel to finish ({@code clFinish}) and include nothing else: A and B stay on
 * the device. Example:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar '\.MatmulBenchmark' -f 1 -wi 2 -i 3 -p n=256,512 -p kernel=TILED,CPU
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatmulBenchmark {

    /** The size: A, B and C are n×n. */
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    /** NAIVE, TILED, REGISTER_BLOCKED (OpenCL kernels) or CPU (the reference backend). */
    @Param({"NAIVE", "TILED", "REGISTER_BLOCKED", "CPU"})
    public String kernel;

    /** fp64 or fp32, for the OpenCL kernels (the CPU computes in fp64 whatever this says). */
    @Param({"fp64"})
    public String precision;

    private OpenClBackend opencl;
    private MatmulKernel matmulKernel;
    private Matrix A;
    private Matrix B;

    /** The GFLOP done, counted per iteration: JMH divides it by the iteration's time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflop;

        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        NumpyRandom random = new NumpyRandom(0);
        Matrix a = random.randn(n, n);
        Matrix b = random.randn(n, n);
        if (kernel.equals("CPU")) {
            A = a;
            B = b;
        } else {
            matmulKernel = MatmulKernel.valueOf(kernel);
            opencl = OpenClBackend.create(Precision.parse(precision), Residency.DEVICE_RESIDENT);
            A = a.to(opencl);
            B = b.to(opencl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (opencl != null) {
            opencl.close();
        }
    }

    @Benchmark
    public Matrix matmul(Flops flops) {
        Matrix C;
        if (opencl == null) {
            C = Backends.cpu().matmul(A, B);
        } else {
            C = opencl.matmul(A, B, matmulKernel);
            opencl.finish();
            C.release();
        }
        flops.gflop += 2.0 * n * n * n / 1e9;
        return C;
    }
}
