package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vectorised functions against {@link Math}, in units in the last place (Math itself is within 1 ulp of the
 * true value, so 2 ulp between the two can be 1 ulp each side), on a million random arguments each
 * plus the special values; and a planted error (a series cut one term short) that the same measure must catch.
 */
class VectorMathTests {

    private static final int N = 1 << 20;

    /** The largest |f(x) − Math.f(x)| / ulp(Math.f(x)) over {@code x}; special values must match exactly. */
    private static double maxUlp(double[] x, BiConsumer<double[], double[]> f, DoubleUnaryOperator reference) {
        double[] out = new double[x.length];
        f.accept(x, out);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = reference.applyAsDouble(x[i]);
            if (!Double.isFinite(expected) || expected == 0.0) {
                assertThat(Double.doubleToLongBits(out[i])).as("f(%s) = %s, Math gives %s", x[i], out[i], expected)
                        .isEqualTo(Double.doubleToLongBits(expected));
                continue;
            }
            worst = Math.max(worst, Math.abs(out[i] - expected) / Math.ulp(expected));
        }
        return worst;
    }

    private static double[] arguments(long seed, double scale, boolean positive) {
        Random random = new Random(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double g = random.nextGaussian() * scale;
            x[i] = positive ? Math.exp(g) : g;
        }
        // special values and the edges of the fast ranges, in the middle of a vector
        double[] special = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 708.0, -708.0,
            709.5, -745.5, 20.0, -20.0, 1e-300, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1.0, 1e-9};
        System.arraycopy(special, 0, x, 3, special.length);
        return x;
    }

    @Test
    void expIsWithinOneUlpOfMath() {
        assertThat(maxUlp(arguments(1, 100, false), VectorMath::expVector, Math::exp)).isLessThanOrEqualTo(1.0);
        assertThat(maxUlp(arguments(2, 1, false), VectorMath::expVector, Math::exp)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void tanhIsWithinThreeUlpOfMath() {
        assertThat(maxUlp(arguments(3, 3, false), VectorMath::tanhVector, Math::tanh)).isLessThanOrEqualTo(3.0);
        assertThat(maxUlp(arguments(4, 0.01, false), VectorMath::tanhVector, Math::tanh)).isLessThanOrEqualTo(3.0);
    }

    @Test
    void sigmoidIsWithinTwoUlpOfTheWorkshopFormula() {
        assertThat(maxUlp(arguments(5, 10, false), VectorMath::sigmoidVector, x -> 1.0 / (1.0 + Math.exp(-x))))
                .isLessThanOrEqualTo(2.0);
    }

    @Test
    void logIsWithinTwoUlpOfMath() {
        assertThat(maxUlp(arguments(6, 50, true), VectorMath::logVector, Math::log)).isLessThanOrEqualTo(2.0);
        assertThat(maxUlp(arguments(7, 0.01, true), VectorMath::logVector, Math::log)).isLessThanOrEqualTo(2.0);
    }

    @Test
    void theVectorPathAndTheScalarTwinGiveTheSameBits() {
        double[] x = arguments(9, 30, false);
        double[] positive = arguments(10, 30, true);
        double[] vector = new double[N];
        double[] scalar = new double[N];
        for (int function = VectorMath.EXP; function <= VectorMath.LOG; function++) {
            double[] in = function == VectorMath.LOG ? positive : x;
            switch (function) {
                case VectorMath.EXP -> VectorMath.expVector(in, vector);
                case VectorMath.TANH -> VectorMath.tanhVector(in, vector);
                case VectorMath.SIGMOID -> VectorMath.sigmoidVector(in, vector);
                default -> VectorMath.logVector(in, vector);
            }
            for (int i = 0; i < N; i++) {
                scalar[i] = VectorMath.scalar(function, in[i]);
            }
            assertThat(vector).as("function %d", function).isEqualTo(scalar);
        }
    }

    @Test
    void theMeasureCatchesASeriesCutOneTermShort() {
        // planted bug: eˣ from the series without its r¹³/13! term
        BiConsumer<double[], double[]> shortExp = (x, out) -> {
            for (int i = 0; i < x.length; i++) {
                int k = (int) Math.rint(x[i] / Math.log(2));
                double r = x[i] - k * Math.log(2);
                double s = 1;
                double term = 1;
                for (int n = 1; n <= 12; n++) {
                    term *= r / n;
                    s += term;
                }
                out[i] = Math.scalb(s, k);
            }
        };
        double[] x = new Random(8).doubles(N, -50, 50).toArray();
        assertThat(maxUlp(x, shortExp, Math::exp)).isGreaterThan(1.0);
    }
}
