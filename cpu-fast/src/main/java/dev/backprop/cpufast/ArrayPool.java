package dev.backprop.cpufast;

import java.util.Arrays;

/**
 * The arrays of a training loop's released temporaries, handed to the next results of the same length on the same
 * thread, newest first, as numpy's allocator hands a freed array's memory to the next array while it is still in the
 * caches.
 *
 * <p>Why: a fresh array comes from the young generation, whose lines were last touched a whole young generation of
 * allocation ago and are out of the caches, so its first writes miss. A (4, 400) product costs 0.12 µs into an array
 * written a moment ago and 0.58 µs into a fresh one (benchmarks/RESULTS.md); one planar iteration makes about twenty
 * such arrays.
 *
 * <p>Which arrays: those of matrices a {@code MatrixScope} made and then released ({@link FastCpuBackend#release}), so
 * never an array a caller may still hold: a released matrix refuses to be read. Each thread has its own pool, of at
 * most {@link #LENGTHS} lengths, {@link #PER_LENGTH} arrays of each and {@link #MAX_BYTES} in all; a new length takes
 * the place of the one used least recently, and an array that does not fit is left to the garbage collector. Arrays
 * shorter than {@link #MIN_LENGTH} are cheap to make and not kept.
 */
final class ArrayPool {

    static final int MIN_LENGTH = 256;
    static final int LENGTHS = 16;
    static final int PER_LENGTH = 16;
    static final long MAX_BYTES = 32L << 20;

    private static final ThreadLocal<ArrayPool> POOLS = ThreadLocal.withInitial(ArrayPool::new);

    private final int[] lengths = new int[LENGTHS];
    private final double[][][] stacks = new double[LENGTHS][PER_LENGTH][];
    private final int[] counts = new int[LENGTHS];
    /** When each length was last given or taken, on {@link #clock}. */
    private final long[] used = new long[LENGTHS];
    private long clock;
    private long bytes;

    ArrayPool() {
    }

    /** This thread's pool. */
    static ArrayPool current() {
        return POOLS.get();
    }

    /** The array released last with this length, or null. Its contents are whatever its matrix held. */
    double[] take(int length) {
        if (length < MIN_LENGTH) {
            return null;
        }
        for (int s = 0; s < LENGTHS; s++) {
            if (lengths[s] == length && counts[s] > 0) {
                used[s] = ++clock;
                int top = --counts[s];
                double[] array = stacks[s][top];
                stacks[s][top] = null;
                bytes -= 8L * length;
                return array;
            }
        }
        return null;
    }

    /**
     * Keeps {@code array} for {@link #take}, and returns whether it did. The caller must not use the array again, nor
     * give it twice.
     */
    boolean give(double[] array) {
        int length = array.length;
        if (length < MIN_LENGTH || bytes + 8L * length > MAX_BYTES) {
            return false;
        }
        int slot = -1;
        int oldest = 0;
        for (int s = 0; s < LENGTHS; s++) {
            if (lengths[s] == length) {
                slot = s;
                break;
            }
            if (slot < 0 && counts[s] == 0) {
                slot = s;   // an empty slot, for a length not yet here
            }
            if (used[s] < used[oldest]) {
                oldest = s;
            }
        }
        if (slot < 0) {
            slot = oldest;
            empty(slot);
        }
        if (counts[slot] == PER_LENGTH) {
            return false;
        }
        used[slot] = ++clock;
        lengths[slot] = length;
        stacks[slot][counts[slot]++] = array;
        bytes += 8L * length;
        return true;
    }

    /** Leaves the arrays of {@code slot} to the garbage collector. */
    private void empty(int slot) {
        bytes -= 8L * lengths[slot] * counts[slot];
        Arrays.fill(stacks[slot], null);
        counts[slot] = 0;
    }
}
