package dev.backprop.core.matrix;

/** The backend contract on the reference backend, against the suite's own hand-written loops. */
class CpuBackendTests extends BackendContractTests {

    @Override
    protected Backend backend() {
        return Backends.cpu();
    }

    /** Only the order of additions differs (numpy's pairwise sums against the suite's plain loops). */
    @Override
    protected double tolerance() {
        return 1e-14;
    }
}
