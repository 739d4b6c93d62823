package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/matrix/matrix_reference.txt");

    @Test
    void dotMultipliesLikeTheSeedExample() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {3, 2, 1}});
        Matrix b = Matrix.of(new double[][] {{1, 2}, {3, 2}, {2, 7}});
        assertThat(a.dot(b)).isEqualTo(Matrix.of(new double[][] {{13, 27}, {11, 17}}));
    }

    @Test
    void dotReadsTransposedViewsWithoutCopying() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new double[][] {{7, 8, 9}, {1, 0, -1}});
        Matrix expectedABt = Matrix.of(new double[][] {{50, -2}, {122, -2}});
        assertThat(a.dot(b.T())).isEqualTo(expectedABt);
        assertThat(a.T().dot(b)).isEqualTo(Matrix.of(new double[][] {{11, 8, 5}, {19, 16, 13}, {27, 24, 21}}));
        assertThat(a.T().dot(b.T().T())).isEqualTo(a.T().contiguous().dot(b));
        assertThat(b.T().T().T().dot(a)).isEqualTo(b.T().contiguous().dot(a));
        assertThat(a.T().dot(a.T().T().T().T())).isEqualTo(a.T().contiguous().dot(a));
        assertThat(b.T().T()).isEqualTo(b);
    }

    @Test
    void dotRejectsMisalignedShapesNamingBoth() {
        assertThatThrownBy(() -> Matrix.zeros(4, 2).dot(Matrix.zeros(3, 400)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dot: shapes (4,2) and (3,400) not aligned: 2 (dim 1) != 3 (dim 0)");
    }

    @Test
    void broadcastsColumnAndRowVectorsLikeNumpy() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(a.plus(Matrix.column(10, 20))).isEqualTo(Matrix.of(new double[][] {{11, 12, 13}, {24, 25, 26}}));
        assertThat(a.times(Matrix.row(1, 0, -1))).isEqualTo(Matrix.of(new double[][] {{1, 0, -3}, {4, 0, -6}}));
        assertThat(Matrix.column(1, 2).plus(Matrix.row(10, 20, 30)))
                .isEqualTo(Matrix.of(new double[][] {{11, 21, 31}, {12, 22, 32}}));
        assertThat(a.minus(Matrix.full(1, 1, 1))).isEqualTo(a.minus(1));
        assertThat(a.rminus(1)).isEqualTo(Matrix.ones(2, 3).minus(a));
        assertThat(a.rdiv(1).times(a)).isEqualTo(Matrix.ones(2, 3));
    }

    @Test
    void broadcastRejectsIncompatibleShapesNamingBoth() {
        assertThatThrownBy(() -> Matrix.zeros(4, 400).plus(Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("+: operands could not be broadcast together with shapes (4,400) (3,1)");
    }

    @Test
    void elementwiseFunctionsFollowTheirDefinitions() {
        Matrix x = Matrix.row(-2, -0.5, 0, 0.5, 2);
        assertThat(x.tanh().toArray()).containsExactly(Math.tanh(-2), Math.tanh(-0.5), 0, Math.tanh(0.5), Math.tanh(2));
        assertThat(x.exp().log().toArray()).containsExactly(new double[] {-2, -0.5, 0, 0.5, 2}, within(1e-15));
        assertThat(x.square()).isEqualTo(x.power(2)).isEqualTo(x.times(x));
        assertThat(x.abs().sqrt().square().toArray()).containsExactly(new double[] {2, 0.5, 0, 0.5, 2}, within(1e-15));
        assertThat(x.gt(0)).isEqualTo(Matrix.row(0, 0, 0, 1, 1));
        assertThat(x.le(Matrix.row(0, 0, 0, 0, 0))).isEqualTo(Matrix.row(1, 1, 1, 0, 0));
        assertThat(x.map(v -> 3 * v)).isEqualTo(x.times(3));
        assertThat(x.map(UnaryOp.LEAKY_RELU, 0.1).toArray()).containsExactly(-0.2, -0.05, 0, 0.5, 2);
        assertThat(x.clip(-1, 1)).isEqualTo(Matrix.row(-1, -0.5, 0, 0.5, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x7", "3x8", "2x127", "4x400", "1x1000", "5x1031", "9x3"})
    void sumsMatchNumpyToTheLastDigit(String shape) {
        Matrix a = REF.matrix("sum_in_" + shape);
        assertThat(a.sum()).isEqualTo(REF.scalar("sum_all_" + shape));
        assertThat(a.sum(1)).isEqualTo(REF.matrix("sum_axis1_" + shape));
        assertThat(a.sum(0)).isEqualTo(REF.matrix("sum_axis0_" + shape));
        assertThat(a.mean()).isEqualTo(REF.scalar("mean_" + shape));
    }

    @Test
    void sumRejectsAnAxisA2dMatrixDoesNotHave() {
        assertThatThrownBy(() -> Matrix.zeros(2, 3).sum(2))
                .hasMessage("sum: axis 2 is out of bounds for a 2-D matrix (2,3)");
    }

    @Test
    void linspaceMatchesNumpy() {
        assertThat(Matrix.linspace(0, 3.12, 200)).isEqualTo(REF.matrix("linspace_0"));
        assertThat(Matrix.linspace(3.12, 6.24, 200)).isEqualTo(REF.matrix("linspace_1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "mixed", "negative_zero", "sci_small", "sci_large", "sci_ratio", "rounding",
            "integers", "wide", "tall", "summarised", "summarised_both", "nonfinite", "zeros", "column", "big_ints"})
    void printsExactlyAsNumpy(String name) {
        assertThat(REF.matrix("print_in_" + name).toString()).isEqualTo(REF.text("print_out_" + name));
    }

    @Test
    void slicesColumnsAndReportsBadRanges() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        assertThat(a.columns(1, 3)).isEqualTo(Matrix.of(new double[][] {{2, 3}, {6, 7}}));
        assertThatThrownBy(() -> a.columns(2, 9)).hasMessage("columns: [2:9] is out of bounds for shape (2,4)");
    }

    @Test
    void rejectsRaggedRowsAndWrongSizes() {
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}}))
                .hasMessage("of: row 1 has 1 elements, row 0 has 2");
        assertThatThrownBy(() -> Matrix.of(2, 3, 1, 2, 3))
                .hasMessage("of: cannot reshape array of size 3 into shape (2,3)");
        assertThatThrownBy(() -> Matrix.zeros(1, 2).item())
                .hasMessage("item: can only convert a matrix of size 1, shape is (1,2)");
    }

    @Test
    void transposedVectorsShareLayout() {
        Matrix v = Matrix.column(1, 2, 3);
        assertThat(v.T().shape()).isEqualTo(new Shape(1, 3));
        assertThat(v.T().contiguous().toArray()).containsExactly(1, 2, 3);
        assertThat(Matrix.of(new double[][] {{1, 2}, {3, 4}}).T().toArray()).containsExactly(1, 3, 2, 4);
    }

    @Test
    void maxFollowsNumpyIncludingNaN() {
        Matrix a = Matrix.of(new double[][] {{1, 5, 3}, {4, 2, 6}});
        assertThat(a.max()).isEqualTo(6);
        assertThat(a.max(0)).isEqualTo(Matrix.row(4, 5, 6));
        assertThat(a.max(1)).isEqualTo(Matrix.column(5, 6));
        assertThat(Matrix.row(1, Double.NaN, 3).max()).isNaN();
    }
}
