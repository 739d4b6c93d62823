package dev.backprop.opencl;

/** The backend contract on OpenCL in fp32 (float), data on the device, within the fp32 tolerance. */
class OpenClFp32BackendTests extends OpenClContractTests {

    OpenClFp32BackendTests() {
        super(Precision.FP32, Residency.DEVICE_RESIDENT);
    }
}
