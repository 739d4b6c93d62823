package dev.backprop.core.matrix;

/**
 * numpy's {@code RuntimeWarning: invalid value encountered in log} (and in sqrt, power, divide) as an error: an
 * operation that makes a NaN out of numbers that were not NaN names itself, the shapes, the position and the value.
 * A NaN already in an input passes through quietly, as in numpy; so do ±∞ (log 0 = −∞, x / 0 = ±∞), which numpy
 * only warns about and which the costs and the training loop check where they matter.
 */
final class InvalidValues {

    private InvalidValues() {
    }

    /** f(x) for f = log, sqrt or a power with a fractional exponent, defined for x ≥ 0 only. */
    static Matrix outsideDomain(String op, String domain, Matrix result, Matrix x) {
        int k = result.firstNaN();
        if (k < 0 || x.firstNaN() >= 0) {
            return result;
        }
        int i = k / result.cols();
        int j = k % result.cols();
        result.release();
        throw new IllegalArgumentException(op + ": " + x.get(i, j) + " at column " + j + " (row " + i + ") of "
                + x.shape().compact() + " is outside its domain, " + domain + ", so the result is NaN (numpy warns:"
                + " invalid value encountered in " + op + ")");
    }

    /** a / b, broadcast: NaN for 0 / 0 and ±∞ / ±∞. */
    static Matrix divide(Matrix result, Matrix a, Matrix b) {
        int k = result.firstNaN();
        if (k < 0 || a.firstNaN() >= 0 || b.firstNaN() >= 0) {
            return result;
        }
        int i = k / result.cols();
        int j = k % result.cols();
        result.release();
        return fail(a.shape().compact() + " / " + b.shape().compact(), a.get(broadcast(i, a.rows()),
                broadcast(j, a.cols())), b.get(broadcast(i, b.rows()), broadcast(j, b.cols())), i, j);
    }

    /** x / s, or s / x when {@code reversed}. */
    static Matrix divide(Matrix result, Matrix x, double s, boolean reversed) {
        int k = result.firstNaN();
        if (k < 0 || Double.isNaN(s) || x.firstNaN() >= 0) {
            return result;
        }
        int i = k / result.cols();
        int j = k % result.cols();
        result.release();
        String shapes = reversed ? "a number / " + x.shape().compact() : x.shape().compact() + " / a number";
        return reversed ? fail(shapes, s, x.get(i, j), i, j) : fail(shapes, x.get(i, j), s, i, j);
    }

    private static Matrix fail(String shapes, double numerator, double denominator, int i, int j) {
        throw new IllegalArgumentException("divide: " + numerator + " / " + denominator + " at column " + j + " (row "
                + i + ") of " + shapes + " is NaN (numpy warns: invalid value encountered in divide)");
    }

    /** The index into a broadcast dimension of size n: 0 when it was stretched. */
    private static int broadcast(int index, int n) {
        return n == 1 ? 0 : index;
    }
}
