package dev.backprop.exercises.notebook;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where {@link Worksheets#check} finds the methods a notebook defines: the kernel the notebook runs in registers a
 * source, which gives, by method name, the newest text the notebook's cells declared that method with (also when
 * that text did not compile, so that the grader reports the compiler's message). Cells run in the kernel's JVM, so
 * the kernel and the cells share this registry; one kernel runs per JVM, and the last one registered counts.
 */
public final class NotebookSources {

    private static volatile Supplier<Map<String, String>> source;

    private NotebookSources() {
    }

    /** The kernel's methods from now on: {@code methods} is asked at each {@code check}, from the cell's thread. */
    public static synchronized void use(Supplier<Map<String, String>> methods) {
        source = methods;
    }

    /** Forgets {@code methods}, when they are the ones in use (their kernel shuts down). */
    public static synchronized void stopUsing(Supplier<Map<String, String>> methods) {
        if (source == methods) {
            source = null;
        }
    }

    /** The methods the notebook defines now, by name; empty when no kernel registered a source. */
    static Optional<Map<String, String>> methods() {
        Supplier<Map<String, String>> s = source;
        return s == null ? Optional.empty() : Optional.of(Map.copyOf(s.get()));
    }
}
