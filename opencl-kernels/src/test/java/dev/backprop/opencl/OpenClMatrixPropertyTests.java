package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.MatrixPropertyTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The property test (NaN, ±∞, empty, huge and mismatched inputs against numpy) rerun on OpenCL, in fp64 with the data
 * on the device; fp32 cannot hold the test's 1e308 and 5e-324, so it is not run there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenClMatrixPropertyTests extends MatrixPropertyTests {

    private OpenClTestSupport opencl;

    @BeforeAll
    void start() {
        opencl = OpenClTestSupport.start(Precision.FP64, Residency.DEVICE_RESIDENT);
    }

    @AfterAll
    void stop() {
        opencl.close();
    }

    @Override
    protected Backend backend() {
        return opencl.backend();
    }

    @Override
    protected double tolerance() {
        return Precision.FP64.tolerance();
    }

    @Override
    protected long liveAllocations() {
        return opencl.backend().liveBuffers();
    }
}
