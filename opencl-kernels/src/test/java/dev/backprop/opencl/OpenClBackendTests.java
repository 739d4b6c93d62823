package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on OpenCL in fp64, data on the device: the CPU suite, rerun. */
class OpenClBackendTests extends BackendContractTests {

    private static OpenClBackend opencl;

    @BeforeAll
    static void start() {
        opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.DEVICE_RESIDENT);
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
