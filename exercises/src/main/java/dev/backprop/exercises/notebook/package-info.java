/**
 * Grading from a notebook: {@code worksheet("SET")} and {@code check("function")}, which a worksheet's cells call
 * in the workshop's kernel, grade the methods the notebook's cells define, put back into the exercise class.
 */
package dev.backprop.exercises.notebook;
