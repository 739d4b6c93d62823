package dev.backprop.cpufast;

/**
 * Vector API code is only fast once the JIT's optimising compiler (C2) has compiled it: before that each vector
 * operation runs as ordinary objects, a hundred times slower than a plain loop, and a fresh JVM would start
 * {@code nn_model} slower than numpy. So the first call that asks whether they are {@link #ready()} starts this
 * daemon thread (a program that only multiplies large matrices never does), which calls
 * {@link VectorMath}'s vector paths, {@link SmallGemm} and {@link VectorPairwiseSum} on small arrays until they are
 * faster than their one-element-at-a-time twins three times running. It waits a second before it starts, leaving
 * the cores to the program while the JIT compiles the program's own code: a short run (the planar {@code nn_model})
 * is over on the twins before the vector code would be compiled. Until the race is won, and for good if that has not
 * happened within 10 seconds, the backend takes the twins: {@link VectorMath}'s scalar functions, the reference
 * loops, {@link SmallGemm#dotsScalar}. Each twin gives the same bits, so only the speed depends on when the switch
 * happens. The thread first adds the {@link InlineDirective}, off the program's own start-up path.
 */
final class JitWarmup {

    /** How long the thread waits before its first round, after the first call to {@link #ready()}. */
    static final long DELAY_MS = 1000;

    private static volatile boolean ready;
    private static boolean started;

    private JitWarmup() {
    }

    /** Whether the vector paths are compiled and faster than the scalar ones; the first call starts the race. */
    static boolean ready() {
        if (!started) {
            start();
        }
        return ready;
    }

    /** Starts the warm-up thread once per JVM. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread thread = new Thread(JitWarmup::run, "backprop-jit-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            // during a program's first second the JIT's compiler threads are busy with the program's own code; a race
            // started then took a core from it on a 2-core machine. The cold planar run took 1.2 s without this wait
            // and 0.78 s with it: it is over before the vector code would have been compiled anyway.
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            return;
        }
        InlineDirective.add();
        double[] a = new double[512];
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.5 + Math.sin(i);   // in (−0.5, 1.5), positive where ln needs it
        }
        for (int i = 0; i < a.length; i += 2) {
            a[i] = Math.abs(a[i]) + 1e-3;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int fasterInARow = 0;
        while (fasterInARow < 3 && System.nanoTime() < deadline) {
            long vector = 0;
            long scalar = 0;
            for (int function = VectorMath.EXP; function <= VectorMath.LOG; function++) {
                long t0 = System.nanoTime();
                vectorPath(function, a, out);
                long t1 = System.nanoTime();
                for (int i = 0; i < a.length; i++) {
                    out[i] = VectorMath.scalar(function, a[i]);
                }
                long t2 = System.nanoTime();
                vector += t1 - t0;
                scalar += t2 - t1;
            }
            long t0 = System.nanoTime();
            smallProducts(a, out, true);
            long t1 = System.nanoTime();
            smallProducts(a, out, false);
            long t2 = System.nanoTime();
            vector += t1 - t0;
            scalar += t2 - t1;
            fasterInARow = vector < scalar ? fasterInARow + 1 : 0;
            try {
                // leave the cores to the program (and to the JIT's compiler threads) between rounds: with a yield
                // instead, this thread took a core from a 2-thread product and from the compiler for seconds
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
        // a JVM whose compiled vector code never beats the scalar twin (no SIMD unit) keeps the scalar twin
        ready = fasterInARow >= 3;
    }

    /**
     * The planar network's product shapes, (4, 2)·(2, 128), its transposed-A twin and (4, 128)·(4, 128)ᵀ, and a sum,
     * by {@link SmallGemm} and {@link VectorPairwiseSum} ({@code vector}) or by plain loops.
     */
    private static void smallProducts(double[] a, double[] out, boolean vector) {
        if (vector) {
            SmallGemm.multiply(a, false, a, false, out, 4, 2, 128);
            SmallGemm.multiply(a, true, a, false, out, 4, 2, 128);
            SmallGemm.multiply(a, false, a, true, out, 4, 128, 4);
            if (VectorPairwiseSum.supported()) {
                out[0] = VectorPairwiseSum.sum(a, 0, a.length);
            }
            return;
        }
        double sum = 0.0;
        for (double v : a) {
            sum += v;
        }
        out[0] = sum;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 128; j++) {
                out[i * 128 + j] = a[i * 2] * a[j] + a[i * 2 + 1] * a[128 + j];
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0.0;
                for (int p = 0; p < 128; p++) {
                    s += a[i * 128 + p] * a[j * 128 + p];
                }
                out[i * 4 + j] = s;
            }
        }
    }

    private static void vectorPath(int function, double[] a, double[] out) {
        switch (function) {
            case VectorMath.EXP -> VectorMath.expVector(a, out);
            case VectorMath.TANH -> VectorMath.tanhVector(a, out);
            case VectorMath.SIGMOID -> VectorMath.sigmoidVector(a, out);
            default -> VectorMath.logVector(a, out);
        }
    }
}
