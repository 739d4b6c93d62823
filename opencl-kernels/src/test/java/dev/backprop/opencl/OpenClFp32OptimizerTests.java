package dev.backprop.opencl;

/** The optimizers on OpenCL in single precision. */
class OpenClFp32OptimizerTests extends OpenClOptimizerTests {

    OpenClFp32OptimizerTests() {
        super(Precision.FP32);
    }
}
