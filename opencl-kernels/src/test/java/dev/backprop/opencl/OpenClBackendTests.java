package dev.backprop.opencl;

/** The backend contract on OpenCL in fp64, data on the device: the CPU suite, rerun. */
class OpenClBackendTests extends OpenClContractTests {

    OpenClBackendTests() {
        super(Precision.FP64, Residency.DEVICE_RESIDENT);
    }
}
