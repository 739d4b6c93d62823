package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on OpenCL in fp64, copying every operand to the device and back for each operation (no buffer may outlive its operation). */
class OpenClCopyPerOperationTests extends BackendContractTests {

    private static OpenClTestSupport opencl;

    @BeforeAll
    static void start() {
        opencl = OpenClTestSupport.start(Precision.FP64, Residency.COPY_PER_OPERATION);
    }

    @AfterAll
    static void stop() {
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
