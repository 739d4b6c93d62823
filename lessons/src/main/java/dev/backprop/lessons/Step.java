package dev.backprop.lessons;

/**
 * One step of a lesson: its position (from 1), title, and explanation in Markdown with formulas between
 * {@code $…$} in the workshop's notation.
 */
public record Step(int index, String title, String explanation) {
}
