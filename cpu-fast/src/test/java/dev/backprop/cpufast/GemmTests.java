package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packed product against the reference loop at shapes that cross every block edge (MR, NR, KC = 256,
 * MC = 96, NC = 2048), on one thread and split across three, in all four transpose forms, with op(A) read in place
 * and, where its stride is a multiple of 512 (k = 512 as stored, n = 512 transposed), packed; a last row panel of
 * four rows (n = 64, 70, 10, 4) goes through the four-row kernel where its columns are whole.
 */
class GemmTests {

    @ParameterizedTest(name = "({0}, {1})·({1}, {2}) on {3} threads")
    @CsvSource({
        "1, 1, 1, 1",
        "7, 300, 5, 1",
        "97, 257, 33, 1",
        "128, 128, 128, 2",
        "200, 520, 130, 3",
        "13, 600, 2100, 2",
        "2100, 40, 9, 3",
        "128, 784, 64, 1",
        "70, 512, 40, 2",
        "512, 100, 30, 1",
        "30, 100, 512, 2",
        "64, 64, 64, 1",
        "10, 128, 64, 1",
        "4, 300, 20, 1",
    })
    void everyFormMatchesTheReferenceLoop(int n, int k, int m, int threads) {
        Random random = new Random(n * 31L + k * 7L + m);
        double[] a = random.doubles((long) n * k, -1, 1).toArray();
        double[] b = random.doubles((long) k * m, -1, 1).toArray();
        double[] expected = new double[n * m];
        double[] bound = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * m + j];
                    abs += Math.abs(a[i * k + p] * b[p * m + j]);
                }
                expected[i * m + j] = s;
                bound[i * m + j] = 1e-14 * (1 + abs);
            }
        }
        double[] aT = transpose(a, n, k);
        double[] bT = transpose(b, k, m);
        for (int form = 0; form < 4; form++) {
            boolean ta = (form & 1) != 0;
            boolean tb = (form & 2) != 0;
            double[] C = new double[n * m];
            // C's old contents are overwritten, never read
            Arrays.fill(C, Double.NaN);
            Gemm.multiply(ta ? aT : a, ta ? 1 : k, ta ? n : 1, tb ? bT : b, tb ? 1 : m, tb ? k : 1, C, n, k, m, threads);
            for (int e = 0; e < C.length; e++) {
                assertThat(Math.abs(C[e] - expected[e]))
                        .as("form %s%s, C[%d][%d] = %s, expected %s", ta ? "Aᵀ" : "A", tb ? "·Bᵀ" : "·B", e / m, e % m,
                                C[e], expected[e])
                        .isLessThanOrEqualTo(bound[e]);
            }
        }
    }

    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }
}
