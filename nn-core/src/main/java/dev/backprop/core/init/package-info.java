/** Weight initialization: zeros, scaled random, He, Xavier and Glorot, drawn in numpy's order. */
package dev.backprop.core.init;
