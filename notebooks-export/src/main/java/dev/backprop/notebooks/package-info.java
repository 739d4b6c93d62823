/** notebooks-export. */
package dev.backprop.notebooks;
