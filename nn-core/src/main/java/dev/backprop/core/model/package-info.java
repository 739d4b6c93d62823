/**
 * The workshop's networks as its numpy functions: the two-layer network of "The Algorithm", the L-layer network,
 * and the Deep Learning Specialization's optimization and regularization assignments.
 */
package dev.backprop.core.model;
