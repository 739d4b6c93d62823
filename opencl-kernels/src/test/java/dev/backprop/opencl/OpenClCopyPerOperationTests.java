package dev.backprop.opencl;

/** The backend contract on OpenCL in fp64, copying every operand to the device and back for each operation (no buffer may outlive its operation). */
class OpenClCopyPerOperationTests extends OpenClContractTests {

    OpenClCopyPerOperationTests() {
        super(Precision.FP64, Residency.COPY_PER_OPERATION);
    }
}
