package dev.backprop.opencl;

/** The optimizers on OpenCL in double precision. */
class OpenClFp64OptimizerTests extends OpenClOptimizerTests {

    OpenClFp64OptimizerTests() {
        super(Precision.FP64);
    }
}
