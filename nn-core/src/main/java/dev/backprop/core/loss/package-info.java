/** The losses of seed 002, each with its value and its gradient with respect to the prediction, as Keras has them. */
package dev.backprop.core.loss;
