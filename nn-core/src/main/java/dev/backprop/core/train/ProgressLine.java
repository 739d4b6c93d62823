package dev.backprop.core.train;

import java.io.PrintStream;
import java.util.Map;

/**
 * A progress line for long runs: once training has run for more than {@code afterSeconds} (2 s by default), it
 * rewrites one line ({@code \r}) with the epoch, the cost and the estimated time left, at most 4 times a second.
 */
public final class ProgressLine implements Callback {

    private final PrintStream out;
    private final double afterSeconds;
    private long start;
    private long lastPrint;
    private boolean printed;

    /** A progress line on {@code out} after 2 s. */
    public ProgressLine(PrintStream out) {
        this(out, 2.0);
    }

    public ProgressLine(PrintStream out, double afterSeconds) {
        this.out = out;
        this.afterSeconds = afterSeconds;
    }

    @Override
    public boolean onEpochEnd(int epoch, Map<String, Double> logs, TrainingLoop.Run run) {
        long now = System.nanoTime();
        if (start == 0) {
            start = run.startNanos();
        }
        double elapsed = (now - start) / 1e9;
        if (elapsed > afterSeconds && (now - lastPrint) > 250_000_000L) {
            lastPrint = now;
            printed = true;
            int done = epoch + 1;
            double left = elapsed / done * (run.epochs() - done);
            out.printf("\repoch %d/%d  loss %.6f  %.0f s left   ", done, run.epochs(), logs.get("loss"), left);
            out.flush();
        }
        return false;
    }

    @Override
    public void onTrainEnd(TrainingLoop.Run run) {
        clear();
    }

    /** Erases the progress line, if one is shown, so that other output starts on a clean line. */
    public void clear() {
        if (printed) {
            out.print("\r" + " ".repeat(60) + "\r");
            out.flush();
            printed = false;
        }
    }
}
