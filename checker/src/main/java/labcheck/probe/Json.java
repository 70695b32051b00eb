package labcheck.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Reads the app's JSON defensively: every oddity becomes a problem sentence, never an exception. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_SHOWN = 400;

    private Json() {
    }

    /** The parsed object, or a {@link Parsed} carrying why the answer is not a JSON object. */
    static Parsed object(HttpResult r) {
        if (!r.answered()) {
            return Parsed.problem(r.failure());
        }
        if (r.truncated()) {
            return Parsed.problem("the body was larger than the probe reads (cut at " + r.body().length()
                    + " bytes); the contract's answers are a few hundred bytes");
        }
        String body = r.body().strip();
        if (body.isEmpty()) {
            return Parsed.problem("HTTP " + r.status() + " answered an empty body; the contract's answers are JSON"
                    + " objects such as {\"product\": {...}}");
        }
        String ct = r.contentType() == null ? "" : r.contentType().toLowerCase();
        if (ct.contains("html") || body.startsWith("<")) {
            return Parsed.problem("HTTP " + r.status() + " answered HTML (" + snippet(body, 60)
                    + ") instead of JSON");
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                return Parsed.problem("HTTP " + r.status() + " answered " + (n == null ? "an empty body" : "JSON that is not an object: "
                        + snippet(body, 60)));
            }
            return new Parsed(n, null);
        } catch (JsonProcessingException e) {
            return Parsed.problem("HTTP " + r.status() + " answered invalid JSON (" + snippet(body, 60) + ")");
        }
    }

    /** A number field, or null; {@code problems} gets a sentence when present but not a number. */
    static Double number(JsonNode o, String field, StringBuilder problems) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            note(problems, field + " is " + kind(v) + " (" + snippet(v.toString(), 30) + "), not a number");
            return null;
        }
        return v.doubleValue();
    }

    /** A string field, or null; a problem when present but not a string. */
    static String text(JsonNode o, String field, StringBuilder problems) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            note(problems, field + " is " + kind(v) + ", not a string");
            return null;
        }
        return v.asText();
    }

    static String kind(JsonNode v) {
        return v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
                : v.isObject() ? "an object" : v.isArray() ? "an array" : "null";
    }

    static void note(StringBuilder problems, String s) {
        if (problems.length() > 0) {
            problems.append("; ");
        }
        problems.append(s);
    }

    static String snippet(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    static String compact(JsonNode n) {
        String s = n.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }

    /**
     * Whether two product objects carry the same data: the same fields, numbers compared by
     * value (999.99 and 999.990 are equal; a price served as "999.99" text from one and a
     * number from the other is equal too, since the cache stores what the DB gave).
     */
    static boolean sameProduct(JsonNode a, JsonNode b) {
        if (a == null || b == null || !a.isObject() || !b.isObject() || a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            JsonNode other = b.get(e.getKey());
            if (other == null || !sameValue(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** Two scalars alike: numbers by value (a hash holds them as text), anything else exactly. */
    static boolean sameValue(JsonNode x, JsonNode y) {
        if (x.isNumber() || y.isNumber()) {
            java.math.BigDecimal a = boundedDecimal(x.asText());
            java.math.BigDecimal b = boundedDecimal(y.asText());
            return a != null && b != null ? a.compareTo(b) == 0 : x.asText().equals(y.asText());
        }
        return x.equals(y);
    }

    /** Longest number text and largest exponent compared by value; a price is a few digits. */
    static final int MAX_NUMBER_CHARS = 64;
    static final int MAX_EXPONENT = 400;

    /**
     * {@code text} as a decimal, or null when it is not a number of bounded cost: an app answering
     * a price of "1e300000000" must neither throw nor cost minutes of CPU and a gigabyte to compare.
     */
    static java.math.BigDecimal boundedDecimal(String text) {
        if (text == null || text.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(text.trim());
            long exponent = (long) d.precision() - d.scale();
            return Math.abs(exponent) > MAX_EXPONENT || Math.abs((long) d.scale()) > MAX_EXPONENT ? null : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** A parsed object or why there is none. */
    record Parsed(JsonNode node, String problem) {
        static Parsed problem(String why) {
            return new Parsed(null, why);
        }

        boolean ok() {
            return node != null;
        }
    }
}
