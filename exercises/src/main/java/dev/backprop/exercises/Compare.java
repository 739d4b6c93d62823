package dev.backprop.exercises;

import dev.backprop.core.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a student's value with the expected one the way the workshop's tests do: type and shape first, then
 * numpy's {@code allclose} (rtol 1e-5, atol 1e-8); and says how it differs.
 */
public final class Compare {

    public static final double RTOL = 1e-5;
    public static final double ATOL = 1e-8;

    private Compare() {
    }

    /** numpy's {@code isclose(a, e)}: |a − e| ≤ atol + rtol |e|; NaN is never close. */
    public static boolean isClose(double a, double e) {
        if (Double.isNaN(a) || Double.isNaN(e)) {
            return false;
        }
        if (Double.isInfinite(a) || Double.isInfinite(e)) {
            return a == e;
        }
        return Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
    }

    /** Same shape and numpy's {@code allclose}. */
    public static boolean allClose(Matrix actual, Matrix expected) {
        if (!actual.shape().equals(expected.shape())) {
            return false;
        }
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (!isClose(a[i], e[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether two values (matrices, numbers, records of them) are close, part by part. */
    public static boolean close(Object actual, Object expected) {
        if (actual instanceof Matrix a && expected instanceof Matrix e) {
            return allClose(a, e);
        }
        if (actual instanceof Number a && expected instanceof Number e
                && (actual instanceof Double || expected instanceof Double)) {
            return isClose(a.doubleValue(), e.doubleValue());
        }
        if (actual instanceof Record || expected instanceof Record) {
            if (actual == null || expected == null || actual.getClass() != expected.getClass()) {
                return false;
            }
            List<Part> ap = Part.of(actual, "");
            List<Part> ep = Part.of(expected, "");
            if (ap.size() != ep.size()) {
                return false;
            }
            for (int i = 0; i < ap.size(); i++) {
                if (!close(ap.get(i).value(), ep.get(i).value())) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(actual, expected);
    }

    /**
     * What is wrong with {@code actual} as the value called {@code name}, or null when it is right. {@code m} is
     * the number of examples of the inputs (0 when there are none), to name a factor of m.
     */
    public static List<String> problem(String name, Object actual, Object expected, int m) {
        List<String> out = new ArrayList<>();
        if (actual == null) {
            out.add(name + " is null; expected " + describe(expected));
            return out;
        }
        if (expected instanceof Matrix e) {
            if (!(actual instanceof Matrix a)) {
                out.add(name + " is " + describe(actual) + "; expected " + describe(expected));
                return out;
            }
            return matrixProblem(name, a, e, m);
        }
        if (expected instanceof Double e) {
            if (!(actual instanceof Number a)) {
                out.add(name + " is " + describe(actual) + "; expected " + describe(expected));
                return out;
            }
            double av = a.doubleValue();
            if (isClose(av, e)) {
                return out;
            }
            out.add(name + " is " + repr(av) + ", expected " + repr(e)
                    + " (numpy's isclose: rtol=1e-05, atol=1e-08)");
            String factor = factor(av / e, m);
            if (factor != null && Double.isFinite(av) && e != 0) {
                out.add("diagnosis: " + name + " " + factor);
            }
            if (!Double.isFinite(av)) {
                out.add("diagnosis: " + name + " is not a finite number: a log of 0, or a division by 0?");
            }
            return out;
        }
        if (!java.util.Objects.equals(actual, expected)) {
            out.add(name + " is " + actual + ", expected " + expected);
        }
        return out;
    }

    private static List<String> matrixProblem(String name, Matrix a, Matrix e, int m) {
        List<String> out = new ArrayList<>();
        if (!a.shape().equals(e.shape())) {
            out.add(name + " has shape " + a.shape() + ", expected " + e.shape());
            if (e.cols() == 1 && a.rows() == 1 && a.cols() == e.rows() && e.rows() > 1) {
                out.add("diagnosis: a row where a column belongs. In numpy this is the (" + e.rows()
                        + ",) array that np.sum(..., axis=1) gives without keepdims=True, which broadcasts like a"
                        + " row (1, " + e.rows() + "); keep the sum a column " + e.shape() + ".");
            } else if (e.cols() == 1 && m > 1 && a.cols() == m && (a.rows() == e.rows() || a.rows() == 1)) {
                out.add("diagnosis: " + name + " still has one column per example (m = " + m + "): "
                        + (a.rows() == 1 ? "it was summed over axis 0 (the units); " : "")
                        + "sum over the examples, axis 1, as in the workshop's np.sum(dZ, axis=1, keepdims=True)");
            } else if (a.shape().equals(new dev.backprop.core.matrix.Shape(e.cols(), e.rows()))
                    && allClose(a.T().contiguous(), e)) {
                out.add("diagnosis: " + name + " is transposed: it equals the expected " + name + ".T");
            } else if (a.shape().equals(new dev.backprop.core.matrix.Shape(e.cols(), e.rows()))) {
                out.add("diagnosis: the shape is transposed: check the order of the product (A·B vs B·A) and"
                        + " which factor carries the ᵀ");
            } else if (e.cols() == 1 && a.rows() == e.rows() && a.cols() == e.rows()) {
                out.add("diagnosis: a column vector (n, 1) broadcast against a row (1, n) gives (n, n): was a"
                        + " bias or its gradient a row (the keepdims mistake) somewhere before this?");
            } else {
                out.add("diagnosis: check the shapes in the products: (a, b)·(b, c) is (a, c), and ᵀ swaps the"
                        + " dimensions");
            }
            return out;
        }
        double[] av = a.toArray();
        double[] ev = e.toArray();
        int differ = 0;
        int first = -1;
        for (int i = 0; i < av.length; i++) {
            if (!isClose(av[i], ev[i])) {
                differ++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differ == 0) {
            return out;
        }
        String at = "[" + first / e.cols() + ", " + first % e.cols() + "]";
        out.add(name + " has the wrong values: " + differ + " of " + av.length + " element" + (av.length == 1 ? "" : "s")
                + " differ (numpy's allclose: rtol=1e-05, atol=1e-08); the first is " + name + at + ": expected "
                + num(ev[first]) + ", got " + num(av[first]));
        out.add("expected " + name + " =");
        out.add(indent(e.toString()));
        out.add("your " + name + " =");
        out.add(indent(a.toString()));
        String diagnosis = diagnose(name, a, e, m);
        if (diagnosis != null) {
            out.add("diagnosis: " + diagnosis);
        }
        return out;
    }

    /** The generic diagnoses: not finite, transposed, a constant factor (sign, m, 1/m, 2). */
    private static String diagnose(String name, Matrix a, Matrix e, int m) {
        if (!a.isFinite()) {
            return name + " holds NaN or ∞: a log of 0, a division by 0, or an overflow in exp?";
        }
        if (a.rows() == a.cols() && a.rows() > 1 && allClose(a, e.T().contiguous())) {
            return name + " is transposed: it equals the expected " + name + ".T";
        }
        double[] av = a.toArray();
        double[] ev = e.toArray();
        double num = 0;
        double den = 0;
        for (int i = 0; i < av.length; i++) {
            num += av[i] * ev[i];
            den += ev[i] * ev[i];
        }
        if (den == 0) {
            return null;
        }
        double r = num / den;
        if (allClose(a, e.times(r)) || close(a, e.times(r), 1e-4)) {
            String f = factor(r, m);
            return f == null ? null : name + " " + f;
        }
        return null;
    }

    private static boolean close(Matrix a, Matrix e, double rtol) {
        double[] av = a.toArray();
        double[] ev = e.toArray();
        for (int i = 0; i < av.length; i++) {
            if (Math.abs(av[i] - ev[i]) > ATOL + rtol * Math.abs(ev[i])) {
                return false;
            }
        }
        return true;
    }

    /** Names a factor r = actual / expected, or null when it is no simple one. */
    static String factor(double r, int m) {
        if (!Double.isFinite(r) || Math.abs(r - 1) < 1e-6) {
            return null;
        }
        if (Math.abs(r) < 1e-12) {
            return "is zero: nothing computed yet?";
        }
        if (Math.abs(r + 1) < 1e-6) {
            return "has the sign flipped: every element is minus the expected one";
        }
        if (m > 2 && Math.abs(r - m) < 1e-6 * m) {
            return "is m = " + m + " times too large: is the 1/m missing?";
        }
        if (m > 2 && Math.abs(r * m - 1) < 1e-6) {
            return "is m = " + m + " times too small: is 1/m applied twice, or a sum where a mean belongs?";
        }
        if (m > 2 && Math.abs(r + m) < 1e-6 * m) {
            return "is −m = −" + m + " times the expected one: the 1/m is missing and the sign is flipped";
        }
        if (Math.abs(r - 2) < 1e-6) {
            return "is 2 times too large: a factor of 2 (the derivative of a square, or ½ dropped)?";
        }
        if (Math.abs(r - 0.5) < 1e-6) {
            return "is half the expected value: a stray ½, or a missing factor 2?";
        }
        return "is " + repr(Double.parseDouble(String.format(Locale.ROOT, "%.6g", r)))
                + " times the expected one (every element, the same factor)";
    }

    /** numpy's repr of a float64 scalar: {@code 0.6931471805599453}, {@code 1e-05}, {@code 0.0}. */
    public static String repr(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** numpy's way of printing one float64 inside an array: {@code 0.69314718}, {@code 1.e-05}. */
    public static String num(double v) {
        String s = Matrix.of(1, 1, v).toString();
        return s.substring(2, s.length() - 2).trim();
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Matrix m) {
            return "a matrix of shape " + m.shape();
        }
        if (v instanceof Double) {
            return "a number (double)";
        }
        if (v instanceof Integer) {
            return "an int";
        }
        return "a " + v.getClass().getSimpleName();
    }

    static String indent(String block) {
        return "    " + block.replace("\n", "\n    ");
    }
}
