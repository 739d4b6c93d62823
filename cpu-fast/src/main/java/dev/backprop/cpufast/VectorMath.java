package dev.backprop.cpufast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * eˣ, eˣ − 1, ln x, tanh x and σ(x) on a whole vector at once. JDK 17's own {@code lanewise(EXP)} falls back to
 * {@link Math} one lane at a time on this JDK (about 4 ns an element, tanh 17 ns), so these are written out:
 *
 * <pre>
 * exp:   x = k·ln2 + r, |r| ≤ ln2/2;  eˣ = 2ᵏ · (1 + r + r²/2! + … + r¹³/13!)     (Cody–Waite ln2 = hi + lo)
 * expm1: eˣ − 1 = 2ᵏ·(eʳ − 1) + (2ᵏ − 1), with eʳ − 1 from the same series minus its 1 (no cancellation)
 * tanh:  tanh|x| = (e^{2|x|} − 1) / (e^{2|x|} − 1 + 2), sign copied from x; 1 for |x| ≥ 20
 * log:   x = 2ᵉ·f, √½ ≤ f &lt; √2;  ln f = 2·atanh(s) = 2(s + s³/3 + … + s²¹/21), s = (f − 1)/(f + 1)
 * σ:     1 / (1 + e⁻ˣ), as the workshop writes it
 * </pre>
 *
 * Elements outside the ranges these formulas cover (NaN, ±∞, overflow, underflow, zero, negatives, subnormals) get
 * the {@link Math} definition, so those keep Java's exact special values. Every function also exists one element at
 * a time ({@link #scalar(int, double)}) with the same operations in the same order, hence the same bits: the results
 * never depend on which path ran. Measured against {@link Math} on
 * millions of random arguments ({@code VectorMathTests}): eˣ within 1 ulp, ln and σ within 2 ulp, tanh within 3 ulp
 * ({@link Math} is itself within 1 ulp of the true value).
 */
final class VectorMath {

    static final VectorSpecies<Double> S = Gemm.S;
    static final int L = Gemm.L;

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;       // 2⁻¹ rounded to 32 significant bits of ln 2
    private static final double LN2_LO = 1.9082149292705877e-10;   // ln 2 − LN2_HI
    private static final double ROUNDER = 0x1.8p52;               // adding it rounds to an integer in the low bits
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double EXP_LIMIT = 708.0;                // beyond ±708 the scale 2ᵏ leaves the normal range
    private static final double SQRT_HALF = 0.7071067811865476;

    /** 1/n! for n = 2 … 13, the series of eʳ − 1 − r. */
    private static final double[] INV_FACTORIAL = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
        1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};

    private VectorMath() {
    }

    /** k = round(x / ln2), as a double (the rounding constant added and taken away again). */
    private static DoubleVector rounded(DoubleVector x) {
        return x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUNDER));
    }

    /** r = x − k·ln2, with ln2 in two parts so that k·LN2_HI is exact. */
    private static DoubleVector remainder(DoubleVector x, DoubleVector k) {
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        return k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
    }

    /** 2ᵏ built in the exponent field, from {@link #rounded} (k sits in the low bits of its significand). */
    private static DoubleVector twoToThe(DoubleVector roundedK) {
        return roundedK.reinterpretAsLongs().sub(ROUNDER_BITS).add(1023)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    /** eʳ − 1 − r for |r| ≤ ln2/2, Horner's rule. */
    private static DoubleVector seriesTail(DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(S, INV_FACTORIAL[11]);
        for (int i = 10; i >= 0; i--) {
            p = p.fma(r, DoubleVector.broadcast(S, INV_FACTORIAL[i]));
        }
        return p.mul(r).mul(r);
    }

    /** eˣ on lanes with |x| ≤ 708. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector t = rounded(x);
        DoubleVector r = remainder(x, t.sub(ROUNDER));
        return seriesTail(r).add(r).add(1.0).mul(twoToThe(t));
    }

    /** eˣ − 1 on lanes with |x| ≤ 708, accurate near 0. */
    static DoubleVector expm1(DoubleVector x) {
        DoubleVector t = rounded(x);
        DoubleVector r = remainder(x, t.sub(ROUNDER));
        DoubleVector scale = twoToThe(t);
        DoubleVector em1 = seriesTail(r).add(r);
        return em1.fma(scale, scale.sub(1.0));
    }

    /** out[i] = eˣ for x = a[i]. */
    static void exp(double[] a, double[] out) {
        if (JitWarmup.ready()) {
            expVector(a, out);
        } else {
            scalar(a, out, 0, a.length, EXP);
        }
    }

    /** The vector path of {@link #exp(double[], double[])}. */
    static void expVector(double[] a, double[] out) {
        int bound = S.loopBound(a.length);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            if (x.abs().compare(VectorOperators.LE, EXP_LIMIT).allTrue()) {
                exp(x).intoArray(out, i);
            } else {
                scalar(a, out, i, i + L, EXP);
            }
        }
        scalar(a, out, i, a.length, EXP);
    }

    /** out[i] = tanh(a[i]). */
    static void tanh(double[] a, double[] out) {
        if (JitWarmup.ready()) {
            tanhVector(a, out);
        } else {
            scalar(a, out, 0, a.length, TANH);
        }
    }

    /** The vector path of {@link #tanh(double[], double[])}. */
    static void tanhVector(double[] a, double[] out) {
        int bound = S.loopBound(a.length);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            if (x.test(VectorOperators.IS_NAN).anyTrue()) {
                scalar(a, out, i, i + L, TANH);
                continue;
            }
            tanh(x).intoArray(out, i);
        }
        scalar(a, out, i, a.length, TANH);
    }

    /** tanh x lane by lane (no NaN lanes). */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs().min(20.0);
        DoubleVector e = expm1(ax.add(ax));
        DoubleVector t = e.div(e.add(2.0));
        // copy the sign of x (so that tanh(−0) = −0)
        LongVector sign = x.reinterpretAsLongs().and(Long.MIN_VALUE);
        return t.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }

    /** out[i] = σ(a[i]) = 1 / (1 + e^−a[i]). */
    static void sigmoid(double[] a, double[] out) {
        if (JitWarmup.ready()) {
            sigmoidVector(a, out);
        } else {
            scalar(a, out, 0, a.length, SIGMOID);
        }
    }

    /** The vector path of {@link #sigmoid(double[], double[])}. */
    static void sigmoidVector(double[] a, double[] out) {
        int bound = S.loopBound(a.length);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            if (x.abs().compare(VectorOperators.LE, EXP_LIMIT).allTrue()) {
                DoubleVector.broadcast(S, 1.0).div(exp(x.neg()).add(1.0)).intoArray(out, i);
            } else {
                scalar(a, out, i, i + L, SIGMOID);
            }
        }
        scalar(a, out, i, a.length, SIGMOID);
    }

    /** out[i] = ln a[i]. */
    static void log(double[] a, double[] out) {
        if (JitWarmup.ready()) {
            logVector(a, out);
        } else {
            scalar(a, out, 0, a.length, LOG);
        }
    }

    /** The vector path of {@link #log(double[], double[])}. */
    static void logVector(double[] a, double[] out) {
        int bound = S.loopBound(a.length);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            // normal, positive and finite: the exponent field is neither 0 nor all ones, and the sign is +
            if (x.compare(VectorOperators.GE, Double.MIN_NORMAL).and(x.compare(VectorOperators.LE, Double.MAX_VALUE))
                    .allTrue()) {
                log(x).intoArray(out, i);
            } else {
                scalar(a, out, i, i + L, LOG);
            }
        }
        scalar(a, out, i, a.length, LOG);
    }

    /** ln x on lanes holding positive normal numbers. */
    static DoubleVector log(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(1023);
        DoubleVector f = bits.and(0x000F_FFFF_FFFF_FFFFL).or(0x3FF0_0000_0000_0000L).reinterpretAsDoubles();
        // f in [1, 2): move [√2, 2) down to [√½, 1) so that |s| ≤ 0.172
        VectorMask<Double> high = f.compare(VectorOperators.GT, 2 * SQRT_HALF);
        f = f.blend(f.mul(0.5), high);
        DoubleVector e = ((DoubleVector) exponent.convert(VectorOperators.L2D, 0))
                .blend(((DoubleVector) exponent.convert(VectorOperators.L2D, 0)).add(1.0), high);
        DoubleVector s = f.sub(1.0).div(f.add(1.0));
        DoubleVector s2 = s.mul(s);
        // 2·atanh(s) = 2s + 2s·(s²/3 + s⁴/5 + … + s²⁰/21)
        DoubleVector p = DoubleVector.broadcast(S, 1.0 / 21);
        for (int n = 19; n >= 3; n -= 2) {
            p = p.fma(s2, DoubleVector.broadcast(S, 1.0 / n));
        }
        DoubleVector twoS = s.add(s);
        DoubleVector lnf = twoS.fma(p.mul(s2), twoS);
        // ln x = e·ln2 + ln f, with ln 2 in two parts so that e·LN2_HI is exact
        return e.fma(DoubleVector.broadcast(S, LN2_LO), lnf).add(e.mul(LN2_HI));
    }

    // ---------------------------------------------------------------- the same formulas, one element at a time

    /**
     * One element through exactly the vector formulas' operations (IEEE add, multiply, divide and fused
     * multiply-add round the same in a lane and in a scalar), so it gives the vector path's bits; and the
     * {@link Math} definition outside their ranges. Used at the edges of arrays, for chunks holding a special
     * value, and until the JIT has compiled the vector code ({@link JitWarmup}).
     */
    static double scalar(int function, double x) {
        return switch (function) {
            case EXP -> Math.abs(x) <= EXP_LIMIT ? expFormula(x) : Math.exp(x);
            case TANH -> Double.isNaN(x) ? x : tanhFormula(x);
            case SIGMOID -> Math.abs(x) <= EXP_LIMIT ? 1.0 / (expFormula(-x) + 1.0) : 1.0 / (1.0 + Math.exp(-x));
            default -> x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE ? logFormula(x) : Math.log(x);
        };
    }

    static final int EXP = 0;
    static final int TANH = 1;
    static final int SIGMOID = 2;
    static final int LOG = 3;

    private static void scalar(double[] a, double[] out, int from, int to, int function) {
        for (int i = from; i < to; i++) {
            out[i] = scalar(function, a[i]);
        }
    }

    private static double seriesTail(double r) {
        double p = INV_FACTORIAL[11];
        for (int i = 10; i >= 0; i--) {
            p = Math.fma(p, r, INV_FACTORIAL[i]);
        }
        return p * r * r;
    }

    private static double expFormula(double x) {
        double t = Math.fma(x, LOG2E, ROUNDER);
        double k = t - ROUNDER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - ROUNDER_BITS + 1023) << 52);
        return (seriesTail(r) + r + 1.0) * scale;
    }

    private static double expm1Formula(double x) {
        double t = Math.fma(x, LOG2E, ROUNDER);
        double k = t - ROUNDER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - ROUNDER_BITS + 1023) << 52);
        return Math.fma(seriesTail(r) + r, scale, scale - 1.0);
    }

    private static double tanhFormula(double x) {
        double ax = Math.min(Math.abs(x), 20.0);
        double e = expm1Formula(ax + ax);
        double t = e / (e + 2.0);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | (Double.doubleToRawLongBits(x) & Long.MIN_VALUE));
    }

    private static double logFormula(double x) {
        long bits = Double.doubleToRawLongBits(x);
        double e = (double) ((bits >>> 52) - 1023);
        double f = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (f > 2 * SQRT_HALF) {
            f = f * 0.5;
            e = e + 1.0;
        }
        double s = (f - 1.0) / (f + 1.0);
        double s2 = s * s;
        double p = 1.0 / 21;
        for (int n = 19; n >= 3; n -= 2) {
            p = Math.fma(p, s2, 1.0 / n);
        }
        double twoS = s + s;
        double lnf = Math.fma(twoS, p * s2, twoS);
        return Math.fma(e, LN2_LO, lnf) + e * LN2_HI;
    }
}
