package dev.backprop.exercises;

import java.util.ArrayList;
import java.util.List;

/**
 * A set as a worksheet an instructor hands out: for each function its instructions, the workshop's formulas, the
 * stub the student fills in and the expected output on the grader's seeded inputs. Markdown or HTML.
 */
public final class Worksheet {

    private record Block(String kind, String text) {
    }

    private Worksheet() {
    }

    /** The worksheet of a set; {@code format} is {@code md} or {@code html}. */
    public static String export(Grader grader, ExerciseSet set, String format) {
        List<Block> blocks = blocks(grader, set);
        return switch (format) {
            case "md" -> markdown(blocks);
            case "html" -> html(set, blocks);
            default -> throw new IllegalArgumentException("export: unknown format '" + format + "' (md or html)");
        };
    }

    private static List<Block> blocks(Grader grader, ExerciseSet set) {
        String stub = grader.stubSource(set);
        List<Block> b = new ArrayList<>();
        b.add(new Block("h1", "Exercise set " + set.number() + ": " + set.title()));
        b.add(new Block("p", set.introduction()));
        b.add(new Block("p", "Fill in the marked regions of " + set.className() + ".java (under"
                + " exercises/src/student/java), then run: ./workshop check " + set.name()));
        int n = 1;
        for (FunctionSpec f : set.functions()) {
            b.add(new Block("h2", n++ + ". " + f.workshopName() + " (Java: " + f.javaName() + ")"));
            b.add(new Block("p", f.task()));
            if (!f.formula().isEmpty()) {
                b.add(new Block("pre", f.formula()));
            }
            b.add(new Block("p", "Your code:"));
            b.add(new Block("code", method(stub, f.javaName())));
            b.add(new Block("p", "Expected output, for the inputs " + String.join(", ", f.argNames)
                    + " the grader uses:"));
            b.add(new Block("pre", grader.expectedOutput(set, f)));
        }
        return b;
    }

    /** The Javadoc and body of a method of the stub file. */
    static String method(String source, String javaName) {
        List<String> lines = source.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("static") && lines.get(i).matches(".*\\b" + javaName + "\\(.*")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return "(no method " + javaName + ")";
        }
        int start = at;
        while (start > 0 && !lines.get(start).trim().startsWith("/**") && !lines.get(start - 1).isBlank()) {
            start--;
        }
        int depth = 0;
        int end = at;
        boolean opened = false;
        for (; end < lines.size(); end++) {
            for (char c : lines.get(end).toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                opened |= c == '{';
            }
            if (opened && depth == 0) {
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i <= end && i < lines.size(); i++) {
            out.append(lines.get(i).length() >= 4 ? lines.get(i).substring(4) : lines.get(i).trim()).append('\n');
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

    private static String html(ExerciseSet set, List<Block> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(set.title()) + "</title>\n<style>body{font-family:sans-serif;max-width:60em;"
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
