/** The workshop's networks as its numpy functions: the two-layer network of "The Algorithm" and the L-layer network. */
package dev.backprop.core.model;
