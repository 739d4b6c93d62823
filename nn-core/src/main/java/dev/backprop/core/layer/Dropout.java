package dev.backprop.core.layer;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * Inverted dropout, DLS {@code forward_propagation_with_dropout} / {@code backward_propagation_with_dropout}: in
 * training, each unit is kept with probability keep_prob = 1 − rate and the kept ones are scaled up, so the
 * expected activation is unchanged and evaluation needs no scaling. Keras: {@code Dropout(rate)}.
 * <pre>
 * D  = rand(A.shape) &lt; keep_prob        the mask, a fresh one every forward step
 * A  = A ⊙ D / keep_prob
 * dA_prev = dA ⊙ D / keep_prob            backward: the same units, the same scale
 * at evaluation time:  A = A_prev          identity
 * </pre>
 * The mask comes from this layer's own {@link NumpyRandom}, seeded once, so a run reproduces.
 */
public final class Dropout implements Layer {

    private final double rate;
    private final double keepProb;
    private final NumpyRandom random;
    private int units;
    private Matrix fixedMask;
    private Matrix D;

    /** Drops each unit with probability {@code rate}, masks drawn from {@code NumpyRandom(1)}. */
    public Dropout(double rate) {
        this(rate, 1);
    }

    public Dropout(double rate, int seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout: rate must be in [0, 1) (keep_prob = 1 − rate > 0), got "
                    + rate);
        }
        this.rate = rate;
        this.keepProb = 1 - rate;
        this.random = new NumpyRandom(seed);
    }

    /** Uses {@code D} (0/1, the shape of A) as the mask of every training step: for gradient checks. */
    public Dropout withFixedMask(Matrix D) {
        this.fixedMask = D;
        return this;
    }

    @Override
    public int build(int nPrev, NumpyRandom unused) {
        units = nPrev;
        return nPrev;
    }

    @Override
    public Matrix forward(Matrix A, boolean training) {
        if (!training) {
            return A;
        }
        // D = rand(A.shape) < keep_prob
        D = fixedMask != null ? fixedMask : random.rand(A.rows(), A.cols()).lt(keepProb).to(A.backend());
        if (!D.shape().equals(A.shape())) {
            throw new IllegalArgumentException("dropout: the mask has shape " + D.shape().compact()
                    + " but A has shape " + A.shape().compact());
        }
        // A = A ⊙ D / keep_prob
        return A.times(D).div(keepProb);
    }

    @Override
    public Matrix backward(Matrix dA) {
        if (D == null) {
            throw new IllegalStateException("dropout: backward before a training forward step");
        }
        // dA_prev = dA ⊙ D / keep_prob
        return dA.times(D).div(keepProb);
    }

    @Override
    public int units() {
        return units;
    }

    /** The fraction of units dropped. */
    public double rate() {
        return rate;
    }

    @Override
    public String type() {
        return "Dropout";
    }

    @Override
    public String toString() {
        return "Dropout(" + rate + ")";
    }
}
