package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on OpenCL in fp32 (float), data on the device, within the fp32 tolerance. */
class OpenClFp32BackendTests extends BackendContractTests {

    private static OpenClTestSupport opencl;

    @BeforeAll
    static void start() {
        opencl = OpenClTestSupport.start(Precision.FP32, Residency.DEVICE_RESIDENT);
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
        return Precision.FP32.tolerance();
    }

    @Override
    protected long liveAllocations() {
        return opencl.backend().liveBuffers();
    }
}
