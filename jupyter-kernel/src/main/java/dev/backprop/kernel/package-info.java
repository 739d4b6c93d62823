/** A Jupyter kernel for the workshop: JShell with the engine and the lessons on its class path. */
package dev.backprop.kernel;
