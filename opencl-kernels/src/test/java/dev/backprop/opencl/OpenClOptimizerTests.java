package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.optim.OptimizerContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The optimizers' contract suite (every optimizer for 100 steps, its state on the device, the DLS model run),
 * rerun on OpenCL in one precision, device-resident, within the precision's tolerance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenClOptimizerTests extends OptimizerContractTests {

    private final Precision precision;
    private OpenClTestSupport opencl;

    OpenClOptimizerTests(Precision precision) {
        this.precision = precision;
    }

    @BeforeAll
    void start() {
        opencl = OpenClTestSupport.start(precision, Residency.DEVICE_RESIDENT);
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
        return precision.tolerance();
    }

    @Override
    protected long liveAllocations() {
        return opencl.backend().liveBuffers();
    }
}
