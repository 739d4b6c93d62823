/** lessons. */
package dev.backprop.lessons;
