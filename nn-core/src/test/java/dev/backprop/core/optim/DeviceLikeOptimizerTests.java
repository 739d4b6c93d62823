package dev.backprop.core.optim;

import dev.backprop.core.DeviceLikeBackend;
import dev.backprop.core.matrix.Backend;

/**
 * The optimizer contract on a backend that behaves like a device (buffers that must be released, no mixing with
 * CPU matrices), with the CPU's arithmetic, so every number must come out equal and every buffer be accounted for.
 */
class DeviceLikeOptimizerTests extends OptimizerContractTests {

    private final DeviceLikeBackend backend = new DeviceLikeBackend();

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected double tolerance() {
        return 0;
    }

    @Override
    protected long liveAllocations() {
        return backend.liveBuffers();
    }
}
