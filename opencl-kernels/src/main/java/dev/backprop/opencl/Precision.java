package dev.backprop.opencl;

import dev.backprop.core.matrix.BackendUnavailableException;
import java.util.Locale;

/**
 * The floating-point type the kernels compute in ({@code real} in the {@code .cl} files), and how closely the
 * results follow the CPU backend.
 *
 * <p>Tolerance: for every element, |device − cpu| ≤ {@link #tolerance()} · (1 + S), where S is the sum of the
 * absolute values of the terms that made the element: Σ_k |a_ik·b_kj| for a matrix product, Σ |a_i| for a sum, and
 * |cpu| for an elementwise function. A sum carries the rounding error of its additions in proportion to S, not to
 * its (possibly cancelled) value; an elementwise function is close in relative terms.
 */
public enum Precision {

    /**
     * {@code double}, where the device has {@code cl_khr_fp64}. Tolerance 1e-12: the OpenCL built-ins (exp, tanh,
     * pow...) are within a few ulp (2⁻⁵² ≈ 2.2e-16) of Java's, and a sum of n terms may be added in another order
     * (about n·2⁻⁵³·S in the worst case).
     */
    FP64("fp64", 8, "-DFP64", 1e-12),

    /**
     * {@code float}, for devices without double precision or on request. Tolerance 1e-5: every input is rounded to
     * 24 bits (2⁻²⁴ ≈ 6e-8 relative), and a sum of n terms gathers up to n·6e-8·S.
     */
    FP32("fp32", 4, "", 1e-5);

    private final String label;
    private final int bytes;
    private final String buildOption;
    private final double tolerance;

    Precision(String label, int bytes, String buildOption, double tolerance) {
        this.label = label;
        this.bytes = bytes;
        this.buildOption = buildOption;
        this.tolerance = tolerance;
    }

    /** {@code fp64} or {@code fp32}, as {@code -Dbackprop.opencl.precision} spells it. */
    public String label() {
        return label;
    }

    /** The size of one element on the device. */
    public int bytes() {
        return bytes;
    }

    /** What the kernels are built with: {@code -DFP64} makes {@code real} a {@code double}. */
    String buildOption() {
        return buildOption;
    }

    /** The relative tolerance against the CPU backend, as the class comment defines it. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * {@code fp64} or {@code fp32} (also {@code double}, {@code float}); {@code null}, blank or {@code auto} gives
     * {@code null}: the best the device has.
     *
     * @throws BackendUnavailableException for anything else, naming what is accepted
     */
    public static Precision parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fp64", "double", "f64" -> FP64;
            case "fp32", "float", "single", "f32" -> FP32;
            default -> throw new BackendUnavailableException("OpenCL precision '" + text
                    + "' is unknown: use -D" + OpenClBackendProvider.PRECISION_PROPERTY + "=fp64, fp32 or auto");
        };
    }
}
