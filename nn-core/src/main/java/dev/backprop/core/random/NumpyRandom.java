package dev.backprop.core.random;

import dev.backprop.core.matrix.HostMemory;
import dev.backprop.core.matrix.Matrix;

/**
 * A faithful port of numpy's legacy global generator, {@code np.random.seed} plus the
 * {@code np.random.*} functions (that is, {@code np.random.RandomState} over MT19937).
 *
 * <p>Seeded with the same integer, an instance produces the same numbers as numpy in the same
 * order, so a lesson written against {@code np.random.seed(1)} can be replayed in Java and the
 * weights, mini-batches and plots come out identical. Uniform doubles, integers and permutations
 * are bit-identical to numpy; gaussians go through {@code log} and {@code sqrt}, where
 * {@link Math#log} and the C library may (rarely) differ in the last bit.
 *
 * <p>Array methods draw in C (row-major) order, exactly as numpy fills an array: {@code randn(3)}
 * consumes the stream the same way as three calls to {@link #gauss()}.
 *
 * <p>Not thread-safe: like numpy's {@code RandomState}, an instance is one mutable stream.
 */
public final class NumpyRandom {

    // MT19937 parameters (Matsumoto & Nishimura, 1998).
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final int[] mt = new int[N];
    private int pos;

    /** The second value of the last polar Box–Muller pair, waiting to be returned. */
    private boolean hasGauss;
    private double cachedGauss;

    /**
     * Creates a generator in the state numpy is in after seeding with {@code seed}.
     *
     * <p>Workshop/numpy: {@code np.random.seed(seed)} or {@code np.random.RandomState(seed)}.
     *
     * @param seed the seed, 0 to 2<sup>32</sup>-1 as numpy accepts (a {@code long}, since Java's {@code int} stops
     *             at 2<sup>31</sup>-1)
     * @throws IllegalArgumentException if {@code seed} is outside that range (numpy raises {@code ValueError})
     */
    public NumpyRandom(long seed) {
        seed(seed);
    }

