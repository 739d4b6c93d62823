/** Activation functions g(Z) of seed 002, each with its derivative beside it, computed with Matrix operations. */
package dev.backprop.core.activation;
