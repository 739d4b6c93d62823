package dev.backprop.exercises;

import java.util.List;

/**
 * A set of exercises: its number and short name ({@code two-layer}), its title, the exercise class a student
 * edits, and its functions in dependency order.
 */
public record ExerciseSet(int number, String name, String title, String className, String introduction,
                          List<FunctionSpec> functions) {

    /** The function with this workshop or Java name, or null. */
    public FunctionSpec function(String name) {
        for (FunctionSpec f : functions) {
            if (f.workshopName().equals(name) || f.javaName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
