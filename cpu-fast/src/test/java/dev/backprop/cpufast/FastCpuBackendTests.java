package dev.backprop.cpufast;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;

/** The backend contract on the fast CPU backend, two threads, against the suite's reference loops. */
class FastCpuBackendTests extends BackendContractTests {

    private static final Backend BACKEND = FastCpuBackend.withThreads(2);

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    /** Sums in another order with fused multiply-adds, and tanh/σ/exp/ln within 3 ulp of {@code Math}. */
    @Override
    protected double tolerance() {
        return 1e-14;
    }
}
