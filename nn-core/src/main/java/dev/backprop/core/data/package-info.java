/** Data sets of the workshop, generated draw for draw as its numpy code does. */
package dev.backprop.core.data;
