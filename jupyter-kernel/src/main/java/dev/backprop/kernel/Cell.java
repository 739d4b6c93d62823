package dev.backprop.kernel;

import java.util.HashMap;
import java.util.Map;

/**
 * The code of a cell and where each of its snippets starts in it, so that a line of a snippet (which is what JShell
 * reports) can be told as a line of the cell (which is what the student sees): line {@code n} of a snippet is line
 * {@code first + n - 1} of the cell, where {@code first} is the cell's line the snippet starts on.
 */
final class Cell {

    private final String code;
    private final int number;
    private final Map<String, Integer> firstLine = new HashMap<>();

    /**
     * A cell with the code {@code code}; {@code number} is its execution count, the {@code [n]} Jupyter shows next to
     * it, or 0 where there is none (a cell run without Jupyter).
     */
    Cell(String code, int number) {
        this.code = code;
        this.number = number;
    }

    String code() {
        return code;
    }

    /** The cell's execution count, as Jupyter shows it next to the cell, or 0. */
    int number() {
        return number;
    }

    /**
     * Records that the snippet {@code id} was cut from the cell starting at character {@code start}: the snippet's
     * line 1 (as JShell counts its lines) is the cell's line of that character.
     */
    void snippetAt(String id, int start) {
        firstLine.put(id, lineOf(code, start) + 1);
    }

    /** The 1-based line of this cell that line {@code snippetLine} (1-based) of snippet {@code id} is, or -1. */
    int line(String id, int snippetLine) {
        Integer first = firstLine.get(id);
        return first == null || snippetLine <= 0 ? -1 : first + snippetLine - 1;
    }

    /** The 1-based line of this cell that character {@code position} of snippet {@code id} ({@code source}) is on. */
    int lineOfPosition(String id, String source, long position) {
        return position < 0 ? -1 : line(id, lineOf(source, (int) Math.min(position, source.length())) + 1);
    }

    /** The text of 1-based line {@code line} of the cell, or "". */
    String text(int line) {
        return line < 1 ? "" : code.lines().skip(line - 1L).findFirst().orElse("");
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
