package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every slice runs exactly once, on the caller or a worker, and a failure anywhere reaches the caller. */
class SpinningWorkersTests {

    @Test
    void everySliceRunsOnce() {
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            Runnable[] slices = new Runnable[3];
            for (int s = 0; s < slices.length; s++) {
                int slice = s;
                slices[s] = () -> runs.incrementAndGet(slice);
            }
            SpinningWorkers.run("test", slices);
            for (int s = 0; s < slices.length; s++) {
                assertThat(runs.get(s)).as("round %d, slice %d", round, s).isEqualTo(1);
            }
        }
    }

    @Test
    void aWorkersFailureNamesTheOperation() {
        Runnable[] slices = {() -> { }, () -> {
            throw new ArithmeticException("boom");
        }};
        assertThatThrownBy(() -> SpinningWorkers.run("matmul (300, 2)·(2, 400)", slices))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("matmul (300, 2)·(2, 400): a worker thread failed")
                .hasCauseInstanceOf(ArithmeticException.class);
        // the workers are still there for the next product
        everySliceRunsOnce();
    }

    @Test
    void theCallersFailureIsRethrownAfterTheWorkersFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1);
        Runnable[] slices = {() -> {
            throw new ArithmeticException("caller");
        }, () -> runs.incrementAndGet(0)};
        assertThatThrownBy(() -> SpinningWorkers.run("test", slices))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("caller");
        assertThat(runs.get(0)).isEqualTo(1);
    }
}
