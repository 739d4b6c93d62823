package dev.backprop.notebooks;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official nbformat 4.5 schema (vendored, see nbformat-schema-NOTICE.txt), checked with networknt's
 * json-schema-validator (draft 4, as the schema declares), and notebooks read with Jackson.
 */
final class Nbformat {

    static final String SCHEMA_RESOURCE = "nbformat.v4.5.schema.json";

    /** Reads JSON as maps, lists, strings, booleans, nulls and numbers (integers as {@code Long}). */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(schemaText());

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

    /** A notebook file's text as maps and lists. */
    static Object parse(String json) {
        return JSON.readValue(json, Object.class);
    }

    /**
     * Everything wrong with a notebook file's text: its schema errors, and cell ids that are missing or used twice
     * (the schema requires an id on every cell; uniqueness is a rule of nbformat that no schema can state).
     */
    static List<String> problems(String ipynb) {
        return problems(parse(ipynb));
    }

    /** Everything wrong with a notebook as maps and lists (as {@link #parse} gives it), e.g. with a planted bug. */
    static List<String> problems(Object notebook) {
        JsonNode node = JSON.valueToTree(notebook);
        List<String> problems = new ArrayList<>();
        // "/cells/2/id: does not match ...": where, then what; the validator writes the root as "", we write "/"
        SCHEMA.validate(node).forEach(error -> problems.add(error.toString().replaceFirst("^:", "/:")));
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
