package dev.backprop.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kernel of {@code matmul.cl} by name, against the reference loop of its banner, for every transpose
 * combination: {@code matmul(a, b)} picks one kernel by size, so the contract suite alone would not reach them all.
 * The sizes straddle the tiles (TS = 16, TSK = 16; TSM = TSN = 128 on a GPU, TSM = 64 and TSN = 128 on a CPU device)
 * and include vectors.
 */
class MatmulKernelTests {

    private static OpenClTestSupport opencl;
    private OpenClBackend fp64;

    @BeforeAll
    static void start() {
        opencl = OpenClTestSupport.start(Precision.FP64, Residency.DEVICE_RESIDENT);
    }

    @AfterAll
    static void stop() {
        opencl.close();
    }

    @BeforeEach
    void backend() {
        fp64 = opencl.backend();
    }

    /** (M, K, N) around the tile sizes, times each kernel. */
    static Stream<Arguments> cases() {
        int[][] sizes = {{1, 1, 1}, {3, 4, 5}, {16, 16, 16}, {17, 9, 33}, {63, 17, 65}, {64, 64, 64}, {65, 15, 63},
            {128, 16, 128}, {129, 40, 127}, {129, 130, 1}, {1, 300, 257}, {200, 3, 70}, {150, 33, 300}};
        return Stream.of(MatmulKernel.values())
                .flatMap(k -> Stream.of(sizes).map(s -> Arguments.of(k, s[0], s[1], s[2])));
    }

    @ParameterizedTest(name = "{0} ({1},{2})·({2},{3})")
    @MethodSource("cases")
    void everyKernelMatchesTheReferenceLoopForEveryTransposeCombination(MatmulKernel kernel, int M, int K, int N) {
        double[] a = random(M * K, 31L * M + K);
        double[] b = random(K * N, 37L * K + N);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                MatrixScope scope = MatrixScope.open();
                try {
                    Matrix A = ta ? fp64.upload(K, M, transpose(a, M, K)).T() : fp64.upload(M, K, a);
                    Matrix B = tb ? fp64.upload(N, K, transpose(b, K, N)).T() : fp64.upload(K, N, b);
                    Matrix C = fp64.matmul(A, B, kernel);
                    assertMatchesReference(kernel + (ta ? " Aᵀ" : " A") + (tb ? "·Bᵀ" : "·B"), C, a, b, M, K, N,
                            Precision.FP64.tolerance());
                } finally {
                    scope.close();
                }
            }
        }
        assertThat(fp64.liveBuffers()).as("buffers left once the scopes closed").isZero();
    }

    @Test
    void theDefaultPicksTheKernelBySize() {
        assertThat(fp64.matmulKernelFor(4, 400, 2)).as("W1·X of the planar network").isEqualTo(MatmulKernel.NAIVE);
        assertThat(fp64.matmulKernelFor(32, 32, 32)).isEqualTo(MatmulKernel.TILED);
        assertThat(fp64.matmulKernelFor(512, 512, 512)).isEqualTo(MatmulKernel.REGISTER_BLOCKED);
    }

    @Test
    void aCpuDeviceSplitsA128ProductIntoTwoWorkGroupsOf64Rows() {
        assumeTrue(fp64.description().contains("(CPU)"), "needs a CPU device: " + fp64.description());
        assertThat(fp64.matmulKernelFor(64, 128, 16)).isEqualTo(MatmulKernel.REGISTER_BLOCKED);
        assertThat(fp64.matmulKernelFor(63, 128, 16)).isEqualTo(MatmulKernel.TILED);
        assertThat(fp64.matmulKernelFor(64, 127, 16)).isEqualTo(MatmulKernel.TILED);
    }

    @Test
    void operandsFromAnotherBackendOrMisalignedAreRejected() {
        Matrix onCpu = Matrix.zeros(2, 2);
        Matrix onDevice = fp64.full(2, 3, 1.0);
        try {
            assertThatThrownBy(() -> fp64.matmul(onCpu, onDevice, MatmulKernel.NAIVE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu");
            assertThatThrownBy(() -> fp64.matmul(onDevice, onDevice, MatmulKernel.TILED))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("matmul: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)");
        } finally {
            onDevice.release();
        }
    }

    /** Negative control: the fp64 tolerance is tight enough that a float computation does not pass it. */
    @Test
    void fp32ResultsDoNotPassTheFp64Tolerance() {
        int M = 64;
        int K = 64;
        int N = 64;
        double[] a = random(M * K, 5);
        double[] b = random(K * N, 6);
        try (OpenClBackend fp32 = OpenClTestSupport.backendOrSkip(Precision.FP32, Residency.DEVICE_RESIDENT)) {
            Matrix C = fp32.matmul(fp32.upload(M, K, a), fp32.upload(K, N, b), MatmulKernel.REGISTER_BLOCKED);
            assertMatchesReference("fp32 within its own tolerance", C, a, b, M, K, N, Precision.FP32.tolerance());
            assertThatThrownBy(() -> assertMatchesReference("fp32 within the fp64 tolerance", C, a, b, M, K, N,
                    Precision.FP64.tolerance())).isInstanceOf(AssertionError.class);
        }
    }

    /** |c − Σ_k a·b| ≤ tolerance · (1 + Σ_k |a·b|) for every element. */
    static void assertMatchesReference(String what, Matrix C, double[] a, double[] b, int M, int K, int N,
                                       double tolerance) {
        assertThat(C.rows()).as(what + ": rows").isEqualTo(M);
        assertThat(C.cols()).as(what + ": cols").isEqualTo(N);
        double[] c = C.toArray();
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < N; n++) {
                double acc = 0;
                double abs = 0;
                for (int k = 0; k < K; k++) {
                    acc += a[m * K + k] * b[k * N + n];
                    abs += Math.abs(a[m * K + k] * b[k * N + n]);
                }
                double error = Math.abs(c[m * N + n] - acc);
                if (!(error <= tolerance * (1 + abs))) {
                    throw new AssertionError(what + ": C(" + m + "," + n + ") = " + c[m * N + n] + ", expected " + acc
                            + " within " + tolerance + "·(1 + " + abs + ")");
                }
            }
        }
    }

    static double[] random(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }

    static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }
}
