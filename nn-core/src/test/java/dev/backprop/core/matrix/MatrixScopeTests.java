package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.DeviceLikeBackend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** MatrixScope closed out of order or on another thread: nothing leaks, nothing stale stays on the stack. */
class MatrixScopeTests {

    private final DeviceLikeBackend device = new DeviceLikeBackend();

    @Test
    void closingAnOuterScopeFirstClosesTheInnerOnesReleasesEverythingAndThenSaysSo() {
        MatrixScope outer = MatrixScope.open();
        device.full(2, 2, 1.0);
        MatrixScope inner = MatrixScope.open();
        device.full(3, 3, 2.0);
        assertThat(device.liveBuffers()).isEqualTo(2);

        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MatrixScope closed out of order: 1 scope(s) opened inside it were still open");
        assertThat(device.liveBuffers()).as("buffers of both scopes").isZero();

        inner.close();   // already closed by the outer one: nothing to do
        device.full(1, 1, 0.0);
        assertThat(device.liveBuffers()).as("no scope left on the stack to track a new matrix").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("try")   // the scope is only opened and closed
    void aScopeClosedOnAnotherThreadReleasesItsMatricesAndIsForgottenByItsOwnThread() {
        try (MatrixScope outer = MatrixScope.open()) {
            MatrixScope inner = MatrixScope.open();
            device.full(2, 2, 1.0);
            CompletableFuture<Void> elsewhere = CompletableFuture.runAsync(inner::close);
            assertThatThrownBy(elsewhere::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("a thread that did not open it")
                    .hasMessageContaining("released");
            assertThat(device.liveBuffers()).isZero();

            device.full(3, 1, 0.0);   // belongs to the outer scope now
            assertThat(device.liveBuffers()).isEqualTo(1);
        }
        assertThat(device.liveBuffers()).as("released by the outer scope").isZero();
    }

    @Test
    @SuppressWarnings("try")   // the outer scope is only opened and closed
    void scopesClosedInOrderKeepWhatIsKept() {
        Matrix kept;
        try (MatrixScope outer = MatrixScope.open()) {
            try (MatrixScope inner = MatrixScope.open()) {
                device.full(2, 2, 1.0);
                kept = inner.keep(device.full(1, 2, 5.0));
            }
            assertThat(device.liveBuffers()).isEqualTo(1);
            assertThat(kept.toArray()).containsExactly(5.0, 5.0);
        }
        assertThat(device.liveBuffers()).isZero();
    }
}
