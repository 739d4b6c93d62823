package dev.backprop.exercises;

import java.util.List;

/** How a set did, function by function. */
public record SetResult(ExerciseSet set, List<FunctionResult> results) {

    public long passed() {
        return results.stream().filter(FunctionResult::passed).count();
    }

    /** {@code two-layer: 6/8 passed} */
    public String summary() {
        return set.name() + ": " + passed() + "/" + results.size() + " passed";
    }

    public FunctionResult result(String function) {
        return results.stream().filter(r -> r.function().equals(function)).findFirst().orElse(null);
    }
}
