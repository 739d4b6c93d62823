package dev.backprop.exercises.sets;

import dev.backprop.exercises.ExerciseSet;
import java.util.List;

/** Every exercise set, in workshop order. */
public final class Sets {

    private Sets() {
    }

    /** The sets, numbered as in the workshop. */
    public static List<ExerciseSet> all() {
        return List.of(ActivationsSet.set(), TwoLayerSet.set(), LossesSet.set(), DeepSet.set(), GradientCheckSet.set(), OptimizationSet.set(), RegularizationSet.set(), EvaluationSet.set());
    }

    /** The set with this name or number, or null. */
    public static ExerciseSet find(String nameOrNumber) {
        for (ExerciseSet s : all()) {
            if (s.name().equals(nameOrNumber) || String.valueOf(s.number()).equals(nameOrNumber)) {
                return s;
            }
        }
        return null;
    }
}
