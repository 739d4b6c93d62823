/** Optimizers: how a gradient becomes a step (gradient descent, momentum, RMSProp, Adam, ...) and learning-rate schedules. */
package dev.backprop.core.optim;
