package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.DeviceLikeBackend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * MatrixScope closed out of order or on another thread: nothing leaks, nothing stale stays on the stack. A released
 * matrix, and every view of it, refuses to be read; a view releases nothing.
 */
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

    @Test
    void aReleasedMatrixAndItsViewsRefuseToBeReadAndAViewReleasesNothing() {
        Matrix a = device.full(2, 3, 1.0);
        Matrix view = a.T();
        view.release();
        assertThat(device.liveBuffers()).as("a view owns nothing").isEqualTo(1);
        a.release();
        a.release();   // the device-like backend throws on a second release of a buffer: it never sees one
        assertThat(device.liveBuffers()).isZero();
        assertThatThrownBy(a::toArray).isInstanceOf(IllegalStateException.class)
                .hasMessage("a (2,3) matrix used after it was released (its MatrixScope closed, or release() was "
                        + "called): keep it with scope.keep(...) to use it later");
        assertThatThrownBy(view::toArray).isInstanceOf(IllegalStateException.class)
                .as("a view names the matrix that was released").hasMessage("a (2,3) matrix used after it was released (its MatrixScope closed, or release() was "
                        + "called): keep it with scope.keep(...) to use it later");
    }

    @Test
    void aMatrixIsTheScopesUntilKeptOutOfTheOutermostOne() {
        Matrix outside = device.full(1, 1, 0.0);
        assertThat(outside.madeInScope()).isFalse();
        try (MatrixScope outer = MatrixScope.open()) {
            Matrix toOuter;
            Matrix toCaller;
            try (MatrixScope inner = MatrixScope.open()) {
                toOuter = inner.keep(device.full(1, 1, 1.0));
                assertThat(toOuter.madeInScope()).isTrue();
            }
            assertThat(toOuter.madeInScope()).as("kept into the enclosing scope: still a scope's").isTrue();
            toCaller = outer.keep(toOuter);
            assertThat(toCaller.madeInScope()).as("kept out of the outermost scope: the caller's").isFalse();
            assertThat(Matrix.of(1, 1, 2.0).to(device).madeInScope()).as("uploaded in a scope").isTrue();
        }
        outside.release();
    }
}
