package dev.backprop.core.matrix;

/** The property test on the CPU backend, within a few ulps of numpy (Java's exp and tanh are not glibc's). */
class CpuMatrixPropertyTests extends MatrixPropertyTests {

    @Override
    protected Backend backend() {
        return Backends.cpu();
    }

    @Override
    protected double tolerance() {
        return 1e-15;
    }
}
