package dev.backprop.exercises;

import java.util.List;

/** How one function did: PASS, FAIL or BLOCKED, and the lines that say why. */
public record FunctionResult(String function, Status status, List<String> message) {

    public enum Status { PASS, FAIL, BLOCKED }

    public boolean passed() {
        return status == Status.PASS;
    }
}
