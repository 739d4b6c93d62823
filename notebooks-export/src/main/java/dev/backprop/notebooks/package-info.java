/** Lessons as Jupyter notebooks (nbformat 4.5): each step's explanation, its Java source, and what it printed and plotted. */
package dev.backprop.notebooks;
