package dev.backprop.opencl;

/**
 * The matrix-product kernels of {@code matmul.cl}, in teaching order. {@link OpenClBackend#matmul(
 * dev.backprop.core.matrix.Matrix, dev.backprop.core.matrix.Matrix)} picks one by size; benchmarks and tests name
 * one with {@link OpenClBackend#matmul(dev.backprop.core.matrix.Matrix, dev.backprop.core.matrix.Matrix,
 * MatmulKernel)}.
 */
public enum MatmulKernel {

    /** Kernel 1: one work-item per element of C, reading straight from global memory. */
    NAIVE("matmul1_naive"),

    /** Kernel 2: TS×TS tiles of A and B shared through local memory by a TS×TS work-group. */
    TILED("matmul2_tiled"),

    /** Kernel 3: tiles in local memory, and each work-item computes WPTM×WPTN elements of C in registers. */
    REGISTER_BLOCKED("matmul3_register_blocked");

    private final String kernelName;

    MatmulKernel(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The kernel's name in {@code matmul.cl}. */
    public String kernelName() {
        return kernelName;
    }
}
