package dev.backprop.exercises;

import java.util.function.Function;

/**
 * A common mistake the grader recognises: what the function returns when the mistake is made, computed from the
 * same inputs, and the diagnosis to print when the student's result matches it.
 */
public record Mistake(String diagnosis, Function<Object[], Object> result) {
}
