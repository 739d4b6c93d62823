package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on OpenCL in fp64, copying every operand to the device and back for each operation (no buffer may outlive its operation). */
class OpenClCopyPerOperationTests extends BackendContractTests {

    private static OpenClBackend opencl;

    @BeforeAll
    static void start() {
        opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.COPY_PER_OPERATION);
    }

    @AfterAll
    static void stop() {
        if (opencl != null) {
            opencl.close();
        }
    }

    @Override
    protected Backend backend() {
        return opencl;
    }

    @Override
    protected double tolerance() {
        return Precision.FP64.tolerance();
    }

    @Override
    protected long liveAllocations() {
        return opencl.liveBuffers();
    }
}
