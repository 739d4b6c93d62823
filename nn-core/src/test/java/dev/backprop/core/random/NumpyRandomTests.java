package dev.backprop.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link NumpyRandom} against vectors written by numpy itself
 * ({@code scripts/numpy_random_reference.py}, stored under
 * {@code src/test/resources/dev/backprop/core/random/seed_<S>/}).
 */
class NumpyRandomTests {

    /** The seeds the reference script covers. */
    static LongStream seeds() {
        return LongStream.of(0, 1, 2, 3, 42, 12345, Integer.MAX_VALUE, 1L << 31, (1L << 32) - 1);
    }

    // ------------------------------------------------------------------ generator core

    @Test
    void firstOutputOfInitGenrand5489IsTheMt19937ReferenceValue() {
        NumpyRandom r = new NumpyRandom(5489);
        assertThat(r.nextUint32()).isEqualTo(3499211612L);
        // numpy: np.random.RandomState(5489).randint(0, 2**32, 3, dtype=np.uint32)
        assertThat(r.nextUint32()).isEqualTo(581869302L);
        assertThat(r.nextUint32()).isEqualTo(3890346734L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rawUint32StreamMatchesNumpy(long seed) {
        long[] expected = longs(seed, "uint32.txt");
        NumpyRandom r = new NumpyRandom(seed);
        long[] actual = new long[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = r.nextUint32();
        }
        assertThat(actual).as("seed %d", seed).containsExactly(expected);
    }

    @Test
    void reseedingRestartsTheStreamLikeANewInstance() {
        NumpyRandom r = new NumpyRandom(7);
        r.randn(3);
        r.rand(5);
        r.seed(7);
        NumpyRandom fresh = new NumpyRandom(7);
        for (int i = 0; i < 700; i++) { // crosses a twist of the 624-word state
            assertThat(r.nextUint32()).isEqualTo(fresh.nextUint32());
        }
    }

    @Test
    void reseedingForgetsTheCachedGaussian() {
        NumpyRandom r = new NumpyRandom(3);
        double first = r.gauss(); // leaves the pair's other half cached
        r.seed(3);
        assertThat(r.gauss()).isEqualTo(first);
    }

    @Test
    void uniformDrawsNeitherConsumeNorClearTheCachedGaussian() {
        NumpyRandom a = new NumpyRandom(11);
        NumpyRandom b = new NumpyRandom(11);
        a.gauss();
        b.gauss();
        double cachedA = a.gauss();
        b.rand(3);
        b.randint(0, 10, 4);
        assertThat(b.gauss()).isEqualTo(cachedA);
    }

    // ------------------------------------------------------------------ uniform doubles

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randIsBitIdenticalToNumpy(long seed) {
        assertBitIdentical(new NumpyRandom(seed).rand(1000), doubles(seed, "rand.txt"),
                "seed " + seed + " rand");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarRandomSampleFollowsTheSameStreamAsRand(long seed) {
        double[] expected = doubles(seed, "rand.txt");
        NumpyRandom r = new NumpyRandom(seed);
        double[] actual = new double[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = r.randomSample();
        }
        assertBitIdentical(actual, expected, "seed " + seed + " random_sample()");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void uniformIsBitIdenticalToNumpy(long seed) {
        assertBitIdentical(new NumpyRandom(seed).uniform(-3, 5, 500),
                doubles(seed, "uniform_m3_5.txt"), "seed " + seed + " uniform(-3, 5)");
    }

    @Test
    void randomSampleStaysInTheHalfOpenUnitInterval() {
        NumpyRandom r = new NumpyRandom(1);
        for (double v : r.randomSample(10_000)) {
            assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void twoDimensionalRandFillsRowsInCOrder() {
        double[][] grid = new NumpyRandom(5).rand(3, 4).toArray2D();
        double[] flat = new NumpyRandom(5).rand(12);
        for (int i = 0; i < 3; i++) {
            assertThat(grid[i]).containsExactly(Arrays.copyOfRange(flat, 4 * i, 4 * i + 4));
        }
    }

    // ------------------------------------------------------------------ gaussians

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randnIsWithinOneUlpOfNumpy(long seed) {
        double[] expected = doubles(seed, "randn.txt");
        double[] actual = new NumpyRandom(seed).randn(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(ulpDistance(actual[i], expected[i]))
                    .as("ulps between Java %s and numpy %s at seed %d randn[%d]", actual[i], expected[i], seed, i)
                    .isLessThanOrEqualTo(1L);
        }
    }

    @Test
    void randnDifferencesFromNumpyAreCountedAndRare() {
        int total = 0;
        int notIdentical = 0;
        for (long seed : seeds().toArray()) {
            double[] expected = doubles(seed, "randn.txt");
            double[] actual = new NumpyRandom(seed).randn(expected.length);
            for (int i = 0; i < expected.length; i++) {
                total++;
                if (Double.doubleToLongBits(actual[i]) != Double.doubleToLongBits(expected[i])) {
                    notIdentical++;
                }
            }
        }
        System.out.printf("NumpyRandom.randn: %d of %d values not bit-identical to numpy%n",
                notIdentical, total);
        // Math.log may differ from the C library's log in the last bit, but only rarely.
        assertThat(notIdentical).isLessThanOrEqualTo(total / 100);
    }

    @Test
    void twoDimensionalRandnFillsRowsInCOrder() {
        double[][] grid = new NumpyRandom(5).randn(3, 5).toArray2D(); // odd count: crosses a cached pair
        double[] flat = new NumpyRandom(5).randn(15);
        for (int i = 0; i < 3; i++) {
            assertThat(grid[i]).containsExactly(Arrays.copyOfRange(flat, 5 * i, 5 * i + 5));
        }
    }

    @Test
    void normalIsLocPlusScaleTimesGauss() {
        double[] g = new NumpyRandom(9).randn(4);
        double[] n = new NumpyRandom(9).normal(2.0, 0.5, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(n[i]).isEqualTo(2.0 + 0.5 * g[i]);
        }
    }

    // ------------------------------------------------------------------ integers

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randintZeroToTenIsIdenticalToNumpy(long seed) {
        assertThat(new NumpyRandom(seed).randint(0, 10, 1000)).as("seed %d", seed)
                .containsExactly(longs(seed, "randint_0_10.txt"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randintMinusFiveToFiveIsIdenticalToNumpy(long seed) {
        assertThat(new NumpyRandom(seed).randint(-5, 5, 500)).as("seed %d", seed)
                .containsExactly(longs(seed, "randint_m5_5.txt"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randintZeroToThousandIsIdenticalToNumpy(long seed) {
        assertThat(new NumpyRandom(seed).randint(0, 1000, 500)).as("seed %d", seed)
                .containsExactly(longs(seed, "randint_0_1000.txt"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randintBeyondThirtyTwoBitsUsesSixtyFourBitDrawsLikeNumpy(long seed) {
        assertThat(new NumpyRandom(seed).randint(0, 1L << 40, 200)).as("seed %d", seed)
                .containsExactly(longs(seed, "randint_0_2p40.txt"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarRandintFollowsTheSameStreamAsTheArrayForm(long seed) {
        long[] expected = longs(seed, "randint_0_10.txt");
        NumpyRandom r = new NumpyRandom(seed);
        for (int i = 0; i < expected.length; i++) {
            assertThat(r.randint(0, 10)).as("seed %d randint[%d]", seed, i).isEqualTo(expected[i]);
        }
    }

    @Test
    void randintOfASingleValueRangeConsumesNoDraws() {
        NumpyRandom r = new NumpyRandom(4);
        assertThat(r.randint(7, 8, 5)).containsOnly(7L);
        assertThat(r.randint(-1, 0)).isEqualTo(-1L);
        assertThat(r.nextUint32()).isEqualTo(new NumpyRandom(4).nextUint32());
    }

    @Test
    void randintCoversTheFullInt64Range() {
        NumpyRandom r = new NumpyRandom(8);
        long[] v = r.randint(Long.MIN_VALUE, Long.MAX_VALUE, 1000);
        assertThat(v).doesNotContain(Long.MAX_VALUE);
        assertThat(Arrays.stream(v).filter(x -> x < 0).count()).isBetween(400L, 600L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void permutationIsIdenticalToNumpy(long seed) {
        int[] actual = new NumpyRandom(seed).permutation(100);
        assertThat(actual).as("seed %d", seed).containsExactly(ints(seed, "permutation_100.txt"));
        assertThat(actual).containsExactlyInAnyOrder(IntStream.range(0, 100).toArray());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffleOfArangeIsIdenticalToNumpy(long seed) {
        int[] a = IntStream.range(0, 50).toArray();
        new NumpyRandom(seed).shuffle(a);
        assertThat(a).as("seed %d", seed).containsExactly(ints(seed, "shuffle_arange50.txt"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffleOfDoublesMovesElementsExactlyLikeShuffleOfInts(long seed) {
        double[] a = IntStream.range(0, 50).asDoubleStream().toArray();
        new NumpyRandom(seed).shuffle(a);
        int[] expected = ints(seed, "shuffle_arange50.txt");
        assertThat(a).containsExactly(Arrays.stream(expected).asDoubleStream().toArray());
    }

    @Test
    void shufflingZeroOrOneElementsConsumesNoDraws() {
        NumpyRandom r = new NumpyRandom(6);
        r.shuffle(new int[0]);
        r.shuffle(new double[] {1.5});
        assertThat(r.permutation(1)).containsExactly(0);
        assertThat(r.nextUint32()).isEqualTo(new NumpyRandom(6).nextUint32());
    }

    // ------------------------------------------------------------------ interleavings

    /**
     * Replays {@code transcript.txt}: scalar and array calls interleaved (odd numbers of
     * gaussians between uniform draws, re-seeding, randint edge ranges) exactly as numpy ran
     * them. Uniform, integer and permutation results must be bit-identical; gaussian-derived
     * results within one ulp of the gaussian.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void interleavedCallsReplayNumpyTranscript(long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        List<String> lines = lines(seed, "transcript.txt");
        assertThat(lines).hasSizeGreaterThan(20);
        for (String line : lines) {
            String[] t = line.split(" ");
            String op = t[0];
            String where = "seed " + seed + ": " + line;
            switch (op) {
                case "seed":
                    r.seed(Long.parseLong(t[1]));
                    break;
                case "gauss":
                    assertGaussianClose(new double[] {r.gauss()}, values(t[1]), 0.0, 1.0, where);
                    break;
                case "randn":
                    assertGaussianClose(r.randn(Integer.parseInt(t[1])), values(t[2]), 0.0, 1.0, where);
                    break;
                case "randn2d":
                    assertGaussianClose(r.randn(Integer.parseInt(t[1]), Integer.parseInt(t[2])).toArray(),
                            values(t[3]), 0.0, 1.0, where);
                    break;
                case "normal": {
                    double loc = Double.parseDouble(t[1]);
                    double scale = Double.parseDouble(t[2]);
                    double[] actual = t.length == 4 ? new double[] {r.normal(loc, scale)}
                            : r.normal(loc, scale, Integer.parseInt(t[3]));
                    assertGaussianClose(actual, values(t[t.length - 1]), loc, scale, where);
                    break;
                }
                case "rand": {
                    double[] actual = t.length == 2 ? new double[] {r.randomSample()}
                            : r.rand(Integer.parseInt(t[1]));
                    assertBitIdentical(actual, values(t[t.length - 1]), where);
                    break;
                }
                case "rand2d":
                    assertBitIdentical(r.rand(Integer.parseInt(t[1]), Integer.parseInt(t[2])).toArray(),
                            values(t[3]), where);
                    break;
                case "uniform": {
                    double low = Double.parseDouble(t[1]);
                    double high = Double.parseDouble(t[2]);
                    double[] actual = t.length == 4 ? new double[] {r.uniform(low, high)}
                            : r.uniform(low, high, Integer.parseInt(t[3]));
                    assertBitIdentical(actual, values(t[t.length - 1]), where);
                    break;
                }
                case "randint": {
                    long low = Long.parseLong(t[1]);
                    long high = Long.parseLong(t[2]);
                    long[] actual = t.length == 4 ? new long[] {r.randint(low, high)}
                            : r.randint(low, high, Integer.parseInt(t[3]));
                    assertThat(actual).as(where).containsExactly(longValues(t[t.length - 1]));
                    break;
                }
                case "permutation":
                    assertThat(r.permutation(Integer.parseInt(t[1]))).as(where)
                            .containsExactly(Arrays.stream(longValues(t[2])).mapToInt(x -> (int) x).toArray());
                    break;
                case "shufflef": {
                    double[] a = IntStream.range(0, Integer.parseInt(t[1])).mapToDouble(i -> i * 0.25).toArray();
                    r.shuffle(a);
                    assertBitIdentical(a, values(t[2]), where);
                    break;
                }
                case "uint32":
                    assertThat(r.nextUint32()).as(where).isEqualTo(Long.parseLong(t[1]));
                    break;
                default:
                    fail("unknown transcript operation in " + where);
            }
        }
    }

    // ------------------------------------------------------------------ argument checks

    @Test
    void negativeSeedIsRejectedAsNumpyDoes() {
        assertThatThrownBy(() -> new NumpyRandom(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Seed must be between 0 and 2**32 - 1");
    }

    @Test
    void seedsUpToTwoToThe32MinusOneAreAcceptedAndLargerOnesRefusedWithTheSameRange() {
        assertThat(new NumpyRandom((1L << 32) - 1).nextUint32()).as("numpy's largest seed").isNotNegative();
        assertThatThrownBy(() -> new NumpyRandom(1L << 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed: Seed must be between 0 and 2**32 - 1, got 4294967296");
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.seed(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed: Seed must be between 0 and 2**32 - 1, got -1");
    }

    @Test
    void aMatrixTooLargeForOneArrayIsRefusedWithItsShape() {
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.randn(65_536, 65_536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("randn: shape (65536,65536) has 4294967296 elements");
        assertThatThrownBy(() -> r.rand(-2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rand: negative dimensions are not allowed: (-2,3)");
    }

    @Test
    void emptyIntegerRangeIsRejected() {
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.randint(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low >= high");
        assertThatThrownBy(() -> r.randint(6, 5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeSizesAreRejected() {
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.rand(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative dimensions");
        assertThatThrownBy(() -> r.randn(2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.permutation(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeScaleIncludingMinusZeroIsRejectedAsNumpyDoes() {
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.normal(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale < 0");
        assertThatThrownBy(() -> r.normal(0, -0.0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.normal(3.0, 0.0)).isEqualTo(3.0);
    }

    @Test
    void uniformRangeThatOverflowsIsRejectedAsNumpyDoes() {
        NumpyRandom r = new NumpyRandom(0);
        assertThatThrownBy(() -> r.uniform(-1e308, 1e308)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Range exceeds valid bounds");
        assertThatThrownBy(() -> r.uniform(0, Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertBitIdentical(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(actual[i]) != Double.doubleToRawLongBits(expected[i])) {
                fail(String.format("%s [%d]: expected %s (%s) but was %s (%s)", what, i,
                        expected[i], Double.toHexString(expected[i]),
                        actual[i], Double.toHexString(actual[i])));
            }
        }
    }

    /**
     * Gaussian-derived values: {@code (x - loc) / scale} within one ulp of numpy's gaussian.
     * (Undoing {@code loc + scale * g} can itself round, so the loc/scale case allows for that.)
     */
    private static void assertGaussianClose(double[] actual, double[] expected, double loc, double scale,
            String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (loc == 0.0 && scale == 1.0) {
                assertThat(ulpDistance(actual[i], expected[i])).as("%s [%d] ulps, was %s", what, i, actual[i])
                        .isLessThanOrEqualTo(1L);
            } else {
                double tolerance = Math.abs(scale) * Math.ulp((expected[i] - loc) / scale) + Math.ulp(expected[i]);
                assertThat(Math.abs(actual[i] - expected[i]) <= tolerance)
                        .as("%s [%d]: %s within %s of %s", what, i, actual[i], tolerance, expected[i]).isTrue();
            }
        }
    }

    /** How many representable doubles apart {@code a} and {@code b} are (both finite). */
    private static long ulpDistance(double a, double b) {
        if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)) {
            return 0;
        }
        if (Math.signum(a) != Math.signum(b)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }


    private static double[] values(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static long[] longValues(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static double[] doubles(long seed, String file) {
        return lines(seed, file).stream().mapToDouble(Double::parseDouble).toArray();
    }

    private static long[] longs(long seed, String file) {
        return lines(seed, file).stream().mapToLong(Long::parseLong).toArray();
    }

    private static int[] ints(long seed, String file) {
        return lines(seed, file).stream().mapToInt(Integer::parseInt).toArray();
    }

    /** The data lines of a reference file, after checking its provenance header. */
    private static List<String> lines(long seed, String file) {
        String path = "seed_" + seed + "/" + file;
        try (InputStream in = NumpyRandomTests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; regenerate with scripts/numpy_random_reference.py");
            }
            List<String> all = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().collect(Collectors.toList());
            assertThat(all.get(0)).as(path + " header").startsWith("# numpy ");
            return all.subList(1, all.size()).stream().filter(s -> !s.isBlank()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
