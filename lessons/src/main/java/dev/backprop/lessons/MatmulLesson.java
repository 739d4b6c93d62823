package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.cpufast.FastCpuBackend;
import dev.backprop.cpufast.FastCpuBackendProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Why is a matrix multiply fast? The same product C = A·B six ways, from the textbook triple loop to the packed SIMD
 * kernel on every core, each timed on the spot. It pairs with the OpenCL lesson, whose kernels take the same steps
 * on a device.
 */
public final class MatmulLesson implements Lesson {

    /** The size of the product: A, B and C are N×N. */
    static final int N = 512;

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public String title() {
        return "Why is a matrix multiply fast?";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The triple loop", """
                Every layer of a network is a matrix product, $Z = W \\cdot A + b$, so training time is mostly
                matrix-multiply time. An $n \\times n$ product $C_{ij} = \\sum_k A_{ik} B_{kj}$ is $n^3$ multiplications
                and $n^3$ additions: $2n^3$ floating-point operations (FLOP). Speed is measured in GFLOP/s, billions
                of them per second. Here $n = 512$: 268 million FLOP. The first version is the definition, loop for
                loop: for each $i$, each $j$, sum over $k$. Its inner loop walks down a column of B, jumping a whole
                row (4 KB) from one number to the next, so almost every read misses the cache.
                """);
        NumpyRandom random = new NumpyRandom(0);
        double[] A = random.randn(N, N).toArray();
        double[] B = random.randn(N, N).toArray();
        List<String> names = new ArrayList<>();
        List<Double> gflops = new ArrayList<>();
        double[] C0 = time(log, "triple loop i-j-k", "i-j-k", names, gflops, () -> naive(A, B, N));

        log.step("Loop order", """
                Swap the two inner loops (i, k, j): now the inner loop adds $A_{ik}$ times row $k$ of B to row $i$ of
                C, and both rows are read one number after the next, the way memory likes to be read. The arithmetic
                is exactly the same, in the same order, so the product is identical to the last bit; and the JIT can
                now turn the inner loop into SIMD instructions on its own. This is the reference CPU backend's loop.
                """);
        double[] C1 = time(log, "loop order i-k-j", "i-k-j", names, gflops, () -> loopOrder(A, B, N));
        log.printf("largest difference from the triple loop: %s", largestDifference(C0, C1));

        log.step("Blocking", """
                For each row of C the i-k-j loop streams through all of B (2 MB here): more than the fast caches
                hold, so B comes from far away again for every row. **Cache blocking** cuts B into blocks of
                128 rows × 256 columns (256 KB) and finishes all the work that needs one block while it is in
                the cache. Same sums, in the same order, so again the same product.
                """);
        double[] C2 = time(log, "blocked", "blocked", names, gflops, () -> blocked(A, B, N));
        log.printf("largest difference from the triple loop: %s", largestDifference(C0, C2));

        log.step("Register tiling", """
                Each number the i-k-j loop reads from B is used once, then read again for the next row. Computing
                **four rows of C at once** and **four steps of k at once** keeps 16 numbers of A in registers and uses
                each number of B four times per read, and each read-modify-write of C now carries four products
                instead of one. Still the same sums in the same order. Counting the reads and writes of the inner
                loops: the triple loop reads 2 numbers per multiply-add, i-k-j reads 2 and writes 1, the 4 × 4
                tile 12 for 16, and the SIMD micro-kernel of the next step 22 for 96.
                """);
        double[] C3 = time(log, "register tiling 4×4", "4×4 tiles", names, gflops, () -> registerTiled(A, B, N));
        log.printf("largest difference from the triple loop: %s", largestDifference(C0, C3));
        // memory accesses per multiply-add in each inner loop: reads and writes of A, B, C over the products
        List<String> loops = List.of("i-j-k", "i-k-j", "4×4 tiles", "SIMD 6×16");
        List<Double> accesses = List.of(2.0, 3.0, (4 + 4 + 4) / 16.0, (16 + 6) / 96.0);
        for (int k = 0; k < loops.size(); k++) {
            log.printf("%-10s %.2f memory accesses per multiply-add", loops.get(k), accesses.get(k));
        }
        CategoryChart traffic = new CategoryChartBuilder().width(800).height(600)
                .title("Memory accesses per multiply-add in the inner loop").xAxisTitle("")
                .yAxisTitle("accesses per multiply-add").build();
        traffic.getStyler().setLegendVisible(false);
        traffic.getStyler().setLabelsVisible(true);
        traffic.getStyler().setYAxisDecimalPattern("0.00");
        traffic.addSeries("accesses", loops, accesses);
        log.plot("memory-accesses", traffic);

        log.step("SIMD", """
                The fast CPU backend goes all the way, in the design of GotoBLAS and BLIS: it **packs** a block of A
                and a block of B into contiguous panels (which is also how it reads $A^T$ or $B^T$ without copying
                them first), and a **micro-kernel** holds a 6 × 16 tile of C in 12 vector registers of 8 doubles
                (AVX-512; with AVX2's registers of 4 the tile is 6 × 8), adding one rank-1 update per step of k
                with **fused multiply-add** instructions, one multiply-add per element of a register: 96 in each
                rank-1 update of the 6 × 16 tile. It is written with Java's Vector API. A fused multiply-add
                rounds once where a multiply then an add round twice, so the last digits of C differ slightly.
                """);
        Backend simd = fastBackend(log, 1);
        if (simd != null) {
            Matrix As = Matrix.of(N, N, A).to(simd);
            Matrix Bs = Matrix.of(N, N, B).to(simd);
            double[] C4 = time(log, "packed SIMD, 1 thread", "SIMD", names, gflops, () -> As.dot(Bs).toArray());
            log.printf("largest difference from the triple loop: %s (fused multiply-adds round once)",
                    largestDifference(C0, C4));
        }

        log.step("Threads", """
                Every tile of C is independent work, so the backend cuts C into one slice per core and runs the
                slices on separate threads. On a machine with $p$ free cores that is up to $p$ times faster, as long
                as the product is big enough to pay for handing the slices over: the backend splits only products
                of more than $128^3$ multiply-adds, and its threads wait for the next product spinning, not asleep,
                because waking a sleeping thread costs tens of microseconds.
                """);
        int cores = Runtime.getRuntime().availableProcessors();
        Backend threaded = fastBackend(log, cores);
        if (threaded != null) {
            Matrix At = Matrix.of(N, N, A).to(threaded);
            Matrix Bt = Matrix.of(N, N, B).to(threaded);
            time(log, "packed SIMD, " + cores + (cores == 1 ? " thread" : " threads"), "SIMD ×" + cores, names,
                    gflops,
                    () -> At.dot(Bt).toArray());
        }
        CategoryChart chart = new CategoryChartBuilder().width(800).height(600)
                .title("C = A·B, n = " + N + ": GFLOP/s of each step").xAxisTitle("").yAxisTitle("GFLOP/s").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.addSeries("GFLOP/s", names, gflops);
        log.measuredPlot("gflops-per-step", chart);
        log.measured(String.format("from the triple loop to the fastest step: %.0f× faster",
                gflops.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / gflops.get(0)));
    }

    /** Times {@code product} (the best of two runs after one warm-up), reports it and keeps its GFLOP/s. */
    private static double[] time(LessonLog log, String name, String label, List<String> names, List<Double> gflops,
                                 Supplier<double[]> product) {
        double[] C = product.get();
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            product.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        double g = 2.0 * N * N * N / best / 1e9;
        log.elapsed(name, best);
        log.measured(String.format("%s: %.1f GFLOP/s", name, g));
        names.add(label);
        gflops.add(g);
        return C;
    }

    /** The fast CPU backend on {@code threads} threads, or null after saying why it cannot run here. */
    private static Backend fastBackend(LessonLog log, int threads) {
        if (!FastCpuBackendProvider.vectorApiPresent()) {
            log.println("the Vector API is not enabled in this JVM (./workshop starts java with "
                    + "--add-modules=jdk.incubator.vector): this step is skipped");
            return null;
        }
        return FastCpuBackend.withThreads(threads);
    }

    /** The largest |x − y| over the elements, printed exactly when it is 0. */
    static String largestDifference(double[] x, double[] y) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst == 0 ? "0" : String.format("%.1e", worst);
    }

    /** C[i][j] = Σ_k A[i][k]·B[k][j], the definition. Row-major: X[i][j] is X[i*n + j]. */
    static double[] naive(double[] A, double[] B, int n) {
        double[] C = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += A[i * n + k] * B[k * n + j];
                }
                C[i * n + j] = s;
            }
        }
        return C;
    }

    /** C[i][:] += A[i][k]·B[k][:], for i, then k: both rows read in order. */
    static double[] loopOrder(double[] A, double[] B, int n) {
        double[] C = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = A[i * n + k];
                for (int j = 0; j < n; j++) {
                    C[i * n + j] += aik * B[k * n + j];
                }
            }
        }
        return C;
    }

    /** The i-k-j loop over one 128 × 256 block of B at a time (k blocks in order, so every sum keeps its order). */
    static double[] blocked(double[] A, double[] B, int n) {
        final int KB = 128;
        final int JB = 256;
        double[] C = new double[n * n];
        for (int k0 = 0; k0 < n; k0 += KB) {
            int k1 = Math.min(n, k0 + KB);
            for (int j0 = 0; j0 < n; j0 += JB) {
                int j1 = Math.min(n, j0 + JB);
                for (int i = 0; i < n; i++) {
                    for (int k = k0; k < k1; k++) {
                        double aik = A[i * n + k];
                        for (int j = j0; j < j1; j++) {
                            C[i * n + j] += aik * B[k * n + j];
                        }
                    }
                }
            }
        }
        return C;
    }

    /**
     * Four rows of C and four steps of k at once: 16 numbers of A in registers, each B[k][j] read once for four
     * rows. For n a multiple of 4; inside each C[i][j] the products are still added one k after the next.
     */
    static double[] registerTiled(double[] A, double[] B, int n) {
        double[] C = new double[n * n];
        for (int i = 0; i < n; i += 4) {
            int c0 = i * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            for (int k = 0; k < n; k += 4) {
                int b0 = k * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                double a00 = A[c0 + k], a01 = A[c0 + k + 1], a02 = A[c0 + k + 2], a03 = A[c0 + k + 3];
                double a10 = A[c1 + k], a11 = A[c1 + k + 1], a12 = A[c1 + k + 2], a13 = A[c1 + k + 3];
                double a20 = A[c2 + k], a21 = A[c2 + k + 1], a22 = A[c2 + k + 2], a23 = A[c2 + k + 3];
                double a30 = A[c3 + k], a31 = A[c3 + k + 1], a32 = A[c3 + k + 2], a33 = A[c3 + k + 3];
                for (int j = 0; j < n; j++) {
                    double x0 = B[b0 + j];
                    double x1 = B[b1 + j];
                    double x2 = B[b2 + j];
                    double x3 = B[b3 + j];
                    C[c0 + j] = C[c0 + j] + a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
                    C[c1 + j] = C[c1 + j] + a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
                    C[c2 + j] = C[c2 + j] + a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
                    C[c3 + j] = C[c3 + j] + a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
                }
            }
        }
        return C;
    }
}
