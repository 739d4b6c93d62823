/** The workshop's networks: the two-layer network of "The Algorithm", written as the workshop's numpy functions. */
package dev.backprop.core.model;
