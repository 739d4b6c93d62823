/** Random number generation that reproduces numpy's legacy {@code np.random} streams bit for bit. */
package dev.backprop.core.random;
