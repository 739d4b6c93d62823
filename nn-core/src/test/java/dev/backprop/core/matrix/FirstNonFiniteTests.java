package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.DeviceLikeBackend;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.train.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#firstNonFinite()}: −1 on a finite or empty matrix, otherwise the row-major index of the first NaN or
 * ±∞ in the matrix's own shape, a transposed view included (read against the view's {@code toArray}); {@link
 * Matrix#get} on a transposed view, read in place; {@link Matrix#isFinite()} agreeing; and the training loop's
 * message naming the column and row of a NaN in X.
 */
class FirstNonFiniteTests {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** The first non-finite index of the row-major copy: what firstNonFinite must give. */
    private static int expectedFirst(Matrix A) {
        double[] a = A.toArray();
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                return k;
            }
        }
        return -1;
    }

    private static void assertConsistent(Matrix A) {
        assertThat(A.firstNonFinite()).as("firstNonFinite of %s %s", A.shape().compact(),
                A.isTransposed() ? "(transposed view)" : "").isEqualTo(expectedFirst(A));
        assertThat(A.isFinite()).isEqualTo(A.firstNonFinite() < 0);
        double[] a = A.toArray();
        for (int i = 0; i < A.rows(); i++) {
            for (int j = 0; j < A.cols(); j++) {
                assertThat(Double.doubleToRawLongBits(A.get(i, j))).as("get(%d, %d)", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(a[i * A.cols() + j]));
            }
        }
    }

    @Test
    void aFiniteMatrixHasNone() {
        Matrix A = Matrix.of(2, 3, 0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-320);
        assertThat(A.firstNonFinite()).isEqualTo(-1);
        assertThat(A.T().firstNonFinite()).isEqualTo(-1);
        assertThat(A.isFinite()).isTrue();
        assertThat(A.T().isFinite()).isTrue();
    }

    @Test
    void findsNanAndBothInfinitiesAtTheirRowMajorIndex() {
        assertThat(Matrix.of(2, 3, 0, 1, 2, 3, NAN, 5).firstNonFinite()).isEqualTo(4);
        assertThat(Matrix.of(2, 3, 0, 1, INF, 3, 4, 5).firstNonFinite()).isEqualTo(2);
        assertThat(Matrix.of(2, 3, 0, 1, 2, 3, 4, -INF).firstNonFinite()).isEqualTo(5);
        assertThat(Matrix.of(2, 3, NAN, 1, 2, 3, 4, 5).firstNonFinite()).isZero();
        assertThat(Matrix.of(2, 3, 0, 1, 2, 3, NAN, 5).isFinite()).isFalse();
        assertThat(Matrix.of(2, 3, 0, 1, 2, 3, 4, -INF).isFinite()).isFalse();
    }

    @Test
    void theFirstOfSeveralIsReported() {
        assertThat(Matrix.of(2, 3, 0, -INF, 2, NAN, INF, 5).firstNonFinite()).isEqualTo(1);
        assertThat(Matrix.of(2, 3, 0, 1, 2, INF, NAN, -INF).firstNonFinite()).isEqualTo(3);
    }

    @Test
    void aTransposedViewCountsInItsOwnShape() {
        // A (3,4): +∞ at (0,3) = index 3, NaN at (2,1) = index 9
        Matrix A = Matrix.of(3, 4, 0, 1, 2, INF, 4, 5, 6, 7, 8, NAN, 10, 11);
        assertThat(A.firstNonFinite()).isEqualTo(3);
        // Aᵀ (4,3): NaN at (1,2) = index 5 comes before +∞ at (3,0) = index 9; the storage order would say 3
        Matrix At = A.T();
        assertThat(At.isTransposed()).isTrue();
        assertThat(At.firstNonFinite()).isEqualTo(5).isEqualTo(expectedFirst(At));
        assertThat(At.toArray()[5]).isNaN();
        assertThat(At.get(1, 2)).isNaN();
        assertThat(At.get(3, 0)).isEqualTo(INF);
        assertConsistent(A);
        assertConsistent(At);
        assertConsistent(At.T());
    }

    @Test
    void getOnATransposedViewIsToArrayOfTheView() {
        Matrix A = Matrix.of(2, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertConsistent(A.T());
        assertThat(A.T().get(4, 1)).isEqualTo(10);
        assertThat(A.T().get(0, 1)).isEqualTo(6);
        assertConsistent(Matrix.row(1, NAN, 3).T());
        assertConsistent(Matrix.column(1, 2, -INF).T());
        assertThatThrownBy(() -> A.T().get(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEmptyMatrixHasNone() {
        for (Matrix A : List.of(Matrix.zeros(0, 3), Matrix.zeros(3, 0), Matrix.zeros(0, 0), Matrix.zeros(3, 0).T())) {
            assertThat(A.firstNonFinite()).isEqualTo(-1);
            assertThat(A.isFinite()).isTrue();
        }
    }

    @Test
    void aDeviceLikeMatrixGivesTheSameIndexAsTheCpu() {
        DeviceLikeBackend device = new DeviceLikeBackend();
        Matrix A = Matrix.of(3, 4, 0, 1, 2, INF, 4, 5, 6, 7, 8, NAN, 10, 11);
        Matrix onDevice = A.to(device);
        assertThat(onDevice.firstNonFinite()).isEqualTo(A.firstNonFinite()).isEqualTo(3);
        assertThat(onDevice.T().firstNonFinite()).isEqualTo(A.T().firstNonFinite()).isEqualTo(5);
        assertThat(onDevice.T().get(1, 2)).isNaN();
        assertThat(onDevice.to(Backends.cpu()).isFinite()).isFalse();
    }

    // ---------------------------------------------------------------- the training loop's message

    private static Sequential model() {
        return Sequential.of(new Dense(3, new Tanh()), new Dense(1, new Sigmoid())).build(4, 1)
                .compile(new BinaryCrossEntropy(), new GradientDescent(0.1));
    }

    @Test
    void fitNamesTheColumnAndRowOfANanInX() {
        double[] x = new double[4 * 7];
        x[2 * 7 + 5] = NAN;
        Matrix X = Matrix.of(4, 7, x);
        Matrix Y = Matrix.zeros(1, 7);
        assertThatThrownBy(() -> model().fit(X, Y, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at column 5 (row 2)")
                .hasMessage("fit: X has NaN at column 5 (row 2) of (4,7); clean the data before training");
    }

    @Test
    void fitNamesTheColumnAndRowOfTheViewWhenXIsATransposedView() {
        // examples in rows (7,4), as Keras holds them, passed as the view X = dataᵀ (4,7): NaN at data(5, 2) is
        // X(2, 5), index 19 of the view; −∞ at data(1, 3) comes first in the storage but is X(3, 1), index 22
        double[] data = new double[7 * 4];
        data[5 * 4 + 2] = NAN;
        data[1 * 4 + 3] = -INF;
        Matrix X = Matrix.of(7, 4, data).T();
        assertThatThrownBy(() -> model().fit(X, Matrix.zeros(1, 7), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit: X has NaN at column 5 (row 2) of (4,7); clean the data before training");
    }

    @Test
    void fitNamesAnInfinityInY() {
        Matrix Y = Matrix.row(0, 1, 0, INF, 1, 0, 1);
        assertThatThrownBy(() -> model().fit(Matrix.zeros(4, 7), Y, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit: Y has Infinity at column 3 (row 0) of (1,7); clean the data before training");
    }
}
