package dev.backprop.notebooks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON exactly as Jupyter saves a notebook: Python's {@code json.dumps(nb, indent=1, sort_keys=True,
 * separators=(",", ": "), ensure_ascii=False)}. Keys are sorted, every nesting level indents by one space, non-ASCII
 * text is written as it is and only {@code "}, {@code \} and control characters are escaped, so the same notebook
 * always gives the same bytes.
 * <p>
 * Values are {@link Map}s with {@link String} keys, {@link List}s, {@link String}s, {@link Integer}s and
 * {@link Long}s, {@link Boolean}s and {@code null}. There are no floating-point numbers in a notebook we write.
 */
final class Json {

    private Json() {
    }

    /** The JSON text of {@code value}, without a final newline. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(Object value, int indent, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, indent, out);
        } else if (value instanceof List<?> list) {
            array(list, indent, out);
        } else {
            throw new IllegalArgumentException("no JSON for a " + value.getClass().getName() + ": " + value);
        }
    }

    private static void object(Map<?, ?> map, int indent, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON object keys are strings, not " + key);
            }
            sorted.put(name, value);
        });
        out.append('{');
        String separator = "\n";
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            out.append(separator).append(" ".repeat(indent + 1));
            string(entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), indent + 1, out);
            separator = ",\n";
        }
        out.append('\n').append(" ".repeat(indent)).append('}');
    }

    private static void array(List<?> list, int indent, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
            out.append(separator).append(" ".repeat(indent + 1));
            write(item, indent + 1, out);
            separator = ",\n";
        }
        out.append('\n').append(" ".repeat(indent)).append(']');
    }

    /** A string literal, escaped as Python's {@code json} escapes it with {@code ensure_ascii=False}. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
