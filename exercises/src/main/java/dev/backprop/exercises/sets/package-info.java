/** The exercise sets: for each graded function its seeded inputs, known mistakes, hints and formula. */
package dev.backprop.exercises.sets;
