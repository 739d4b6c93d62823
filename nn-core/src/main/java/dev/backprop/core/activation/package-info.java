/** Activation functions g(Z) of the <i>Multi-layer Perceptron</i> deck, each with its derivative beside it, computed with Matrix operations. */
package dev.backprop.core.activation;
