package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer against Python's {@code json.dumps}, whose output the expected strings are (Python 3.11). */
class JsonTests {

    @Test
    void writesLikeJsonDumpsWithIndentOneAndSortedKeys() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", null);
        inner.put("y", false);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, "x", inner));
        value.put("a", Map.of());
        value.put("c", List.of());
        value.put("d", null);
        value.put("e", true);
        value.put("n", -42L);

        // json.dumps(v, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)
        assertThat(Json.write(value)).isEqualTo(
                "{\n \"a\": {},\n \"b\": [\n  1,\n  \"x\",\n  {\n   \"y\": false,\n   \"z\": null\n  }\n ],\n"
                + " \"c\": [],\n \"d\": null,\n \"e\": true,\n \"n\": -42\n}");
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharactersAsPythonDoes() {
        String s = "quote \" backslash \\ slash / newline \n cr \r tab \t bs \b ff \f ctrl \u0001\u001f del \u007f"
                + " é ≈ σ \u2028 😀";
        // json.dumps(s, ensure_ascii=False)
        assertThat(Json.write(s)).isEqualTo("\"quote \\\" backslash \\\\ slash / newline \\n cr \\r tab \\t bs \\b"
                + " ff \\f ctrl \\u0001\\u001f del \u007f é ≈ σ \u2028 😀\"");
    }

    @Test
    void whatItWritesParsesBackToTheSameValue() {
        Map<String, Object> value = Map.of("text", "a \"b\"\n\t\u0000 ≈", "list", List.of(1L, List.of(), Map.of()),
                "flag", false, "nothing", Arrays.asList((Object) null));
        assertThat(Nbformat.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void refusesWhatANotebookNeverHolds() {
        assertThatThrownBy(() -> Json.write(Map.of("x", 0.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Double");
        assertThatThrownBy(() -> Json.write(Map.of(1, "one"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys are strings");
    }
}
