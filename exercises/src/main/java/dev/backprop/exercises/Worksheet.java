package dev.backprop.exercises;

import java.util.ArrayList;
import java.util.List;

/**
 * A set as a worksheet an instructor hands out: for each function its instructions, the workshop's formulas, the
 * stub the student fills in and the expected output on the grader's seeded inputs. Markdown, HTML, or a Jupyter
 * notebook (nbformat 4.5, for a Java kernel such as IJava/JJava: the stubs are code cells).
 */
public final class Worksheet {

    private record Block(String kind, String text) {
    }

    private Worksheet() {
    }

    /** The worksheet of a set; {@code format} is {@code md}, {@code html} or {@code ipynb}. */
    public static String export(Grader grader, ExerciseSet set, String format) {
        List<Block> blocks = blocks(grader, set);
        return switch (format) {
            case "md" -> markdown(blocks);
            case "html" -> html(set, blocks);
            case "ipynb" -> notebook(set, blocks);
            default -> throw new IllegalArgumentException("export: unknown format '" + format
                    + "' (md, html or ipynb)");
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

    /** nbformat 4.5: markdown cells for the text, a code cell per stub; ids from the set and the cell's number. */
    private static String notebook(ExerciseSet set, List<Block> blocks) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode cells = root.putArray("cells");
        StringBuilder markdown = new StringBuilder();
        int n = 0;
        for (Block b : blocks) {
            if (!b.kind().equals("code")) {
                markdown.append(switch (b.kind()) {
                    case "h1" -> "# " + b.text();
                    case "h2" -> "## " + b.text();
                    case "p" -> b.text();
                    default -> "```\n" + b.text() + "\n```";
                }).append("\n\n");
                continue;
            }
            n = cell(cells, set, n, "markdown", markdown.toString().stripTrailing());
            markdown.setLength(0);
            n = cell(cells, set, n, "code", b.text());
        }
        if (markdown.length() > 0) {
            cell(cells, set, n, "markdown", markdown.toString().stripTrailing());
        }
        com.fasterxml.jackson.databind.node.ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("display_name", "Java").put("language", "java").put("name", "java");
        metadata.putObject("language_info").put("name", "java");
        root.put("nbformat", 4).put("nbformat_minor", 5);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the worksheet notebook", e);
        }
    }

    private static int cell(com.fasterxml.jackson.databind.node.ArrayNode cells, ExerciseSet set, int n, String type,
                            String text) {
        com.fasterxml.jackson.databind.node.ObjectNode cell = cells.addObject();
        cell.put("cell_type", type).put("id", set.name() + "-" + String.format(java.util.Locale.ROOT, "%02d", n))
                .putObject("metadata");
        com.fasterxml.jackson.databind.node.ArrayNode source = cell.putArray("source");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            source.add(i < lines.length - 1 ? lines[i] + "\n" : lines[i]);
        }
        if (type.equals("code")) {
            cell.putNull("execution_count");
            cell.putArray("outputs");
        }
        return n + 1;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
