package dev.backprop.core.matrix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Frees the device memory of the matrices made inside it, except those {@linkplain #keep kept}.
 *
 * <p>Departure from the workshop: numpy frees an array as soon as nothing refers to it. Java's garbage collector
 * does not know how much device memory a small {@link Matrix} object holds, so a training loop on a device wraps
 * each iteration in a scope and keeps only the new parameters:
 * <pre>{@code
 * try (MatrixScope scope = MatrixScope.open()) {
 *     ...forward, cost, backward...
 *     parameters = scope.keep(updateParameters(parameters, grads, learningRate));
 * }
 * }</pre>
 * On the reference CPU backend a scope does nothing; the fast CPU backend hands the released matrices' arrays to the
 * next ones of the same size, as numpy's allocator hands a freed array's memory to the next, while it is still in
 * the caches. Using a released matrix throws. Scopes nest per thread; a kept matrix moves to the enclosing scope.
 *
 * <p>Closing out of order: scopes are meant to close in reverse order of opening, on the thread that opened them,
 * as try-with-resources does. If an outer scope is closed while inner ones are still open, it first closes those
 * inner scopes (releasing their matrices, as their own close would), then itself, and then throws
 * {@link IllegalStateException} to report the mistake: nothing leaks and no closed scope stays on the stack. A scope
 * closed on another thread releases its matrices and throws too; the thread that opened it forgets it.
 */
public final class MatrixScope implements AutoCloseable {

    private static final ThreadLocal<Deque<MatrixScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    /** The matrices made in this scope and not kept, each once (a matrix is new when it joins). */
    private final List<Matrix> owned = new ArrayList<>();
    private boolean closed;

    private MatrixScope() {
    }

    /** Opens a scope on this thread; close it (try-with-resources) on the same thread. */
    public static MatrixScope open() {
        MatrixScope scope = new MatrixScope();
        OPEN.get().push(scope);
        return scope;
    }

    /**
     * Called for every new matrix whose backend {@linkplain Backend#needsRelease needs release}; returns whether a scope
     * took it.
     */
    static boolean track(Matrix m) {
        MatrixScope scope = current();
        if (scope == null) {
            return false;
        }
        scope.owned.add(m);
        return true;
    }

    /** The innermost open scope of this thread, forgetting scopes another thread closed. */
    private static MatrixScope current() {
        Deque<MatrixScope> stack = OPEN.get();
        while (!stack.isEmpty() && stack.peek().closed) {
            stack.pop();
        }
        return stack.peek();
    }

    /**
     * Keeps {@code m} (for a view, the matrix it shares storage with) alive past this scope and returns it. It moves
     * to the enclosing scope; where there is none it is the caller's from now on, like a matrix made outside any
     * scope, and the fast CPU backend never reuses its array.
     */
    public Matrix keep(Matrix m) {
        Matrix own = m.own();   // a view keeps the matrix whose storage it shares
        if (removeSame(owned, own)) {
            Deque<MatrixScope> stack = OPEN.get();
            boolean passedThis = false;
            for (MatrixScope s : stack) {
                if (passedThis) {
                    s.owned.add(own);
                    return m;
                }
                passedThis = s == this;
            }
            own.leaveScopes();
        }
        return m;
    }

    /** Keeps every matrix of a group (parameters, say) and returns the group. */
    public <T extends MatrixGroup> T keep(T group) {
        for (Matrix m : group.matrices()) {
            keep(m);
        }
        return group;
    }

    /**
     * Releases every matrix made in this scope and not kept; a second call does nothing.
     *
     * @throws IllegalStateException after cleaning up, when inner scopes were still open (they are closed first) or
     *                               this scope belongs to another thread (see the class comment)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        Deque<MatrixScope> stack = OPEN.get();
        if (!stack.contains(this)) {
            releaseOwned();
            throw new IllegalStateException("MatrixScope closed on a thread that did not open it; its matrices "
                    + "are released, but close a scope on the thread that opened it");
        }
        int inner = 0;
        while (stack.peek() != this) {
            MatrixScope top = stack.pop();
            if (!top.closed) {
                top.releaseOwned();
                inner++;
            }
        }
        stack.pop();
        releaseOwned();
        if (inner > 0) {
            throw new IllegalStateException("MatrixScope closed out of order: " + inner + " scope(s) opened inside "
                    + "it were still open; they are closed now and their matrices released (close scopes in "
                    + "reverse order, e.g. with try-with-resources)");
        }
    }

    /** Removes {@code m} itself (not an equal matrix) from {@code list}; the latest made are kept most often. */
    private static boolean removeSame(List<Matrix> list, Matrix m) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == m) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    private void releaseOwned() {
        closed = true;
        List<Matrix> toRelease = new ArrayList<>(owned);
        owned.clear();
        for (Matrix m : toRelease) {
            m.release();
        }
    }
}
