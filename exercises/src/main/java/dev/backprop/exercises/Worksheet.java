package dev.backprop.exercises;

import java.util.ArrayList;
import java.util.List;

/**
 * A set as a worksheet an instructor hands out: for each function its instructions, the workshop's formulas, the
 * stub the student fills in and the expected output on the grader's seeded inputs. Markdown, HTML, or a Jupyter
 * notebook that runs in the workshop's kernel, with a grading cell under each function ({@link WorksheetNotebook}).
 * The answer key has the reference solutions where the worksheet has the stubs.
 */
public final class Worksheet {

    private record Block(String kind, String text) {
    }

    private Worksheet() {
    }

    /** The student's worksheet of a set; {@code format} is {@code md}, {@code html} or {@code ipynb}. */
    public static String export(Grader grader, ExerciseSet set, String format) {
        return export(grader, set, format, false);
    }

    /** The worksheet of a set, or with {@code answers} its answer key; {@code format} as for the worksheet. */
    public static String export(Grader grader, ExerciseSet set, String format, boolean answers) {
        if (format.equals("ipynb")) {
            return answers ? WorksheetNotebook.answerKey(grader, set) : WorksheetNotebook.student(grader, set);
        }
        List<Block> blocks = blocks(grader, set, answers);
        return switch (format) {
            case "md" -> markdown(blocks);
            case "html" -> html(set.title() + (answers ? " (answer key)" : ""), blocks);
            default -> throw new IllegalArgumentException("export: unknown format '" + format
                    + "' (md, html or ipynb)");
        };
    }

    private static List<Block> blocks(Grader grader, ExerciseSet set, boolean answers) {
        String source = answers ? Regions.answerKeyFile(grader.solutionSource(set)) : grader.stubSource(set);
        List<String> lines = source.lines().toList();
        List<SourceMethods.Method> methods = SourceMethods.of(source);
        List<Block> b = new ArrayList<>();
        b.add(new Block("h1", "Exercise set " + set.number() + ": " + set.title() + (answers ? " (answer key)" : "")));
        b.add(new Block("p", set.introduction()));
        b.add(new Block("p", answers ? "The answer key: each function with its reference solution filled in."
                : "Fill in the marked regions of " + set.className() + ".java (under"
                + " exercises/src/student/java), then run: ./workshop check " + set.name()));
        int n = 1;
        for (FunctionSpec f : set.functions()) {
            b.add(new Block("h2", n++ + ". " + f.workshopName() + " (Java: " + f.javaName() + ")"));
            b.add(new Block("p", f.task()));
            if (!f.formula().isEmpty()) {
                b.add(new Block("pre", f.formula()));
            }
            b.add(new Block("p", answers ? "The solution:" : "Your code:"));
            b.add(new Block("code", method(lines, SourceMethods.find(methods, f.javaName()), f.javaName())));
            b.add(new Block("p", "Expected output, for the inputs " + String.join(", ", f.argNames())
                    + " the grader uses:"));
            b.add(new Block("pre", grader.expectedOutput(set, f)));
        }
        return b;
    }

    /** The Javadoc and code of a method of the class, as the class has it less the class body's indent. */
    private static String method(List<String> lines, SourceMethods.Method method, String javaName) {
        if (method == null) {
            return "(no method " + javaName + ")";
        }
        StringBuilder out = new StringBuilder();
        for (int i = method.first(); i <= method.last(); i++) {
            String line = lines.get(i);
            out.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String markdown(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            switch (b.kind()) {
                case "h1" -> out.append("# ").append(b.text()).append("\n\n");
                case "h2" -> out.append("## ").append(b.text()).append("\n\n");
                case "p" -> out.append(b.text()).append("\n\n");
                case "code" -> out.append("```java\n").append(b.text()).append("\n```\n\n");
                default -> out.append("```\n").append(b.text()).append("\n```\n\n");
            }
        }
        return out.toString();
    }

    private static String html(String title, List<Block> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n<style>body{font-family:sans-serif;max-width:60em;"
                + "margin:auto}pre{background:#f4f4f4;padding:.5em;overflow-x:auto}</style>\n</head>\n<body>\n");
        for (Block b : blocks) {
            switch (b.kind()) {
                case "h1" -> out.append("<h1>").append(escape(b.text())).append("</h1>\n");
                case "h2" -> out.append("<h2>").append(escape(b.text())).append("</h2>\n");
                case "p" -> out.append("<p>").append(escape(b.text())).append("</p>\n");
                case "code" -> out.append("<pre><code class=\"language-java\">").append(escape(b.text()))
                        .append("</code></pre>\n");
                default -> out.append("<pre>").append(escape(b.text())).append("</pre>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
