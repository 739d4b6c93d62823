/** Numerical gradient checks: the test every backward pass must pass. */
package dev.backprop.core.gradcheck;
