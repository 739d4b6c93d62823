package dev.backprop.exercises.notebook;

import dev.backprop.exercises.MethodCell;
import dev.backprop.exercises.SourceMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise class as a notebook defines it: the stub file, with each method a cell declares replaced by the
 * cell's text (made a class member again, see {@link MethodCell#toClassMember}), and the student's own helpers that
 * those methods call added at the end. It remembers where each line came from, so that a compiler message or a
 * stack frame that names a line of the class can name the line of the cell.
 */
final class WorksheetSource {

    /** Where a line of the class came from: line {@code line} (1-based) of a method's cell, or of its stub. */
    private record Origin(String method, int line, boolean cell) {
    }

    private final String source;
    private final List<Origin> origins;

    private WorksheetSource(String source, List<Origin> origins) {
        this.source = source;
        this.origins = origins;
    }

    /** The stub's class with the methods of {@code cells} (by name) put in; cells for other names are left out. */
    static WorksheetSource of(String stub, Map<String, String> cells) {
        List<String> lines = stub.lines().toList();
        StringBuilder out = new StringBuilder();
        List<Origin> origins = new ArrayList<>();
        List<SourceMethods.Method> methods = SourceMethods.of(stub);
        int next = 0;
        for (SourceMethods.Method m : methods) {
            for (int i = next; i < m.first(); i++) {
                out.append(lines.get(i)).append('\n');
                origins.add(null);
            }
            String cell = cells.get(m.name());
            if (cell == null) {
                for (int i = m.first(); i <= m.last(); i++) {
                    out.append(lines.get(i)).append('\n');
                    origins.add(new Origin(m.name(), i - m.first() + 1, false));
                }
            } else {
                List<String> member = MethodCell.toClassMember(cell).lines().toList();
                for (int i = 0; i < member.size(); i++) {
                    out.append(member.get(i)).append('\n');
                    origins.add(new Origin(m.name(), i + 1, true));
                }
            }
            next = m.last() + 1;
        }
        int classEnd = lines.size() - 1;
        while (classEnd > next && !lines.get(classEnd).strip().equals("}")) {
            classEnd--;
        }
        for (int i = next; i < classEnd; i++) {
            out.append(lines.get(i)).append('\n');
            origins.add(null);
        }
        for (String helper : helpers(cells, methods)) {
            List<String> member = MethodCell.toClassMember(cells.get(helper)).lines().toList();
            out.append('\n');
            origins.add(null);
            for (int i = 0; i < member.size(); i++) {
                out.append(member.get(i)).append('\n');
                origins.add(new Origin(helper, i + 1, true));
            }
        }
        for (int i = Math.max(next, classEnd); i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
            origins.add(null);
        }
        return new WorksheetSource(out.toString(), origins);
    }

    /**
     * The cells' methods that the class does not have and that the class's cells call (directly, or through another
     * such helper): a student's own helpers. Other methods of the notebook, which the class does not use, stay out.
     */
    private static List<String> helpers(Map<String, String> cells, List<SourceMethods.Method> methods) {
        List<String> names = methods.stream().map(SourceMethods.Method::name).toList();
        StringBuilder calling = new StringBuilder();
        names.stream().filter(cells::containsKey).forEach(name -> calling.append(cells.get(name)).append('\n'));
        List<String> helpers = new ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Map.Entry<String, String> cell : new TreeMap<>(cells).entrySet()) {
                String name = cell.getKey();
                if (!names.contains(name) && !helpers.contains(name)
                        && Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(calling).find()) {
                    helpers.add(name);
                    calling.append(cell.getValue()).append('\n');
                    found = true;
                }
            }
        }
        return helpers;
    }

    /** The whole class, as the grader compiles it. */
    String source() {
        return source;
    }

    /**
     * The place a 1-based line of the class is, told as the student sees it: {@code line 3 of the cell of
     * sigmoidBackward}, or, for a method no cell has declared, {@code line 3 of the stub of sigmoid (no cell declares
     * it)}; null for a line outside every method.
     */
    String where(int line) {
        Origin o = line >= 1 && line <= origins.size() ? origins.get(line - 1) : null;
        if (o == null) {
            return null;
        }
        return o.cell() ? "line " + o.line() + " of the cell of " + o.method()
                : "line " + o.line() + " of the stub of " + o.method() + " (no cell declares it)";
    }

    /**
     * A grader's message with the class's lines told as cells' lines: {@code DISPLAY:57: cannot find symbol} (the
     * compiler) and {@code (ActivationsExercise.java:57)} (a stack frame) name the cell instead.
     */
    String explain(String message, String displayName, String className) {
        String compiler = replace(message, Pattern.compile(Pattern.quote(displayName) + ":(\\d+):"), "", ":");
        return replace(compiler, Pattern.compile("\\(" + Pattern.quote(className) + "\\.java:(\\d+)\\)"), "(", ")");
    }

    private String replace(String text, Pattern pattern, String before, String after) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String where = where(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(where == null ? m.group() : before + where + after));
        }
        m.appendTail(out);
        return out.toString();
    }
}
