package dev.backprop.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A cell that failed, told the way a student reads it: the exception's name and message, and the line of the cell
 * it came from, instead of JShell's wrapper classes and reflection frames. Jupyter shows {@link #traceback()}.
 */
final class CellError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String ename;
    private final transient List<String> traceback;

    CellError(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    /** The error's name, e.g. {@code IllegalArgumentException}, or {@code CompileError}. */
    String ename() {
        return ename;
    }

    /** The error's message. */
    String evalue() {
        return getMessage() == null ? "" : getMessage();
    }

    /** What Jupyter shows under the cell, one line each. */
    List<String> traceback() {
        return traceback;
    }

    /** The code of the cell does not compile: each error with its line of the cell, the line, and a caret. */
    static CellError compileError(JShell jshell, Cell cell, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : jshell.diagnostics(snippet).filter(Diag::isError).toList()) {
            int line = cell.lineOfPosition(snippet.id(), snippet.source(), d.getStartPosition());
            List<String> message = d.getMessage(Locale.ROOT).lines().filter(l -> !l.strip().startsWith("location:"))
                    .toList();
            String headline = (line > 0 ? "line " + line + ": " : "") + message.get(0);
            if (first == null) {
                first = headline;
            }
            lines.add("Compile error on " + headline);
            message.stream().skip(1).forEach(l -> lines.add("    " + l.strip()));
            if (line > 0) {
                lines.add("    " + cell.text(line));
            }
        }
        if (first == null) {
            first = "the snippet '" + snippet.source().strip() + "' was rejected";
            lines.add("Compile error: " + first);
        }
        return new CellError("CompileError", first, lines);
    }

    /** A declaration uses a name that no cell has defined (yet). */
    static CellError unresolved(JShell jshell, Cell cell, Snippet snippet, List<String> missing) {
        int line = cell.line(snippet.id(), 1);
        String message = (line > 0 ? "line " + line + ": " : "") + "uses " + String.join(", ", missing)
                + ", which no cell has defined yet (run the cells above first)";
        return new CellError("UnresolvedReference", message, List.of("UnresolvedReference on " + message));
    }

    /**
     * The code ran and threw: the exception, where it was thrown, and each line of this cell on the way, or of an
     * earlier cell ({@code cellOfSnippet} tells which cell each snippet was cut from).
     */
    static CellError thrown(JShell jshell, Cell cell, Map<String, Cell> cellOfSnippet, JShellException e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            Snippet snippet = unresolved.getSnippet();
            return unresolved(jshell, cell, snippet, jshell.unresolvedDependencies(unresolved.getSnippet()).toList());
        }
        EvalException thrown = (EvalException) e;
        if (CellExecutionControl.INTERRUPTED.equals(thrown.getExceptionClassName())) {
            return new CellError("KeyboardInterrupt", "the cell was interrupted",
                    List.of("KeyboardInterrupt: the cell was interrupted; what it had computed before stays defined"));
        }
        String name = simpleName(thrown.getExceptionClassName());
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(name + (message.isEmpty() ? "" : ": " + message));
        lines.addAll(where(jshell, cell, cellOfSnippet, thrown.getStackTrace()));
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            String causeName = cause instanceof EvalException ee ? simpleName(ee.getExceptionClassName())
                    : cause.getClass().getSimpleName();
            lines.add("Caused by " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            lines.addAll(where(jshell, cell, cellOfSnippet, cause.getStackTrace()));
        }
        return new CellError(name, message, lines);
    }

    /**
     * The frames a student needs: where the exception was thrown when that is in the engine or the JDK, then each
     * frame of snippet code (its file name is JShell's {@code #id}, its line a line of that snippet), as a line of
     * this cell or as a line of a method an earlier cell defined (with that cell's {@code [n]} where Jupyter ran it).
     */
    private static List<String> where(JShell jshell, Cell cell, Map<String, Cell> cellOfSnippet,
            StackTraceElement[] frames) {
        List<String> lines = new ArrayList<>();
        if (frames.length > 0 && !isSnippet(frames[0])) {
            lines.add("    thrown in " + frames[0]);
        }
        for (StackTraceElement frame : frames) {
            if (!isSnippet(frame)) {
                continue;
            }
            String id = frame.getFileName().substring(1);
            int line = cell.line(id, frame.getLineNumber());
            if (line > 0) {
                lines.add("    at line " + line + " of this cell: " + cell.text(line).strip());
                continue;
            }
            boolean declared = jshell.snippets().anyMatch(s -> s.id().equals(id) && s.kind() == Snippet.Kind.METHOD);
            String in = "    in " + (declared ? frame.getMethodName() + "(...), " : "");
            Cell earlier = cellOfSnippet.get(id);
            int earlierLine = earlier == null ? -1 : earlier.line(id, frame.getLineNumber());
            if (earlierLine > 0) {
                lines.add(in + "line " + earlierLine + " of " + (earlier.number() > 0 ? "cell [" + earlier.number()
                        + "]" : "an earlier cell") + ": " + earlier.text(earlierLine).strip());
            } else {
                lines.add(in + "line " + frame.getLineNumber() + " of a snippet an earlier cell defined");
            }
        }
        return lines;
    }

    private static boolean isSnippet(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
