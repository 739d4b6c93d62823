package dev.backprop.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The official nbformat 4.5 schema (vendored, see nbformat-schema-NOTICE.txt) and a strict check against it. */
final class Nbformat {

    static final String SCHEMA_RESOURCE = "nbformat.v4.5.schema.json";

    private static final JsonSchema SCHEMA = JsonSchema.parse(schemaText());

    private Nbformat() {
    }

    static String schemaText() {
        try (InputStream in = Nbformat.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything wrong with a notebook file's text: its schema errors, and cell ids that are missing or used twice
     * (the schema requires an id on every cell; uniqueness is a rule of nbformat that no schema can state).
     */
    static List<String> problems(String ipynb) {
        return problems(JsonParser.parse(ipynb));
    }

    /** Everything wrong with a notebook parsed by {@link JsonParser}. */
    static List<String> problems(Object notebook) {
        List<String> problems = new ArrayList<>(SCHEMA.validate(notebook));
        if (notebook instanceof Map<?, ?> nb && nb.get("cells") instanceof List<?> cells) {
            Set<Object> ids = new HashSet<>();
            for (Object cell : cells) {
                Object id = cell instanceof Map<?, ?> c ? c.get("id") : null;
                if (id != null && !ids.add(id)) {
                    problems.add("cell id " + id + " is used twice");
                }
            }
        }
        return problems;
    }
}
