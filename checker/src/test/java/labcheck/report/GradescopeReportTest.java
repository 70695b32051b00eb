package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Validates results.json against the fields of Gradescope's "Autograder Specifications"
 * (gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"): only documented
 * keys, with their documented types and values.
 */
class GradescopeReportTest {

    /** Documented top-level keys and the JSON type each must have. */
    private static final Map<String, String> TOP = Map.ofEntries(
            Map.entry("score", "number"), Map.entry("execution_time", "number"), Map.entry("output", "string"),
            Map.entry("output_format", "string"), Map.entry("test_output_format", "string"),
            Map.entry("test_name_format", "string"), Map.entry("visibility", "string"),
            Map.entry("stdout_visibility", "string"), Map.entry("extra_data", "object"),
            Map.entry("tests", "array"), Map.entry("leaderboard", "array"));
    /** Documented keys of one test case. */
    private static final Map<String, String> TEST = Map.ofEntries(
            Map.entry("score", "number"), Map.entry("max_score", "number"), Map.entry("status", "string"),
            Map.entry("name", "string"), Map.entry("name_format", "string"), Map.entry("number", "string"),
            Map.entry("output", "string"), Map.entry("output_format", "string"), Map.entry("tags", "array"),
            Map.entry("visibility", "string"), Map.entry("extra_data", "object"));
    private static final Set<String> VISIBILITY = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Set<String> STATUS = Set.of("passed", "failed");

    @Test
    void resultsUseOnlyGradescopeDocumentedFieldsWithTheirTypes() throws Exception {
        JsonNode root = new ObjectMapper().readTree(GradescopeReport.toJson(SampleScoresheets.everyCase()));

        assertThat(violations(root)).isEmpty();
    }

    @Test
    void validatorRejectsUndocumentedOrMistypedFields() throws Exception {
        JsonNode bad = new ObjectMapper().readTree("{\"score\": \"11\", \"max_score\": 20,"
                + " \"tests\": [{\"number\": 1.2,"
                + " \"status\": \"partial\", \"visibility\": \"students\"}]}");

        assertThat(violations(bad)).hasSize(5);
    }

    @Test
    void scoresEveryCheckWithItsNumberMarksAndStatus() throws Exception {
        JsonNode root = new ObjectMapper().readTree(GradescopeReport.toJson(SampleScoresheets.everyCase()));

        assertThat(root.get("score").asDouble()).isEqualTo(11.0);
        assertThat(root.get("tests")).hasSize(13);
        JsonNode partial = root.get("tests").get(4);
        assertThat(partial.get("number").asText()).isEqualTo("2.1");
        assertThat(partial.get("score").asDouble()).isEqualTo(1.0);
        assertThat(partial.get("max_score").asDouble()).isEqualTo(2.0);
        assertThat(partial.get("status").asText()).isEqualTo("failed");
        assertThat(partial.get("output").asText()).startsWith("PARTIAL (1 of 2 marks)\nSecurity group sg-0abc")
                .contains("How to fix: Remove the CIDR rule");
        double sum = 0;
        for (JsonNode t : root.get("tests")) {
            sum += t.get("score").asDouble();
        }
        assertThat(sum).as("the tests add up to the top-level score").isEqualTo(11.0);
    }

    /** Every way {@code root} departs from the documented format, one line each. */
    static List<String> violations(JsonNode root) {
        List<String> out = new ArrayList<>();
        checkFields(root, TOP, "results", out);
        if (!root.has("score") && !root.has("tests")) {
            out.add("results: needs score or tests");
        }
        checkVisibility(root, "visibility", "results", out);
        checkVisibility(root, "stdout_visibility", "results", out);
        for (JsonNode t : root.path("tests")) {
            String where = "test " + t.path("number").asText("?");
            checkFields(t, TEST, where, out);
            checkVisibility(t, "visibility", where, out);
            if (t.has("status") && !STATUS.contains(t.get("status").asText())) {
                out.add(where + ": status " + t.get("status") + " is not passed/failed");
            }
            if (t.has("number") && t.get("number").isTextual()
                    && !t.get("number").asText().matches("[A-Za-z]*\\d+(\\.\\d+)*")) {
                out.add(where + ": number is not like 1.2");
            }
            if (t.has("score") && t.has("max_score") && t.get("score").asDouble() > t.get("max_score").asDouble()) {
                out.add(where + ": score above max_score");
            }
            if (!t.has("score") && !root.has("score")) {
                out.add(where + ": score missing and no top-level score");
            }
        }
        return out;
    }

    private static void checkFields(JsonNode node, Map<String, String> allowed, String where, List<String> out) {
        node.fieldNames().forEachRemaining(name -> {
            String type = allowed.get(name);
            if (type == null) {
                out.add(where + ": " + name + " is not a documented field");
            } else if (!type.equals(typeOf(node.get(name)))) {
                out.add(where + ": " + name + " should be a " + type + ", is a " + typeOf(node.get(name)));
            }
        });
    }

    private static void checkVisibility(JsonNode node, String field, String where, List<String> out) {
        if (node.has(field) && !VISIBILITY.contains(node.get(field).asText())) {
            out.add(where + ": " + field + " " + node.get(field) + " is not one of " + VISIBILITY);
        }
    }

    private static String typeOf(JsonNode n) {
        return n.isNumber() ? "number" : n.isTextual() ? "string" : n.isObject() ? "object"
                : n.isArray() ? "array" : n.isBoolean() ? "boolean" : "null";
    }
}
