package dev.backprop.exercises.sets;

import dev.backprop.core.model.DeepNetwork.DeepParameters;

/** What an optimizer's update returns: the new parameters, and its updated state v (and s for Adam, else null). */
public record OptimizerStep(DeepParameters parameters, Moments v, Moments s) {
}
