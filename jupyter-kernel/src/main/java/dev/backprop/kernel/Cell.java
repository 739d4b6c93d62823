package dev.backprop.kernel;

import java.util.HashMap;
import java.util.Map;

/**
 * The code of the cell being executed and where each of its snippets starts in it, so that a line of a snippet
 * (which is what JShell reports) can be told as a line of the cell (which is what the student sees).
 */
final class Cell {

    private final String code;
    private final Map<String, Integer> lineBase = new HashMap<>();

    Cell(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * Records that the snippet {@code id}, whose source is {@code source}, was cut from the cell starting at
     * {@code offset}: its first non-blank line (JShell's line 1 of the snippet) is the first line at or after the
     * offset that holds the same text.
     */
    void snippetAt(String id, String source, int offset) {
        String firstLine = source.stripLeading().lines().findFirst().orElse("").strip();
        int found = firstLine.isEmpty() ? -1 : code.indexOf(firstLine, offset);
        lineBase.put(id, lineOf(found >= 0 ? found : offset));
    }

    /** The 1-based line of this cell that line {@code snippetLine} (1-based) of snippet {@code id} is, or -1. */
    int line(String id, int snippetLine) {
        Integer base = lineBase.get(id);
        return base == null || snippetLine <= 0 ? -1 : base + snippetLine;
    }

    /** The 1-based line of this cell that character {@code position} of snippet {@code id} is on, or -1. */
    int lineOfPosition(String id, String source, long position) {
        int leadingLines = lineOf(source, source.length() - source.stripLeading().length());
        return position < 0 ? -1
                : line(id, lineOf(source, (int) Math.min(position, source.length())) - leadingLines + 1);
    }

    /** The text of 1-based line {@code line} of the cell, or "". */
    String text(int line) {
        return line < 1 ? "" : code.lines().skip(line - 1L).findFirst().orElse("");
    }

    private int lineOf(int position) {
        return lineOf(code, position);
    }

    /** 0-based line of {@code position} in {@code s}. */
    private static int lineOf(String s, int position) {
        int lines = 0;
        for (int i = 0; i < position && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
