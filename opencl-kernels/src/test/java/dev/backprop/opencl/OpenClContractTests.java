package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The CPU backend's contract suite, rerun on OpenCL in one precision and residency, within its tolerance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenClContractTests extends BackendContractTests {

    private final Precision precision;
    private final Residency residency;
    private OpenClTestSupport opencl;

    OpenClContractTests(Precision precision, Residency residency) {
        this.precision = precision;
        this.residency = residency;
    }

    @BeforeAll
    void start() {
        opencl = OpenClTestSupport.start(precision, residency);
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