    /**
     * Re-seeds this generator and forgets any cached gaussian.
     *
     * <p>Workshop/numpy: {@code np.random.seed(seed)}. An integer seed goes through MT19937's
     * {@code init_genrand} ({@code mt[0] = seed}, {@code mt[i] = 1812433253 * (mt[i-1] ^
     * (mt[i-1] >>> 30)) + i}), not {@code init_by_array}; the first draw then regenerates the
     * whole 624-word state.
     *
     * @param seed the seed, 0 to 2<sup>32</sup>-1
     * @throws IllegalArgumentException if {@code seed} is outside that range (numpy raises {@code ValueError})
     */
    public void seed(long seed) {
        if (seed < 0 || seed > UINT32_MAX) {
            throw new IllegalArgumentException("seed: Seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;   // the unsigned 32 bits
        for (int i = 1; i < N; i++) {
            int prev = mt[i - 1];
            mt[i] = 1812433253 * (prev ^ (prev >>> 30)) + i; // arithmetic mod 2^32
        }
        pos = N;
        hasGauss = false;
        cachedGauss = 0.0;
    }

    // ------------------------------------------------------------------ raw MT19937 output

    /** Regenerates all 624 words of state (the MT19937 "twist"). */
    private void twist() {
        int i = 0;
        for (; i < N - M; i++) {
            mt[i] = mt[i + M] ^ twisted(mt[i], mt[i + 1]);
        }
        for (; i < N - 1; i++) {
            mt[i] = mt[i + M - N] ^ twisted(mt[i], mt[i + 1]);
        }
        mt[N - 1] = mt[M - 1] ^ twisted(mt[N - 1], mt[0]);
        pos = 0;
    }

    private static int twisted(int current, int next) {
        int y = (current & UPPER_MASK) | (next & LOWER_MASK);
        return (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }

    /** The next tempered 32-bit word, as a Java int holding the unsigned bits. */
    private int next32() {
        if (pos == N) {
            twist();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /**
     * The next raw 32-bit output of MT19937 (tempered), as an unsigned value in [0, 2<sup>32</sup>).
     *
     * <p>Workshop/numpy: {@code np.random.randint(0, 2**32, dtype=np.uint32)}, which for this full
     * range returns the generator's words untouched. After {@code seed(5489)} the first value is
     * 3499211612, the reference output of MT19937.
     *
     * @return the next word, 0 to 4294967295
     */
    public long nextUint32() {
        return next32() & UINT32_MAX;
    }

    /** numpy's {@code next_uint64} for MT19937: the first word is the high half. */
    private long nextUint64() {
        long hi = nextUint32();
        long lo = nextUint32();
        return (hi << 32) | lo;
    }

    // ------------------------------------------------------------------ uniform doubles

    /**
     * A uniform double in [0, 1) with 53 random bits.
     *
     * <p>Workshop/numpy: {@code np.random.random_sample()} (also {@code np.random.rand()},
     * {@code np.random.random()}). Two draws {@code a = w1 >>> 5} (27 bits) and {@code b = w2 >>> 6}
     * (26 bits) give {@code (a * 2^26 + b) / 2^53}.
     *
     * @return a double in [0, 1)
     */
    public double randomSample() {
        int a = next32() >>> 5;
        int b = next32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * {@code n} uniform doubles in [0, 1).
     *
     * <p>Workshop/numpy: {@code np.random.random_sample(n)}; each element is one
     * {@link #randomSample()}, in order.
     *
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public double[] randomSample(int n) {
        double[] out = new double[checkSize("random_sample", n)];
        for (int i = 0; i < n; i++) {
            out[i] = randomSample();
        }
        return out;
    }

    /**
     * {@code n} uniform doubles in [0, 1).
     *
     * <p>Workshop/numpy: {@code np.random.rand(n)}; identical to {@link #randomSample(int)}.
     *
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public double[] rand(int n) {
        return randomSample(n);
    }

    /**
     * A {@code rows x cols} array of uniform doubles in [0, 1), filled row by row.
     *
     * <p>Workshop/numpy: {@code np.random.rand(d0, d1)}; element {@code [i][j]} is draw number
     * {@code i * cols + j}, as numpy fills a C-ordered array.
     *
     * @param rows first dimension
     * @param cols second dimension
     * @return a new {@code (rows, cols)} matrix
     * @throws IllegalArgumentException if a dimension is negative
     */
    public Matrix rand(int rows, int cols) {
        double[] out = HostMemory.doubles("rand", rows, cols);
        for (int i = 0; i < out.length; i++) {
            out[i] = randomSample();
        }
        return Matrix.of(rows, cols, out);
    }

    /**
     * A uniform double in [low, high).
     *
     * <p>Workshop/numpy: {@code np.random.uniform(low, high)}. Legacy algorithm:
     * {@code low + (high - low) * random_sample()}; like numpy, {@code low > high} is allowed and
     * simply flips the interval.
     *
     * @param low lower bound (included)
     * @param high upper bound (excluded, up to rounding)
     * @return the sample
     * @throws IllegalArgumentException if {@code high - low} is not finite (numpy raises
     *     {@code OverflowError})
     */
    public double uniform(double low, double high) {
        return low + checkRange(low, high) * randomSample();
    }

    /**
     * {@code n} uniform doubles in [low, high).
     *
     * <p>Workshop/numpy: {@code np.random.uniform(low, high, n)}; each element is
     * {@code low + (high - low) * random_sample()}, in order.
     *
     * @param low lower bound (included)
     * @param high upper bound (excluded, up to rounding)
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code high - low} is not finite or {@code n} is negative
     */
    public double[] uniform(double low, double high, int n) {
        double range = checkRange(low, high);
        double[] out = new double[checkSize("uniform", n)];
        for (int i = 0; i < n; i++) {
            out[i] = low + range * randomSample();
        }
        return out;
    }

    // ------------------------------------------------------------------ gaussians

    /**
     * A standard normal sample (mean 0, standard deviation 1).
     *
     * <p>Workshop/numpy: {@code np.random.standard_normal()} / {@code np.random.randn()}. Legacy
     * polar Box–Muller ({@code legacy_gauss}): draw {@code x1 = 2u1 - 1}, {@code x2 = 2u2 - 1}
     * until {@code 0 < r2 = x1² + x2² < 1}, let {@code f = sqrt(-2 log(r2) / r2)}, cache
     * {@code f * x1} for the next call and return {@code f * x2}. The cache survives uniform and
     * integer draws and is cleared only by {@link #seed(long)}.
     *
     * @return the sample
     */
    public double gauss() {
        if (hasGauss) {
            hasGauss = false;
            double g = cachedGauss;
            cachedGauss = 0.0;
            return g;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedGauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /**
     * {@code n} standard normal samples.
     *
     * <p>Workshop/numpy: {@code np.random.randn(n)}; each element is one {@link #gauss()}, in
     * order, so an odd {@code n} leaves a value cached for the next gaussian.
     *
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public double[] randn(int n) {
        double[] out = new double[checkSize("randn", n)];
        for (int i = 0; i < n; i++) {
            out[i] = gauss();
        }
        return out;
    }

    /**
     * A {@code rows x cols} array of standard normal samples, filled row by row.
     *
     * <p>Workshop/numpy: {@code np.random.randn(d0, d1)}, e.g. the classic weight initialisation
     * {@code np.random.randn(n_h, n_x) * 0.01}; element {@code [i][j]} is gaussian number
     * {@code i * cols + j}.
     *
     * @param rows first dimension
     * @param cols second dimension
     * @return a new {@code (rows, cols)} matrix
     * @throws IllegalArgumentException if a dimension is negative
     */
    public Matrix randn(int rows, int cols) {
        double[] out = HostMemory.doubles("randn", rows, cols);
        for (int i = 0; i < out.length; i++) {
            out[i] = gauss();
        }
        return Matrix.of(rows, cols, out);
    }

    /**
     * A normal sample with mean {@code loc} and standard deviation {@code scale}.
     *
     * <p>Workshop/numpy: {@code np.random.normal(loc, scale)}. Legacy algorithm:
     * {@code loc + scale * gauss()}.
     *
     * @param loc the mean
     * @param scale the standard deviation, not negative
     * @return the sample
     * @throws IllegalArgumentException if {@code scale} has its sign bit set, including
     *     {@code -0.0} (numpy raises {@code ValueError: scale < 0} for that too)
     */
    public double normal(double loc, double scale) {
        checkScale(scale);
        return loc + scale * gauss();
    }

    /**
     * {@code n} normal samples with mean {@code loc} and standard deviation {@code scale}.
     *
     * <p>Workshop/numpy: {@code np.random.normal(loc, scale, n)}; each element is
     * {@code loc + scale * gauss()}, in order.
     *
     * @param loc the mean
     * @param scale the standard deviation, not negative
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code scale} has its sign bit set or {@code n} is negative
     */
    public double[] normal(double loc, double scale, int n) {
        checkScale(scale);
        double[] out = new double[checkSize("normal", n)];
        for (int i = 0; i < n; i++) {
            out[i] = loc + scale * gauss();
        }
        return out;
    }

    // ------------------------------------------------------------------ integers

    /**
     * A uniform integer in [low, high).
     *
     * <p>Workshop/numpy: {@code np.random.randint(low, high)} with the default int64 dtype.
     * Legacy masked rejection sampling: with {@code rng = high - low - 1} and {@code mask} the
     * smallest all-ones number {@code >= rng}, draw {@code w & mask} until it is {@code <= rng},
     * and return {@code low + w}. The words {@code w} are 32-bit draws when
     * {@code rng <= 2^32 - 1} and otherwise 64-bit draws built from two 32-bit ones (high half
     * first). A single-value range ({@code high == low + 1}) consumes no draws at all.
     *
     * @param low lowest value (included)
     * @param high upper bound (excluded)
     * @return the sample
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long randint(long low, long high) {
        long rng = checkIntRange(low, high);
        return low + boundedMasked(rng, mask(rng));
    }

    /**
     * {@code n} uniform integers in [low, high).
     *
     * <p>Workshop/numpy: {@code np.random.randint(low, high, n)}; each element is one
     * {@link #randint(long, long)}, in order.
     *
     * @param low lowest value (included)
     * @param high upper bound (excluded)
     * @param n how many; may be 0
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code low >= high} or {@code n} is negative
     */
    public long[] randint(long low, long high, int n) {
        long rng = checkIntRange(low, high);
        long mask = mask(rng);
        long[] out = new long[checkSize("randint", n)];
        for (int i = 0; i < n; i++) {
            out[i] = low + boundedMasked(rng, mask);
        }
        return out;
    }

    /**
     * A random permutation of {@code 0 .. n-1}.
     *
     * <p>Workshop/numpy: {@code np.random.permutation(n)}: {@code np.arange(n)} passed through
     * {@link #shuffle(int[])}.
     *
     * @param n the length; may be 0
     * @return a new array holding each of {@code 0 .. n-1} once
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public int[] permutation(int n) {
        int[] out = new int[checkSize("permutation", n)];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    /**
     * Shuffles {@code a} in place.
     *
     * <p>Workshop/numpy: {@code np.random.shuffle(a)} on a 1-D array. Fisher–Yates from the end:
     * for {@code i = n-1} down to 1, swap {@code a[i]} with {@code a[j]}, where
     * {@code j = random_interval(i)} is a masked rejection draw in [0, i] (32-bit words, mask the
     * smallest all-ones number {@code >= i}).
     *
     * @param a the array to shuffle
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            int t = a[j];
            a[j] = a[i];
            a[i] = t;
        }
    }

    /**
     * Shuffles {@code a} in place.
     *
     * <p>Workshop/numpy: {@code np.random.shuffle(a)} on a 1-D float array. The same Fisher–Yates
     * walk as {@link #shuffle(int[])}; the draws do not depend on the element type.
     *
     * @param a the array to shuffle
     */
    public void shuffle(double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            double t = a[j];
            a[j] = a[i];
            a[i] = t;
        }
    }

    /** numpy's {@code random_interval(max)}: uniform in [0, max] by masked rejection. */
    private long randomInterval(long max) {
        return boundedMasked(max, mask(max));
    }

    /**
     * Masked rejection in [0, rng], {@code rng} read as unsigned. This is both numpy's
     * {@code random_interval} and the {@code use_masked} branch of
     * {@code random_bounded_uint64_fill}: 32-bit words while {@code rng} fits in 32 bits, 64-bit
     * words otherwise, nothing drawn when {@code rng == 0}. (numpy's special cases for
     * {@code rng == 2^32 - 1} and {@code 2^64 - 1} take unmasked words, which is what a full
     * mask does anyway.)
     */
    private long boundedMasked(long rng, long mask) {
        if (rng == 0) {
            return 0;
        }
        long value;
        if (Long.compareUnsigned(rng, UINT32_MAX) <= 0) {
            do {
                value = nextUint32() & mask;
            } while (value > rng);
        } else {
            do {
                value = nextUint64() & mask;
            } while (Long.compareUnsigned(value, rng) > 0);
        }
        return value;
    }

    /** The smallest number of the form 2^k - 1 that is {@code >= max} (unsigned). */
    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        m |= m >>> 32;
        return m;
    }

    // ------------------------------------------------------------------ argument checks

    private static int checkSize(String op, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(op + ": negative dimensions are not allowed: " + n);
        }
        return n;
    }

    private static double checkRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException(
                    "Range exceeds valid bounds: uniform(" + low + ", " + high + ")");
        }
        return range;
    }

    private static void checkScale(double scale) {
        if (!Double.isNaN(scale) && Double.doubleToRawLongBits(scale) < 0) {
            throw new IllegalArgumentException("scale < 0: " + scale);
        }
    }

    /** Returns {@code high - low - 1}, the closed-interval width numpy samples on. */
    private static long checkIntRange(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high: randint(" + low + ", " + high + ")");
        }
        return high - 1 - low;
    }
}
