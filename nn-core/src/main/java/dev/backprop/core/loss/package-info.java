/** The losses of the <i>Multi-layer Perceptron</i> deck, each with its value and its gradient with respect to the prediction, as Keras has them. */
package dev.backprop.core.loss;
