package dev.backprop.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method of an exercise class as a notebook cell, and back. In the class it is {@code public static} and indented
 * inside the class body; in the notebook's kernel (JShell) a method is declared at the top level, where
 * {@code static} means nothing (JShell warns about it), so the cell holds it without those modifiers and without
 * the indent. The grader puts them back to compile the cells as the exercise class.
 */
public final class MethodCell {

    /** The modifiers a class method has and a top-level JShell method does without. */
    private static final String CLASS_MODIFIERS = "public static ";
    private static final Pattern MODIFIERS =
            Pattern.compile("^(?:(?:public|protected|private|static|final|synchronized)\\s+)+");
    /** A method declaration's head: type, name, parenthesis. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|synchronized|@\\w+(?:\\([^)]*\\))?)\\s+)*"
                    + "(?:<[^>]*>\\s*)?([\\w.$]+(?:<[\\w.$<>,? \\[\\]]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*\\(");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Set<String> NOT_TYPES = Set.of("return", "new", "throw", "else", "case", "yield");

    private MethodCell() {
    }

    /** The cell for a method of the class source {@code lines}: its Javadoc and code, as JShell declares it. */
    public static String of(List<String> lines, SourceMethods.Method method) {
        List<String> cell = new ArrayList<>();
        for (int i = method.first(); i <= method.last(); i++) {
            String line = dedent(lines.get(i), 4);
            if (i == method.declaration()) {
                line = line.replaceFirst("^" + CLASS_MODIFIERS, "");
            } else if (i > method.declaration() && i <= method.body()) {
                line = dedent(line, CLASS_MODIFIERS.length());   // a wrapped signature, aligned under its '('
            }
            cell.add(line);
        }
        return String.join("\n", cell);
    }

    /**
     * The method a cell declares, as a member of the exercise class: {@code public static} (instead of whatever
     * modifiers the cell wrote) and indented by four spaces. The cell's lines stay lines, so a line of the cell is a
     * line of the class.
     */
    public static String toClassMember(String cell) {
        List<String> lines = new ArrayList<>(cell.lines().toList());
        int[] code = firstCode(lines);
        if (code != null) {
            String line = lines.get(code[0]);
            lines.set(code[0], line.substring(0, code[1]) + CLASS_MODIFIERS
                    + MODIFIERS.matcher(line.substring(code[1])).replaceFirst(""));
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : "    " + line).append('\n');
        }
        return out.toString();
    }

    /**
     * The name of the method a cell declares, read from its text alone; for a cell the kernel could not parse as a
     * declaration (a syntax error), so that the grader still grades, and reports, what the student wrote.
     */
    public static Optional<String> name(String cell) {
        String code = COMMENTS.matcher(cell).replaceAll(" ").replaceAll("\\s+", " ").strip();
        Matcher m = DECLARATION.matcher(code);
        return m.find() && !NOT_TYPES.contains(m.group(1)) ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** Where the first code (neither blank nor comment) is: {line, column}, or null. */
    private static int[] firstCode(List<String> lines) {
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = 0;
            while (at < line.length()) {
                if (inComment) {
                    int end = line.indexOf("*/", at);
                    if (end < 0) {
                        break;
                    }
                    inComment = false;
                    at = end + 2;
                } else if (Character.isWhitespace(line.charAt(at))) {
                    at++;
                } else if (line.startsWith("//", at)) {
                    break;
                } else if (line.startsWith("/*", at)) {
                    inComment = true;
                    at += 2;
                } else {
                    return new int[] {i, at};
                }
            }
        }
        return null;
    }

    private static String dedent(String line, int columns) {
        int spaces = 0;
        while (spaces < columns && spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return line.substring(spaces);
    }
}
