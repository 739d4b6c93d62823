package dev.backprop.core.layer;

import dev.backprop.core.init.Initializer;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * A maxout layer (Goodfellow et al., 2013), the workshop's {@code max(w₁ᵀx + b₁, w₂ᵀx + b₂)} ("Deep Learning
 * Fundamentals"): each of its n units is the largest of k linear functions of its input, so the layer learns its own
 * piecewise-linear activation. It is a layer, not an activation, because it owns k weight sets.
 *
 * <p>The k weight sets (W₁, b₁), ..., (W_k, b_k), each (n, n_prev) and (n, 1), are stored stacked, one block of rows
 * per piece, so that the linear step stays the workshop's {@code Z = W·A_prev + b}:
 * <pre>
 * W = [W₁; W₂; ...; W_k]   (k·n, n_prev)      b = [b₁; ...; b_k]   (k·n, 1)
 * forward:   Z = W·A_prev + b = [Z₁; ...; Z_k]   (k·n, m)     Z_j = W_j·A_prev + b_j
 *            A = max(Z₁, Z₂, ..., Z_k)          (n, m)       elementwise
 * backward:  dZ_j = dA ⊙ [Z_j is the max]        (the first winning piece when several tie, like np.argmax)
 *            dZ = [dZ₁; ...; dZ_k]               (k·n, m)
 *            dW = (1/m) dZ·A_prevᵀ,  db = (1/m) Σ_columns dZ,  dA_prev = Wᵀ·dZ
 * </pre>
 * The derivative of a max is 1 for the piece that wins and 0 for the others, so backward routes dA to the winner.
 * Block j of the rows is cut out and put back with a selector matrix E_j = [0 ... I ... 0] (n, k·n):
 * Z_j = E_j·Z and dZ = Σ_j E_jᵀ·dZ_j, since {@link Matrix} has no row slicing or stacking.
 */
public final class Maxout extends LinearUnits {

    private final int k;
    private final Initializer initializer;
    private Matrix Z;
    private Matrix A;

    /** n units of k pieces each, W drawn as randn · 0.01. */
    public Maxout(int units, int k) {
        this(units, k, Initializer.random(0.01));
    }

    public Maxout(int units, int k, Initializer initializer) {
        super("maxout", units);
        if (k < 2) {
            throw new IllegalArgumentException("maxout: needs k ≥ 2 pieces (one piece is a linear layer), got " + k);
        }
        this.k = k;
        this.initializer = initializer;
    }

    @Override
    public int build(int nPrev, NumpyRandom random) {
        if (nPrev < 1) {
            throw new IllegalArgumentException("maxout: the input size n^[l−1] must be ≥ 1, got " + nPrev);
        }
        // W = [W₁; ...; W_k]  (k·n, n_prev),  b = zeros((k·n, 1))
        W = initializer.weights(k * units, nPrev, random);
        b = Matrix.zeros(k * units, 1);
        return units;
    }

    @Override
    public Matrix forward(Matrix A_prev, boolean training) {
        requireBuilt();
        if (W.cols() != A_prev.rows()) {
            throw new IllegalArgumentException("maxout: W has shape " + W.shape().compact() + " but A_prev has shape "
                    + A_prev.shape().compact() + " (W's " + W.cols() + " columns must match A_prev's "
                    + A_prev.rows() + " rows)");
        }
        // Z = W · A_prev + b,  A = max_j Z_j
        Matrix Zl = W.dotPlus(A_prev, b);
        Matrix Al = max(Zl);
        this.A_prev = A_prev;
        this.Z = Zl;
        this.A = Al;
        return Al;
    }

    @Override
    Matrix dZ(Matrix dA) {
        if (Z == null) {
            throw new IllegalStateException("maxout: backward before forward");
        }
        return maxBackward(dA, Z, A);
    }

    /** A = max(Z₁, ..., Z_k) for stacked Z (k·n, m): the layer's activation alone. */
    public Matrix max(Matrix Z) {
        Matrix out = piece(Z, 0);
        for (int j = 1; j < k; j++) {
            out = out.maximum(piece(Z, j));
        }
        return out;
    }

    /** dZ (k·n, m) from dA (n, m): dA routed to the first winning piece of each unit and example. */
    public Matrix maxBackward(Matrix dA, Matrix Z, Matrix A) {
        int n = rowsPerPiece(Z);
        if (!dA.shape().equals(A.shape()) || A.rows() != n || A.cols() != Z.cols()) {
            throw new IllegalArgumentException("maxout backward: dA " + dA.shape().compact() + " and A "
                    + A.shape().compact() + " must be (" + n + "," + Z.cols() + ") for Z " + Z.shape().compact());
        }
        Matrix taken = null;
        Matrix dZ = null;
        for (int j = 0; j < k; j++) {
            // mask_j = [Z_j = A] where no earlier piece won
            Matrix wins = piece(Z, j).eq(A);
            Matrix mask = taken == null ? wins : wins.times(taken.rminus(1));
            taken = taken == null ? mask : taken.plus(mask);
            // dZ += E_jᵀ·(dA ⊙ mask_j)
            Matrix dZj = selector(j, n, Z.backend()).T().dot(dA.times(mask));
            dZ = dZ == null ? dZj : dZ.plus(dZj);
        }
        return dZ;
    }

    /** Piece j (0 ≤ j &lt; k) of a stacked matrix: the weight set W_j of W, the bias b_j of b, or Z_j of Z. */
    public Matrix piece(Matrix stacked, int j) {
        if (j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("maxout: piece " + j + " of k = " + k);
        }
        return selector(j, rowsPerPiece(stacked), stacked.backend()).dot(stacked);
    }

    private int rowsPerPiece(Matrix stacked) {
        if (stacked.rows() % k != 0) {
            throw new IllegalArgumentException("maxout: " + stacked.rows() + " rows " + stacked.shape().compact()
                    + " do not split into k = " + k + " equal pieces");
        }
        return stacked.rows() / k;
    }

    /** E_j (n, k·n): the identity in columns j·n to (j+1)·n, zeros elsewhere. */
    private Matrix selector(int j, int n, Backend backend) {
        double[] e = new double[n * k * n];
        for (int i = 0; i < n; i++) {
            e[i * k * n + j * n + i] = 1.0;
        }
        return Matrix.of(n, k * n, e).to(backend);
    }

    /** The number of pieces k per unit. */
    public int k() {
        return k;
    }

    @Override
    public String type() {
        return "Maxout";
    }

    @Override
    public String toString() {
        return "Maxout(" + units + ", k=" + k + ")";
    }
}
