package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Backend} keeps, each operation checked against a plain reference loop
 * ({@link UnaryOp#apply}, {@link BinaryOp#apply} and the loops below) at sizes 1×1 to 257×129. A backend's test
 * class extends this one and says which backend and how close: {@code CpuBackendTests} here, and the OpenCL tests
 * in {@code opencl-kernels} rerun the very same suite, the way tinygrad reruns {@code TestOps} on the GPU.
 *
 * <p>Tolerance: every element must satisfy |actual − expected| ≤ {@link #tolerance()} · (1 + S), where S is the sum
 * of the absolute values of the terms that made it: Σ_k |a_ik·b_kj| for a product, Σ |a_i| for a sum, and
 * |expected| for an elementwise function. NaN must match NaN, and ±∞ the same infinity.
 *
 * <p>Every test runs inside a {@link MatrixScope}; where the backend counts its allocations
 * ({@link #liveAllocations()}), a test that leaves one behind fails.
 */
public abstract class BackendContractTests {

    /** The backend under test. */
    protected abstract Backend backend();

    /** The relative tolerance against the reference loops, as the class comment defines it. */
    protected abstract double tolerance();

    /** How many device allocations are live, or −1 where the backend does not count them (the CPU). */
    protected long liveAllocations() {
        return -1;
    }

    /** The sizes every operation is checked at: tiny, odd, a multiple of 16 and 64, larger odd, rectangular. */
    static Stream<String> shapes() {
        return Stream.of("1x1", "3x5", "17x33", "64x64", "257x129", "70x130");
    }

    /** Values that repeat, so that comparisons meet ties and DIVIDE meets zero. */
    private static final double[] TIES = {-1, -0.5, 0, 0.5, 1, 2};

    private MatrixScope testScope;
    private long liveBefore;

    @BeforeEach
    void openScope() {
        liveBefore = liveAllocations();
        testScope = MatrixScope.open();
    }

    @AfterEach
    void closeScopeAndCheckForLeaks() {
        if (testScope == null) {
            return;   // the test was skipped before it began (no backend here)
        }
        testScope.close();
        if (liveBefore >= 0) {
            assertThat(liveAllocations()).as("allocations live after the test's MatrixScope closed").isEqualTo(liveBefore);
        }
    }

    // ---------------------------------------------------------------- moving data

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void uploadThenDownloadGivesTheNumbersBack(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 1);
        Matrix a = backend().upload(s.rows(), s.cols(), x);
        assertThat(a.shape()).isEqualTo(s);
        assertThat(a.backend()).isSameAs(backend());
        assertClose("download(upload(x))", a, x, absolute(x));
        Matrix onCpu = a.to(Backends.cpu());
        assertThat(onCpu.backend()).isSameAs(Backends.cpu());
        assertThat(onCpu.toArray()).as("Matrix.to(cpu)").isEqualTo(a.toArray());
    }

    @Test
    void fullFillsEveryElement() {
        assertClose("full(3, 5, 2.5)", backend().full(3, 5, 2.5), filled(15, 2.5), filled(15, 2.5));
        assertClose("full(257, 129, -1)", backend().full(257, 129, -1), filled(257 * 129, -1), filled(257 * 129, 1));
        assertThat(backend().full(0, 4, 1.0).shape()).isEqualTo(new Shape(0, 4));
    }

    // ---------------------------------------------------------------- matrix product

    /** (M, N) from the shape, and an inner dimension K that differs from both, except where M = N = K = 64. */
    private static int innerDimension(Shape s) {
        return switch (s.rows() + "x" + s.cols()) {
            case "1x1" -> 1;
            case "3x5" -> 4;
            case "17x33" -> 9;
            case "64x64" -> 64;
            case "257x129" -> 65;
            default -> 200;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void matmulMatchesTheReferenceLoopForEveryTransposeCombination(String shape) {
        Shape s = parse(shape);
        int M = s.rows();
        int N = s.cols();
        int K = innerDimension(s);
        double[] a = randomData(M * K, 2);   // op(A), row-major (M, K)
        double[] b = randomData(K * N, 3);   // op(B), row-major (K, N)
        double[] expected = new double[M * N];
        double[] scale = new double[M * N];
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < N; n++) {
                double acc = 0;
                double abs = 0;
                for (int k = 0; k < K; k++) {
                    acc += a[m * K + k] * b[k * N + n];
                    abs += Math.abs(a[m * K + k] * b[k * N + n]);
                }
                expected[m * N + n] = acc;
                scale[m * N + n] = abs;
            }
        }
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                // a transposed operand is stored transposed, and read through the view: no copy
                Matrix A = ta ? backend().upload(K, M, transpose(a, M, K)).T() : backend().upload(M, K, a);
                Matrix B = tb ? backend().upload(N, K, transpose(b, K, N)).T() : backend().upload(K, N, b);
                assertThat(A.isTransposed()).isEqualTo(ta);
                assertThat(B.isTransposed()).isEqualTo(tb);
                String what = (ta ? "Aᵀ" : "A") + "·" + (tb ? "Bᵀ" : "B") + " " + M + "x" + K + "·" + K + "x" + N;
                assertClose(what, A.dot(B), expected, scale, new Shape(M, N));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void dotPlusIsTheProductThenTheBroadcastSumForEveryBiasShape(String shape) {
        Shape s = parse(shape);
        int M = s.rows();
        int N = s.cols();
        int K = innerDimension(s);
        double[] a = randomData(M * K, 5);
        double[] b = randomData(K * N, 6);
        Matrix column = backend().upload(M, 1, randomData(M, 7));
        Matrix row = backend().upload(1, N, randomData(N, 8));
        Matrix one = backend().upload(1, 1, new double[] {0.25});
        Matrix full = backend().upload(M, N, randomData(M * N, 9));
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Matrix A = ta ? backend().upload(K, M, transpose(a, M, K)).T() : backend().upload(M, K, a);
                Matrix B = tb ? backend().upload(N, K, transpose(b, K, N)).T() : backend().upload(K, N, b);
                for (Matrix bias : List.of(column, row, one, full)) {
                    String what = (ta ? "Aᵀ" : "A") + "·" + (tb ? "Bᵀ" : "B") + " + " + bias.shape().compact();
                    // the same operations as the two steps, so the same bits
                    assertThat(A.dotPlus(B, bias).toArray()).as(what).isEqualTo(A.dot(B).plus(bias).toArray());
                    assertThat(A.dotPlus(B, bias).shape()).as(what).isEqualTo(new Shape(M, N));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void minusTimesIsTheGradientStepOfTheTwoOperations(String shape) {
        Shape s = parse(shape);
        Matrix theta = backend().upload(s.rows(), s.cols(), randomData(s.rows() * s.cols(), 10));
        Matrix g = backend().upload(s.rows(), s.cols(), randomData(s.rows() * s.cols(), 11));
        for (double alpha : new double[] {1.2, 0.0075, -3}) {
            assertThat(theta.minusTimes(g, alpha).toArray()).as("alpha %s", alpha)
                    .isEqualTo(theta.minus(g.times(alpha)).toArray());
        }
        assertThat(theta.T().minusTimes(g.T(), 0.5).toArray()).isEqualTo(theta.T().minus(g.T().times(0.5)).toArray());
    }

    @Test
    void dotPlusRefusesABiasThatDoesNotBroadcast() {
        Matrix A = backend().upload(2, 3, randomData(6, 1));
        Matrix B = backend().upload(3, 4, randomData(12, 2));
        assertThatThrownBy(() -> A.dotPlus(B, backend().upload(3, 1, randomData(3, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2,4)").hasMessageContaining("(3,1)");
        assertThatThrownBy(() -> A.dotPlus(backend().upload(2, 4, randomData(8, 4)), backend().upload(2, 1,
                randomData(2, 5)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not aligned");
    }

    @Test
    void matmulWithAnEmptyInnerDimensionIsZero() {
        Matrix A = backend().upload(3, 0, new double[0]);
        Matrix B = backend().upload(0, 4, new double[0]);
        assertClose("(3,0)·(0,4)", A.dot(B), filled(12, 0), filled(12, 0), new Shape(3, 4));
    }

    @Test
    void matmulOfVectorsGivesTheInnerAndOuterProducts() {
        double[] u = {1, 2, 3};
        double[] v = {4, -5, 6};
        Matrix U = backend().upload(3, 1, u);
        Matrix V = backend().upload(3, 1, v);
        assertClose("uᵀ·v", U.T().dot(V), new double[] {12}, new double[] {32}, new Shape(1, 1));
        double[] outer = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                outer[i * 3 + j] = u[i] * v[j];
            }
        }
        assertClose("u·vᵀ", U.dot(V.T()), outer, absolute(outer), new Shape(3, 3));
    }

    // ---------------------------------------------------------------- layout

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void transposeMaterialisesTheView(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 4);
        Matrix a = backend().upload(s.rows(), s.cols(), x);
        double[] expected = transpose(x, s.rows(), s.cols());
        assertClose("transpose", backend().transpose(a), expected, absolute(expected), new Shape(s.cols(), s.rows()));
        assertClose("A.T().contiguous()", a.T().contiguous(), expected, absolute(expected),
                new Shape(s.cols(), s.rows()));
        assertClose("A.T().T()", a.T().T(), x, absolute(x), s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void sliceColumnsCopiesTheRange(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 5);
        Matrix a = backend().upload(s.rows(), s.cols(), x);
        int c = s.cols();
        int[][] ranges = {{0, c}, {0, 1}, {c - 1, c}, {c / 3, c - c / 3}, {c / 2, c / 2}};
        for (int[] range : ranges) {
            int from = range[0];
            int to = range[1];
            int w = to - from;
            double[] expected = new double[s.rows() * w];
            for (int i = 0; i < s.rows(); i++) {
                for (int j = 0; j < w; j++) {
                    expected[i * w + j] = x[i * c + from + j];
                }
            }
            assertClose("a[:, " + from + ":" + to + "]", a.columns(from, to), expected, absolute(expected),
                    new Shape(s.rows(), w));
        }
    }

    // ---------------------------------------------------------------- elementwise

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void everyUnaryOpMatchesItsDefinition(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 6);
        Matrix a = backend().upload(s.rows(), s.cols(), x);
        for (UnaryOp op : UnaryOp.values()) {
            for (double p : parametersOf(op)) {
                double[] expected = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    expected[i] = op.apply(x[i], p);
                }
                // the backend itself: Matrix.map adds the check for values outside log's and sqrt's domains
                assertClose(op + "(x, p=" + p + ")", backend().map(op, p, a), expected, absolute(expected), s);
            }
        }
    }

    /** The parameters worth checking: the slope of leaky ReLU, ELU's α, some exponents; 0 for the others. */
    private static double[] parametersOf(UnaryOp op) {
        return switch (op) {
            case LEAKY_RELU -> new double[] {0.1, 0.01};
            case ELU -> new double[] {1.0, 0.5};
            case POWER -> new double[] {2, 3, 0.5, -1};
            default -> new double[] {0};
        };
    }

    /** (rows, cols) of the two operands for each way numpy broadcasts 2-D arrays. */
    private static List<Shape[]> broadcastPairs(Shape s) {
        int r = s.rows();
        int c = s.cols();
        List<Shape[]> pairs = new ArrayList<>();
        pairs.add(new Shape[] {s, s});                                        // same shape
        pairs.add(new Shape[] {s, new Shape(r, 1)});                          // a column vector: Z1 = W1·X + b1
        pairs.add(new Shape[] {s, new Shape(1, c)});                          // a row vector
        pairs.add(new Shape[] {s, new Shape(1, 1)});                          // a (1, 1) matrix
        pairs.add(new Shape[] {new Shape(r, 1), s});                          // the same, on the left
        pairs.add(new Shape[] {new Shape(1, c), s});
        pairs.add(new Shape[] {new Shape(1, 1), s});
        pairs.add(new Shape[] {new Shape(r, 1), new Shape(1, c)});            // column ∘ row: an outer "product"
        pairs.add(new Shape[] {new Shape(1, c), new Shape(r, 1)});
        return pairs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void everyBinaryOpBroadcastsInEveryDirection(String shape) {
        Shape s = parse(shape);
        for (Shape[] pair : broadcastPairs(s)) {
            Shape sa = pair[0];
            Shape sb = pair[1];
            double[] x = randomData(sa.size(), 7 + sa.rows());
            double[] y = randomData(sb.size(), 11 + sb.cols());
            Matrix a = backend().upload(sa.rows(), sa.cols(), x);
            Matrix b = backend().upload(sb.rows(), sb.cols(), y);
            for (BinaryOp op : BinaryOp.values()) {
                double[] expected = new double[s.size()];
                for (int i = 0; i < s.rows(); i++) {
                    for (int j = 0; j < s.cols(); j++) {
                        double xi = x[(sa.rows() == 1 ? 0 : i) * sa.cols() + (sa.cols() == 1 ? 0 : j)];
                        double yi = y[(sb.rows() == 1 ? 0 : i) * sb.cols() + (sb.cols() == 1 ? 0 : j)];
                        expected[i * s.cols() + j] = op.apply(xi, yi);
                    }
                }
                assertClose(sa.compact() + " " + op.symbol() + " " + sb.compact(), backend().zip(op, a, b, s),
                        expected, absolute(expected), s);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void binaryOpsCopyATransposedViewFirst(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 12);
        double[] y = randomData(s.size(), 13);
        Matrix aT = backend().upload(s.cols(), s.rows(), transpose(x, s.rows(), s.cols())).T();
        Matrix b = backend().upload(s.rows(), s.cols(), y);
        double[] expected = new double[s.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = x[i] - y[i];
        }
        assertClose("(Aᵀ)ᵀ − B", aT.minus(b), expected, absolute(expected), s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void everyBinaryOpWithAScalarOnEitherSide(String shape) {
        Shape s = parse(shape);
        double[] x = randomData(s.size(), 14);
        Matrix a = backend().upload(s.rows(), s.cols(), x);
        for (BinaryOp op : BinaryOp.values()) {
            for (double scalar : new double[] {0.5, -1.5, 0, 2}) {
                for (boolean scalarFirst : new boolean[] {false, true}) {
                    double[] expected = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        expected[i] = scalarFirst ? op.apply(scalar, x[i]) : op.apply(x[i], scalar);
                    }
                    String what = scalarFirst ? scalar + " " + op.symbol() + " A" : "A " + op.symbol() + " " + scalar;
                    assertClose(what, backend().zipScalar(op, a, scalar, scalarFirst), expected, absolute(expected), s);
                }
            }
        }
    }

    // ---------------------------------------------------------------- reductions

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.backprop.core.matrix.BackendContractTests#shapes")
    void sumsAndMaximaOnEachAxis(String shape) {
        Shape s = parse(shape);
        int r = s.rows();
        int c = s.cols();
        double[] x = randomData(s.size(), 15);
        Matrix a = backend().upload(r, c, x);

        // np.sum(a, axis=1, keepdims=True): db = (1/m) Σ_columns dZ
        double[] rowSum = new double[r];
        double[] rowAbs = new double[r];
        double[] rowMax = filled(r, Double.NEGATIVE_INFINITY);
        // np.sum(a, axis=0, keepdims=True)
        double[] colSum = new double[c];
        double[] colAbs = new double[c];
        double[] colMax = filled(c, Double.NEGATIVE_INFINITY);
        double sum = 0;
        double abs = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = x[i * c + j];
                rowSum[i] += v;
                rowAbs[i] += Math.abs(v);
                rowMax[i] = Math.max(rowMax[i], v);
                colSum[j] += v;
                colAbs[j] += Math.abs(v);
                colMax[j] = Math.max(colMax[j], v);
                sum += v;
                abs += Math.abs(v);
                max = Math.max(max, v);
            }
        }
        assertClose("sum(axis=1)", backend().reduce(Reduction.SUM, a, 1), rowSum, rowAbs, new Shape(r, 1));
        assertClose("sum(axis=0)", backend().reduce(Reduction.SUM, a, 0), colSum, colAbs, new Shape(1, c));
        assertClose("sum()", backend().reduce(Reduction.SUM, a, -1), new double[] {sum}, new double[] {abs},
                new Shape(1, 1));
        assertClose("max(axis=1)", backend().reduce(Reduction.MAX, a, 1), rowMax, absolute(rowMax), new Shape(r, 1));
        assertClose("max(axis=0)", backend().reduce(Reduction.MAX, a, 0), colMax, absolute(colMax), new Shape(1, c));
        assertClose("max()", backend().reduce(Reduction.MAX, a, -1), new double[] {max}, new double[] {Math.abs(max)},
                new Shape(1, 1));
    }

    @Test
    void sumOfAMillionElementsIsTwoPassesOfTheSameReduction() {
        int n = 1000 * 1000;
        double[] x = randomData(n, 16);
        double sum = 0;
        double abs = 0;
        for (double v : x) {
            sum += v;
            abs += Math.abs(v);
        }
        Matrix a = backend().upload(1000, 1000, x);
        assertClose("sum() of 10⁶", backend().reduce(Reduction.SUM, a, -1), new double[] {sum}, new double[] {abs},
                new Shape(1, 1));
    }

    @Test
    void maxLetsNaNWinAndEmptySumsAreZero() {
        double[] x = {1, Double.NaN, 3, 4, 5, 6};
        Matrix a = backend().upload(2, 3, x);
        assertClose("max(axis=1) with a NaN", backend().reduce(Reduction.MAX, a, 1), new double[] {Double.NaN, 6},
                new double[] {0, 6}, new Shape(2, 1));
        assertClose("max(axis=0) with a NaN", backend().reduce(Reduction.MAX, a, 0), new double[] {4, Double.NaN, 6},
                new double[] {4, 0, 6}, new Shape(1, 3));
        assertThat(backend().reduce(Reduction.MAX, a, -1).item()).isNaN();
        Matrix empty = backend().upload(3, 0, new double[0]);
        assertClose("sum(axis=1) of (3,0)", backend().reduce(Reduction.SUM, empty, 1), filled(3, 0), filled(3, 0),
                new Shape(3, 1));
        assertThat(backend().reduce(Reduction.SUM, empty, 0).shape()).isEqualTo(new Shape(1, 0));
        assertThat(backend().reduce(Reduction.SUM, empty, -1).item()).isEqualTo(0.0);
    }

    // ---------------------------------------------------------------- releasing memory

    @Test
    void matrixScopeReleasesWhatWasMadeInsideAndKeepsWhatWasKept() {
        double[] x = randomData(12, 17);
        Matrix a = backend().upload(3, 4, x);
        long before = liveAllocations();
        Matrix kept;
        try (MatrixScope scope = MatrixScope.open()) {
            Matrix t = a.tanh();
            Matrix u = t.times(2.0);
            kept = scope.keep(u.plus(a));
            if (counts()) {
                assertThat(liveAllocations()).as("tanh(a), 2·tanh(a), 2·tanh(a) + a").isEqualTo(before + 3);
            }
        }
        if (counts()) {
            assertThat(liveAllocations()).as("after the scope: only the kept matrix").isEqualTo(before + 1);
        }
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 2.0 * Math.tanh(x[i]) + x[i];
        }
        assertClose("the kept matrix, after its scope closed", kept, expected, absolute(expected));
    }

    @Test
    void nestedScopesHandAKeptMatrixToTheEnclosingScope() {
        Matrix a = backend().upload(2, 2, new double[] {1, 2, 3, 4});
        long before = liveAllocations();
        MatrixScope outer = MatrixScope.open();
        try {
            Matrix kept;
            try (MatrixScope inner = MatrixScope.open()) {
                kept = inner.keep(a.times(3.0));
                a.plus(1.0);
            }
            if (counts()) {
                assertThat(liveAllocations()).as("inside the outer scope: the kept matrix").isEqualTo(before + 1);
            }
            assertClose("kept in the inner scope", kept, new double[] {3, 6, 9, 12}, new double[] {3, 6, 9, 12});
        } finally {
            outer.close();
        }
        if (counts()) {
            assertThat(liveAllocations()).as("after the outer scope").isEqualTo(before);
        }
    }

    @Test
    void releaseIsIdempotentAndIgnoresTransposedViews() {
        Matrix a = backend().upload(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        long before = liveAllocations();
        Matrix b = a.plus(1.0);
        b.release();
        b.release();
        a.T().release();   // a view owns nothing
        if (counts()) {
            assertThat(liveAllocations()).as("after releasing b twice").isEqualTo(before);
        }
        assertClose("a, after its transposed view was released", a, new double[] {1, 2, 3, 4, 5, 6},
                new double[] {1, 2, 3, 4, 5, 6});
        // nnModel's pattern: parameters kept into an outer scope are released by hand, then again by that scope
        MatrixScope outer = MatrixScope.open();
        try {
            Matrix p;
            try (MatrixScope inner = MatrixScope.open()) {
                p = inner.keep(a.times(2.0));
            }
            p.release();
        } finally {
            outer.close();
        }
        if (counts()) {
            assertThat(liveAllocations()).as("after releasing a matrix by hand and by its scope").isEqualTo(before);
        }
    }

    /** Whether this backend's matrices are tracked and counted, so that the scope tests can count them. */
    private boolean counts() {
        return backend().needsRelease() && liveAllocations() >= 0;
    }

    // ---------------------------------------------------------------- helpers

    private static Shape parse(String shape) {
        String[] rc = shape.split("x");
        return new Shape(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
    }

    /**
     * Random numbers in [−4, 4], exactly representable as floats (so that fp32 devices see the very same inputs),
     * one in ten of them drawn from {@link #TIES}.
     */
    protected static double[] randomData(int n, long seed) {
        Random random = new Random(seed);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = random.nextInt(10) == 0 ? TIES[random.nextInt(TIES.length)]
                    : (double) (float) (random.nextDouble() * 8 - 4);
        }
        return data;
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

    private static double[] absolute(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
        }
        return a;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private void assertClose(String what, Matrix actual, double[] expected, double[] scale) {
        assertClose(what, actual, expected, scale, actual.shape());
    }

    /** Each element within tolerance · (1 + scale), NaN for NaN, the same infinity for an infinity. */
    protected void assertClose(String what, Matrix actual, double[] expected, double[] scale, Shape shape) {
        assertThat(actual.shape()).as(what + ": shape").isEqualTo(shape);
        assertThat(actual.backend()).as(what + ": backend").isSameAs(backend());
        double[] values = actual.toArray();
        assertThat(values).as(what + ": number of elements").hasSize(expected.length);
        for (int i = 0; i < values.length; i++) {
            double a = values[i];
            double e = expected[i];
            boolean ok;
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                ok = Double.compare(a, e) == 0;
            } else {
                ok = Math.abs(a - e) <= tolerance() * (1 + scale[i]);
            }
            if (!ok) {
                int cols = Math.max(1, shape.cols());
                fail(what + " on " + backend().name() + ": element (" + i / cols + "," + i % cols + ") is " + a
                        + ", expected " + e + " within " + tolerance() + "·(1 + " + scale[i] + ")");
            }
        }
    }
}
