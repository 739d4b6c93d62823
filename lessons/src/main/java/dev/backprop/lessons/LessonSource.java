package dev.backprop.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's own source file, read from the class path (the build packages each {@code *Lesson.java} beside its
 * class), cut into steps at each {@code log.step(} call: the code a notebook cell shows for that step.
 */
public final class LessonSource {

    private static final String STEP_CALL = "log.step(";
    /** The {@link Lesson} methods, which a notebook does not need: the rest of a lesson class is its helpers. */
    private static final List<String> LESSON_METHODS = List.of("public int number()", "public String name()",
            "public String title()", "public void run(LessonLog log)");

    /** The code of one step: its title and the statements after its {@code log.step(...)} call, dedented. */
    public record StepSource(String title, String code) {
    }

    private LessonSource() {
    }

    /** The whole source file of a lesson class. */
    public static String of(Lesson lesson) {
        String resource = "/" + lesson.getClass().getName().replace('.', '/') + ".java";
        try (InputStream in = lesson.getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the source of " + lesson.getClass().getSimpleName()
                        + " is not on the class path (" + resource + "); rebuild the lessons module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps of the lesson's {@code run} method, in order. */
    public static List<StepSource> stepSources(Lesson lesson) {
        return split(of(lesson));
    }

    /** The lesson file's {@code import} lines, in order: what its steps' code needs besides its own package. */
    public static List<String> imports(Lesson lesson) {
        return of(lesson).lines().filter(line -> line.startsWith("import ")).toList();
    }

    /**
     * The lesson class's members other than the {@link Lesson} methods ({@code number}, {@code name}, {@code title},
     * {@code run}), dedented: the helpers and constants its steps use (e.g. {@code plotActivation}), which a notebook
     * declares in its setup cell so that each step's cell can use them.
     */
    public static String helpers(Lesson lesson) {
        return helpers(of(lesson));
    }

    static String helpers(String source) {
        int classAt = nextCode(source, 0, source.length(), "class ");
        if (classAt < 0) {
            throw new IllegalArgumentException("no class in the lesson source");
        }
        int bodyStart = source.indexOf('{', classAt);
        int bodyEnd = matching(source, bodyStart, '{', '}');
        StringBuilder members = new StringBuilder(source.substring(bodyStart + 1, bodyEnd));
        for (String method : LESSON_METHODS) {
            int at = nextCode(members.toString(), 0, members.length(), method);
            if (at < 0) {
                continue;
            }
            int start = lineStart(members.toString(), at);
            int annotation = members.lastIndexOf("@Override", start);
            if (annotation >= 0 && members.substring(annotation, start).strip().equals("@Override")) {
                start = lineStart(members.toString(), annotation);
            }
            int end = matching(members.toString(), members.indexOf("{", at), '{', '}') + 1;
            members.delete(start, end);
        }
        return dedent(members.toString()).replaceAll("\n{3,}", "\n\n");
    }

    /** Cuts a lesson's source into steps; the last step ends where the {@code run} method does. */
    static List<StepSource> split(String source) {
        int run = source.indexOf("public void run(LessonLog log)");
        if (run < 0) {
            throw new IllegalArgumentException("no 'public void run(LessonLog log)' in the lesson source");
        }
        int bodyStart = source.indexOf('{', run);
        int bodyEnd = matching(source, bodyStart, '{', '}');
        List<Integer> starts = new ArrayList<>();
        int at = bodyStart;
        while ((at = nextCode(source, at, bodyEnd, STEP_CALL)) >= 0) {
            starts.add(at);
            at += STEP_CALL.length();
        }
        List<StepSource> steps = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int callStart = starts.get(k);
            int openParen = callStart + STEP_CALL.length() - 1;
            int closeParen = matching(source, openParen, '(', ')');
            String title = stringLiteral(source, openParen + 1);
            int codeStart = source.indexOf('\n', source.indexOf(';', closeParen)) + 1;
            int codeEnd = k + 1 < starts.size() ? lineStart(source, starts.get(k + 1)) : lineStart(source, bodyEnd);
            steps.add(new StepSource(title, dedent(source.substring(Math.min(codeStart, codeEnd), codeEnd))));
        }
        return steps;
    }

    private static int lineStart(String s, int index) {
        return s.lastIndexOf('\n', index - 1) + 1;
    }

    /** The first occurrence of {@code needle} in code (not in a string, text block, char or comment) in [from, to). */
    private static int nextCode(String s, int from, int to, String needle) {
        for (int i = from; i < to; i++) {
            int skip = skipLiteral(s, i);
            if (skip != i) {
                i = skip - 1;
            } else if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket that closes the one at {@code open}, skipping literals and comments. */
    private static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            int skip = skipLiteral(s, i);
            if (skip != i) {
                i = skip - 1;
                continue;
            }
            char c = s.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced '" + opening + "' at offset " + open + " of the lesson source");
    }

    /** If a literal or comment starts at i, the index just after it; else i. */
    private static int skipLiteral(String s, int i) {
        if (s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            while (end > 0 && s.charAt(end - 1) == '\\') {
                end = s.indexOf("\"\"\"", end + 1);
            }
            return end + 3;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (s.charAt(j) != c) {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        if (s.startsWith("//", i)) {
            return s.indexOf('\n', i);
        }
        if (s.startsWith("/*", i)) {
            return s.indexOf("*/", i) + 2;
        }
        return i;
    }

    /** The string literal (a plain one) starting at or after {@code from}. */
    private static String stringLiteral(String s, int from) {
        int open = s.indexOf('"', from);
        return s.substring(open + 1, skipLiteral(s, open) - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String dedent(String code) {
        String[] lines = code.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString().strip();
    }
}
