package dev.backprop.notebooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema (draft-04) validator for the keywords the nbformat schema uses: {@code $ref} (to
 * {@code #/definitions/...}), {@code type}, {@code enum}, {@code properties}, {@code patternProperties},
 * {@code additionalProperties}, {@code required}, {@code items}, {@code uniqueItems}, {@code minLength},
 * {@code maxLength}, {@code pattern}, {@code minimum}, {@code maximum}, {@code oneOf} and {@code not}. A schema that
 * uses any other keyword is refused rather than half checked. Instances are what {@link JsonParser} returns.
 * <p>
 * Departs from the standard in one place: {@code pattern}s run as Java regular expressions, which agree with
 * ECMA 262 on the nbformat schema's patterns except that Java's {@code $} also matches before a final newline.
 */
final class JsonSchema {

    /** What a validator may ignore: annotations, and the words the nbformat schema has where no keyword is. */
    private static final Set<String> IGNORED = Set.of("$schema", "description", "title", "definitions",
            "source_hidden", "outputs_hidden", "item");
    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "enum", "properties", "patternProperties",
            "additionalProperties", "required", "items", "uniqueItems", "minLength", "maxLength", "pattern",
            "minimum", "maximum", "oneOf", "not");

    private final Map<String, Object> root;

    private JsonSchema(Map<String, Object> root) {
        this.root = root;
    }

    static JsonSchema parse(String schemaText) {
        return new JsonSchema(asObject(JsonParser.parse(schemaText), "the schema"));
    }

    /** Every way {@code instance} breaks the schema, as "path: problem"; empty when it is valid. */
    List<String> validate(Object instance) {
        List<String> errors = new ArrayList<>();
        validate(root, instance, "", errors);
        return errors;
    }

    private void validate(Map<String, Object> schema, Object value, String path, List<String> errors) {
        for (String key : schema.keySet()) {
            if (!KEYWORDS.contains(key) && !IGNORED.contains(key)) {
                throw new UnsupportedOperationException("schema keyword '" + key + "' at " + path + " is not supported");
            }
        }
        String at = path.isEmpty() ? "/" : path;
        if (schema.containsKey("$ref")) {
            // draft-04: a $ref replaces the schema it stands in
            validate(resolve((String) schema.get("$ref")), value, path, errors);
            return;
        }
        if (schema.containsKey("type") && !hasType(schema.get("type"), value)) {
            errors.add(at + ": is " + typeOf(value) + ", not " + schema.get("type"));
            return;
        }
        if (schema.containsKey("enum") && !((List<?>) schema.get("enum")).contains(value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (schema.containsKey("minLength") && length < number(schema, "minLength")) {
                errors.add(at + ": shorter than " + schema.get("minLength") + " characters");
            }
            if (schema.containsKey("maxLength") && length > number(schema, "maxLength")) {
                errors.add(at + ": longer than " + schema.get("maxLength") + " characters");
            }
            if (schema.containsKey("pattern") && !Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
                errors.add(at + ": \"" + s + "\" does not match " + schema.get("pattern"));
            }
        }
        if (value instanceof Number n) {
            if (schema.containsKey("minimum") && n.doubleValue() < number(schema, "minimum")) {
                errors.add(at + ": " + n + " is less than " + schema.get("minimum"));
            }
            if (schema.containsKey("maximum") && n.doubleValue() > number(schema, "maximum")) {
                errors.add(at + ": " + n + " is more than " + schema.get("maximum"));
            }
        }
        if (value instanceof Map<?, ?> object) {
            validateObject(schema, object, path, errors);
        }
        if (value instanceof List<?> array) {
            if (schema.containsKey("items")) {
                Map<String, Object> items = asObject(schema.get("items"), "items (a list of schemas is not supported)");
                for (int i = 0; i < array.size(); i++) {
                    validate(items, array.get(i), path + "/" + i, errors);
                }
            }
            if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(array).size() != array.size()) {
                errors.add(at + ": items are not unique");
            }
        }
        if (schema.containsKey("oneOf")) {
            List<String> why = new ArrayList<>();
            int matches = 0;
            for (Object branch : (List<?>) schema.get("oneOf")) {
                List<String> branchErrors = new ArrayList<>();
                validate(asObject(branch, "oneOf"), value, path, branchErrors);
                if (branchErrors.isEmpty()) {
                    matches++;
                } else {
                    why.add(branchErrors.get(0));
                }
            }
            if (matches != 1) {
                errors.add(at + ": matches " + matches + " of the oneOf schemas, not exactly 1"
                        + (matches == 0 ? " " + why : ""));
            }
        }
        if (schema.containsKey("not")) {
            List<String> notErrors = new ArrayList<>();
            validate(asObject(schema.get("not"), "not"), value, path, notErrors);
            if (notErrors.isEmpty()) {
                errors.add(at + ": matches the schema under 'not'");
            }
        }
    }

    private void validateObject(Map<String, Object> schema, Map<?, ?> object, String path, List<String> errors) {
        String at = path.isEmpty() ? "/" : path;
        if (schema.containsKey("required")) {
            for (Object name : (List<?>) schema.get("required")) {
                if (!object.containsKey(name)) {
                    errors.add(at + ": \"" + name + "\" is required");
                }
            }
        }
        Map<String, Object> properties = schema.containsKey("properties")
                ? asObject(schema.get("properties"), "properties") : Map.of();
        Map<String, Object> patterns = schema.containsKey("patternProperties")
                ? asObject(schema.get("patternProperties"), "patternProperties") : Map.of();
        Object additional = schema.get("additionalProperties");
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String name = (String) entry.getKey();
            String childPath = path + "/" + name;
            boolean matched = false;
            if (properties.containsKey(name)) {
                matched = true;
                validate(asObject(properties.get(name), "a property"), entry.getValue(), childPath, errors);
            }
            for (Map.Entry<String, Object> pattern : patterns.entrySet()) {
                if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
                    matched = true;
                    validate(asObject(pattern.getValue(), "a pattern property"), entry.getValue(), childPath, errors);
                }
            }
            if (!matched) {
                if (Boolean.FALSE.equals(additional)) {
                    errors.add(at + ": \"" + name + "\" is not allowed here");
                } else if (additional instanceof Map<?, ?>) {
                    validate(asObject(additional, "additionalProperties"), entry.getValue(), childPath, errors);
                }
            }
        }
    }

    /** The schema a {@code $ref} such as {@code #/definitions/misc/source} points to. */
    private Map<String, Object> resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new UnsupportedOperationException("only local $refs are supported: " + ref);
        }
        Object node = root;
        for (String part : ref.substring(2).split("/")) {
            node = asObject(node, ref).get(part.replace("~1", "/").replace("~0", "~"));
            if (node == null) {
                throw new IllegalArgumentException("$ref " + ref + " points nowhere");
            }
        }
        return asObject(node, ref);
    }

    private static boolean hasType(Object type, Object value) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(t -> hasType(t, value));
        }
        return switch ((String) type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long;
            case "number" -> value instanceof Long || value instanceof Double;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            default -> throw new UnsupportedOperationException("type " + type);
        };
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array"
                : value instanceof String ? "a string" : value instanceof Long ? "an integer"
                : value instanceof Double ? "a number" : "a boolean";
    }

    private static double number(Map<String, Object> schema, String keyword) {
        return ((Number) schema.get(keyword)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object node, String what) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object: " + node);
        }
        return (Map<String, Object>) node;
    }
}
