/** Workshop exercises: stubs generated from the reference solutions, a grader that says what is wrong, the CLI. */
package dev.backprop.exercises;
