package dev.backprop.core.activation;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;

/**
 * Maxout (Goodfellow et al., 2013), seed 002's {@code max(w₁ᵀx + b₁, w₂ᵀx + b₂)}: each unit is the largest of k
 * linear functions of its input, so the layer learns its own piecewise-linear activation.
 *
 * <p>A maxout layer with n units owns k weight sets (W₁, b₁), ..., (W_k, b_k), each (n, n_prev) and (n, 1). They
 * are stored stacked, one block of rows per piece, so that the layer's linear step stays the workshop's
 * {@code Z = W·A_prev + b}:
 * <pre>
 * W = [W₁; W₂; ...; W_k]   (k·n, n_prev)      b = [b₁; ...; b_k]   (k·n, 1)
 * Z = W·A_prev + b = [Z₁; Z₂; ...; Z_k]   (k·n, m)     Z_j = W_j·A_prev + b_j
 * A = max(Z₁, Z₂, ..., Z_k)               (n, m)       elementwise
 * </pre>
 * The derivative of a max is 1 for the piece that wins and 0 for the others, so backward routes dA to the winner:
 * <pre>
 * dZ_j = dA ⊙ [Z_j is the max]      (the first winning piece when several tie, like np.argmax)
 * dZ   = [dZ₁; ...; dZ_k]           (k·n, m), then the usual dW = (1/m) dZ·A_prevᵀ, db, dA_prev = Wᵀ·dZ
 * </pre>
 * Block j of the rows is cut out and put back with a selector matrix E_j = [0 ... I ... 0] (n, k·n):
 * Z_j = E_j·Z and dZ = Σ_j E_jᵀ·dZ_j, since {@link Matrix} has no row slicing or stacking.
 *
 * @param k the number of linear pieces per unit, at least 2
 */
public record Maxout(int k) implements Activation {

    public Maxout {
        if (k < 2) {
            throw new IllegalArgumentException("maxout: needs k ≥ 2 pieces (one piece is a linear layer), got " + k);
        }
    }

    @Override
    public int pieces() {
        return k;
    }

    /** The number of units n of a stacked matrix with k·n rows. */
    private int units(Matrix stacked) {
        if (stacked.rows() % k != 0) {
            throw new IllegalArgumentException("maxout: " + stacked.rows() + " rows " + stacked.shape().compact()
                    + " do not split into k = " + k + " equal pieces");
        }
        return stacked.rows() / k;
    }

    /**
     * Piece j (0 ≤ j &lt; k) of a stacked matrix: the weight set W_j of W, the bias b_j of b, or Z_j of Z.
     */
    public Matrix piece(Matrix stacked, int j) {
        if (j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("maxout: piece " + j + " of k = " + k);
        }
        return selector(j, units(stacked), stacked.backend()).dot(stacked);
    }

    @Override
    public Matrix forward(Matrix Z) {
        // A = max(Z₁, ..., Z_k)
        Matrix A = piece(Z, 0);
        for (int j = 1; j < k; j++) {
            A = A.maximum(piece(Z, j));
        }
        return A;
    }

    @Override
    public Matrix backward(Matrix dA, Matrix Z, Matrix A) {
        int n = units(Z);
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

    /** E_j (n, k·n): the identity in columns j·n to (j+1)·n, zeros elsewhere. */
    private Matrix selector(int j, int n, Backend backend) {
        double[] e = new double[n * k * n];
        for (int i = 0; i < n; i++) {
            e[i * k * n + j * n + i] = 1.0;
        }
        return Matrix.of(n, k * n, e).to(backend);
    }

    @Override
    public String toString() {
        return "maxout(k=" + k + ")";
    }
}
