package dev.backprop.cpufast;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The threads a multi-threaded product runs its slices on. The caller runs the first slice itself; each worker,
 * after a slice, spins for a short while before it parks, as OpenBLAS's and OpenMP's threads do. Handing a slice to
 * a spinning worker costs a store; waking a parked thread costs tens of microseconds on these VMs (an executor's
 * submit and get: 40 µs measured), a tenth of a 256×256 product.
 *
 * <p>One product at a time uses the workers: a caller that finds them busy runs its slices itself, one after the
 * other (the same numbers, as each slice writes its own part of C).
 */
final class SpinningWorkers {

    /** How long a worker spins for its next slice before it parks. */
    private static final long SPIN_NANOS = 200_000;

    /** How long the caller spins for a worker's slice to end before it yields its core to other threads. */
    private static final long WAIT_SPIN_NANOS = 20_000;

    private static final ReentrantLock IN_USE = new ReentrantLock();
    private static Worker[] workers = new Worker[0];

    private SpinningWorkers() {
    }

    /**
     * Runs every slice, the first on this thread, and returns when all are done; a slice's failure is rethrown, a
     * worker's with {@code what} (the operation and its shapes) in the message.
     */
    static void run(String what, Runnable[] slices) {
        if (slices.length == 1 || !IN_USE.tryLock()) {
            for (Runnable slice : slices) {
                slice.run();
            }
            return;
        }
        try {
            int helpers = slices.length - 1;
            Worker[] team = team(helpers);
            int[] expected = new int[helpers];
            for (int t = 0; t < helpers; t++) {
                expected[t] = team[t].done + 1;
                team[t].slice = slices[t + 1];
                LockSupport.unpark(team[t]);
            }
            RuntimeException failure = null;
            try {
                slices[0].run();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int t = 0; t < helpers; t++) {
                Worker worker = team[t];
                long waiting = System.nanoTime();
                while (worker.done != expected[t]) {
                    if (System.nanoTime() - waiting < WAIT_SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        // the worker lost its core to another thread: give it this one
                        Thread.yield();
                    }
                }
                if (worker.failure != null && failure == null) {
                    failure = new IllegalStateException(what + ": a worker thread failed", worker.failure);
                }
                worker.failure = null;
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            IN_USE.unlock();
        }
    }

    /** The workers, at least {@code size} of them, started on first use; called with {@link #IN_USE} held. */
    private static Worker[] team(int size) {
        if (workers.length < size) {
            Worker[] grown = Arrays.copyOf(workers, size);
            for (int t = workers.length; t < size; t++) {
                grown[t] = new Worker("backprop-gemm-" + (t + 1));
                grown[t].start();
            }
            workers = grown;
        }
        return workers;
    }

    private static final class Worker extends Thread {

        volatile Runnable slice;
        /** How many slices this worker has finished; written by the worker only. */
        volatile int done;
        volatile Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Runnable next = slice;
                if (next == null) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    continue;
                }
                slice = null;
                try {
                    next.run();
                } catch (Throwable e) {
                    failure = e;
                }
                done++;
                idleSince = System.nanoTime();
            }
        }
    }
}
