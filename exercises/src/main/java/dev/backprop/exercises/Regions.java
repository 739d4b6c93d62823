package dev.backprop.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marked regions of an exercise source, and the stubs generated from them.
 *
 * <p>In a reference solution a region reads
 * <pre>
 *     // SOLUTION STARTS
 *     //&gt; Matrix Z1 = null;        ← a stub line: what the student file holds instead
 *     Matrix Z1 = W1.dot(X).plus(b1);  ← the solution
 *     // SOLUTION ENDS
 * </pre>
 * and in the student file it becomes
 * <pre>
 *     // YOUR CODE STARTS HERE (≈ 1 line)
 *     Matrix Z1 = null;
 *     // YOUR CODE ENDS HERE
 * </pre>
 * The stub lines keep the student file compiling; the rest of the file is copied as it is.
 */
public final class Regions {

    static final String SOLUTION_STARTS = "// SOLUTION STARTS";
    static final String SOLUTION_ENDS = "// SOLUTION ENDS";
    static final String STUB_PREFIX = "//>";
    static final String STUDENT_STARTS = "// YOUR CODE STARTS HERE";
    static final String STUDENT_ENDS = "// YOUR CODE ENDS HERE";

    private static final Pattern METHOD = Pattern.compile("\\bstatic\\s+[\\w<>\\[\\],.? ]+?\\s+(\\w+)\\s*\\(");

    private Regions() {
    }

    /**
     * One marked region: lines {@code start} and {@code end} (0-based) are its markers, {@code method} the Java
     * method it sits in, {@code stub} its stub lines and {@code solution} its solution lines (empty in a student
     * file).
     */
    public record Region(int start, int end, String method, List<String> stub, List<String> solution) {
        /** Whether the 1-based source line falls inside this region, markers included. */
        public boolean contains(int line1) {
            return line1 - 1 >= start && line1 - 1 <= end;
        }
    }

    /** The regions of a reference solution. */
    public static List<Region> ofSolution(String source) {
        return parse(source, SOLUTION_STARTS, SOLUTION_ENDS, true);
    }

    /** The regions of a student file. */
    public static List<Region> ofStudent(String source) {
        return parse(source, STUDENT_STARTS, STUDENT_ENDS, false);
    }

    private static List<Region> parse(String source, String startMarker, String endMarker, boolean solution) {
        List<String> lines = source.lines().toList();
        List<Region> regions = new ArrayList<>();
        String method = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher m = METHOD.matcher(line);
            if (m.find() && !line.startsWith("//") && !line.startsWith("*")) {
                method = m.group(1);
            }
            if (!line.startsWith(startMarker)) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).trim().startsWith(endMarker)) {
                if (lines.get(end).trim().startsWith(startMarker)) {
                    throw new IllegalArgumentException("line " + (end + 1) + ": a region starts inside the region"
                            + " that starts on line " + (i + 1));
                }
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": '" + startMarker + "' has no '"
                        + endMarker + "'");
            }
            List<String> stub = new ArrayList<>();
            List<String> code = new ArrayList<>();
            for (int j = i + 1; j < end; j++) {
                String body = lines.get(j);
                if (solution && body.trim().startsWith(STUB_PREFIX)) {
                    String indent = body.substring(0, body.indexOf(STUB_PREFIX));
                    stub.add(indent + body.trim().substring(STUB_PREFIX.length()).stripLeading());
                } else if (solution) {
                    code.add(body);
                } else {
                    stub.add(body);
                }
            }
            regions.add(new Region(i, end, method, stub, code));
            i = end;
        }
        return regions;
    }

    /** The student file generated from a reference solution: each region's solution replaced by its stub. */
    public static String studentFile(String solutionSource) {
        return withStudentMarkers(solutionSource, false);
    }

    /**
     * The answer key: the student file with each region filled in with its solution instead of its stub, between
     * the same markers, so that it differs from the student file only inside the regions.
     */
    public static String answerKeyFile(String solutionSource) {
        return withStudentMarkers(solutionSource, true);
    }

    private static String withStudentMarkers(String solutionSource, boolean solved) {
        List<String> lines = solutionSource.lines().toList();
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (Region r : ofSolution(solutionSource)) {
            for (int i = next; i < r.start(); i++) {
                out.append(lines.get(i)).append('\n');
            }
            String startLine = lines.get(r.start());
            String indent = startLine.substring(0, startLine.indexOf(SOLUTION_STARTS));
            long n = r.solution().stream().filter(s -> !s.isBlank() && !s.trim().startsWith("//")).count();
            out.append(indent).append(STUDENT_STARTS).append(" (≈ ").append(n).append(n == 1 ? " line)" : " lines)")
                    .append('\n');
            (solved ? r.solution() : r.stub()).forEach(s -> out.append(s).append('\n'));
            out.append(indent).append(STUDENT_ENDS).append('\n');
            next = r.end() + 1;
        }
        for (int i = next; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * The student file with the given regions' code replaced by their original stubs and a throw, so that the
     * rest of the file compiles when those regions do not. {@code stubs} are the regions of the generated stub
     * file, in the same order as {@code studentRegions}.
     */
    static String withRegionsStubbed(String studentSource, List<Region> studentRegions, List<Region> stubs,
                                     java.util.Set<Integer> which, String reason) {
        List<String> lines = studentSource.lines().toList();
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int k = 0; k < studentRegions.size(); k++) {
            if (!which.contains(k)) {
                continue;
            }
            Region r = studentRegions.get(k);
            for (int i = next; i <= r.start(); i++) {
                out.append(lines.get(i)).append('\n');
            }
            // keep the line count, so compiler messages for the rest of the file keep their line numbers
            int bodyLines = r.end() - r.start() - 1;
            List<String> replacement = new ArrayList<>();
            replacement.add("if (true) { throw new IllegalStateException(\"" + reason + "\"); }");
            replacement.addAll(stubs.get(k).stub());
            String joined = String.join(" ", replacement.stream().map(String::trim).toList());
            out.append(joined).append('\n');
            for (int i = 1; i < bodyLines; i++) {
                out.append('\n');
            }
            next = r.end();
        }
        for (int i = next; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * The reference solution as a finished student file: solution markers become the student markers and the stub
     * lines are dropped, so the grader treats both the same way.
     */
    public static String solutionAsStudent(String solutionSource) {
        StringBuilder out = new StringBuilder();
        for (String line : solutionSource.lines().toList()) {
            String t = line.trim();
            if (t.startsWith(STUB_PREFIX)) {
                continue;
            }
            out.append(line.replace(SOLUTION_STARTS, STUDENT_STARTS).replace(SOLUTION_ENDS, STUDENT_ENDS))
                    .append('\n');
        }
        return out.toString();
    }
}
