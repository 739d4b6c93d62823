package dev.backprop.core.layer;

import static dev.backprop.core.Gold.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Reference;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maxout layer against numpy (scripts/deep_reference.py), its weight sets, ties and errors. */
class MaxoutTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/deep/activations.txt");
    private static final Reference INIT = Reference.load("/dev/backprop/core/deep/initialization.txt");

    /** dA = randn(4, 5), drawn after Z = randn(4, 5) · 2 as numpy does after np.random.seed(5). */
    private static final Matrix DA;

    static {
        NumpyRandom random = new NumpyRandom(5);
        random.randn(4, 5);
        DA = random.randn(4, 5);
    }

    @Test
    void maxAndItsBackwardStepMatchNumpy() {
        for (int k = 2; k <= 3; k++) {
            Maxout maxout = new Maxout(4, k);
            Matrix Zk = REF.matrix("maxout" + k + "_Z");
            Matrix A = maxout.max(Zk);
            assertThat(A.shape()).as("k = %d pieces of 4 units", k).isEqualTo(DA.shape());
            assertClose(A, REF, "maxout" + k + "_A");
            assertClose(maxout.maxBackward(DA, Zk, A), REF, "maxout" + k + "_dZ");
        }
    }

    @Test
    void maxoutIsTheWorkshopsMaxOfTwoLinearFunctions() {
        // max(w₁ᵀx + b₁, w₂ᵀx + b₂), with the two weight sets stacked into one layer
        NumpyRandom random = new NumpyRandom(7);
        Matrix x = random.randn(3, 4);
        Matrix W1 = random.randn(2, 3);
        Matrix b1 = random.randn(2, 1);
        Matrix W2 = random.randn(2, 3);
        Matrix b2 = random.randn(2, 1);
        Maxout maxout = new Maxout(2, 2);
        maxout.build(3, new NumpyRandom(0));
        maxout.setParameters(List.of(stackRows(W1, W2), stackRows(b1, b2)));

        Matrix A = maxout.forward(x, true);

        assertClose(A, REF, "seed002_A");
        assertThat(A).isEqualTo(W1.dot(x).plus(b1).maximum(W2.dot(x).plus(b2)));
        assertThat(maxout.piece(maxout.parameters().get(0), 0)).isEqualTo(W1);
        assertThat(maxout.piece(maxout.parameters().get(0), 1)).isEqualTo(W2);
        assertThat(maxout.piece(maxout.parameters().get(1), 1)).isEqualTo(b2);
    }

    @Test
    void theGradientGoesToTheFirstWinningPieceOnATie() {
        // one unit, k = 3, two examples; in example 0 pieces 0 and 2 tie, in example 1 piece 1 wins
        Matrix Z = Matrix.of(new double[][] {{5, 1}, {2, 7}, {5, 3}});
        Maxout maxout = new Maxout(1, 3);
        Matrix A = maxout.max(Z);
        assertThat(A).isEqualTo(Matrix.row(5, 7));
        assertThat(maxout.maxBackward(Matrix.row(10, 20), Z, A))
                .isEqualTo(Matrix.of(new double[][] {{10, 0}, {0, 20}, {0, 0}}));
    }

    @Test
    void aMaxoutLayerDrawsItsKWeightSetsStackedInNumpysOrder() {
        // He initialisation, seed 3, as initialize_parameters_deep draws layer_dims [3, 4, 2] with k = 2 in layer 1
        Maxout maxout = new Maxout(4, 2, Initializer.he());
        Dense output = new Dense(2, new Sigmoid(), Initializer.he());
        NumpyRandom random = new NumpyRandom(3);
        assertThat(maxout.build(3, random)).as("layer 2 reads the 4 units, not the 8 pieces").isEqualTo(4);
        output.build(4, random);
        assertThat(maxout.parameters().get(0).shape()).as("k·n^[1] = 2·4 rows").isEqualTo(new Shape(8, 3));
        assertThat(maxout.parameters().get(1).shape()).isEqualTo(new Shape(8, 1));
        assertClose(maxout.parameters().get(0), INIT, "maxout_W1");
        assertClose(output.W(), INIT, "maxout_W2");
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new Maxout(4, 1)).hasMessageContaining("k ≥ 2");
        assertThatThrownBy(() -> new Maxout(0, 2)).hasMessage("maxout: units n^[l] must be ≥ 1, got 0");
        assertThatThrownBy(() -> new Maxout(1, 2).max(Matrix.zeros(5, 3)))
                .hasMessage("maxout: 5 rows (5,3) do not split into k = 2 equal pieces");
        assertThat(new Maxout(4, 3)).hasToString("Maxout(4, k=3)");
    }

    /** [top; bottom] on the host: test code, not a Matrix operation. */
    private static Matrix stackRows(Matrix top, Matrix bottom) {
        double[] t = top.toArray();
        double[] u = bottom.toArray();
        double[] all = new double[t.length + u.length];
        System.arraycopy(t, 0, all, 0, t.length);
        System.arraycopy(u, 0, all, t.length, u.length);
        return Matrix.of(top.rows() + bottom.rows(), top.cols(), all);
    }
}
