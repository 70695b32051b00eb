package labcheck.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * What one key holds, read with the command its type needs: GET for a string, HGETALL for a hash,
 * JSON.GET for a RedisJSON document, LRANGE/SSCAN/ZRANGE for the rest. A student chooses how to
 * store a product; a value of another type than expected is read, never "not reachable".
 *
 * <pre>{@code
 * StoredValue v = StoredValue.read(reader, "product:42");
 * v.holds(servedProduct);     // the product the app served, whatever the type
 * }</pre>
 *
 * @param type    the Redis type, {@code none} when the key does not exist
 * @param value   the value as JSON (a string parsed when it is JSON, else a text node; a hash as an object
 *                of its fields; a list, set or sorted set as an array), or null when absent or unreadable
 * @param problem why the value could not be read, or null
 */
record StoredValue(String type, JsonNode value, String problem) {

    static final StoredValue ABSENT = new StoredValue("none", null, null);

    /**
     * Reads {@code key} in the reader's database. A wrong type or a missing module is the value's
     * problem; only a connection failure is thrown (Redis not reachable after all).
     */
    static StoredValue read(RedisReader redis, String key) {
        String type = redis.type(key);
        try {
            return switch (type) {
                case "none" -> ABSENT;
                case "string" -> {
                    String text = redis.get(key);
                    yield new StoredValue(type, text == null ? null : parse(text), null);
                }
                case "hash" -> new StoredValue(type, fields(redis.hash(key)), null);
                case "ReJSON-RL" -> json(redis, key);
                case "list", "set", "zset" -> new StoredValue(type, array(redis.elements(key, type)), null);
                default -> new StoredValue(type, null, "a " + type + " is not a way to store a product that labcheck"
                        + " reads");
            };
        } catch (JedisDataException e) {
            // WRONGTYPE when the key changed type between TYPE and the read, or a command refused (ACL)
            return new StoredValue(type, null, firstLine(e.getMessage()));
        }
    }

    /** A RedisJSON document by JSON.GET; without the module, that is the value's problem. */
    static StoredValue json(RedisReader redis, String key) {
        try {
            String text = redis.json(key);
            return new StoredValue("ReJSON-RL", text == null ? null : parse(text), null);
        } catch (JedisDataException e) {
            String m = String.valueOf(e.getMessage());
            String why = m.toLowerCase(java.util.Locale.ROOT).contains("unknown command")
                    ? "JSON.GET is not available on this Redis (the RedisJSON module is not loaded for this client)"
                    : firstLine(m);
            return new StoredValue("ReJSON-RL", null, why);
        }
    }

    /** Whether the key exists. */
    boolean exists() {
        return !"none".equals(type);
    }

    /**
     * Whether the value holds {@code product}: the same object (a number compared by value), a hash
     * whose fields carry each of its fields, a JSON string or field or element that does, or the
     * lab's whole answer with it under {@code product}.
     */
    boolean holds(JsonNode product) {
        return product != null && contains(value, product, 0);
    }

    /**
     * The product object the value holds: a hash's fields, a JSON string or document, the lab's whole
     * answer's {@code product}, or a list's first object; null when none.
     */
    JsonNode product() {
        return product(value, 0);
    }

    private static JsonNode product(JsonNode v, int depth) {
        if (v == null || depth > 3) {
            return null;
        }
        if (v.isObject()) {
            JsonNode inner = v.get("product");
            return inner != null && inner.isObject() ? inner : v;
        }
        if (v.isTextual()) {
            JsonNode parsed = parse(v.asText());
            return parsed.isTextual() ? null : product(parsed, depth + 1);
        }
        for (JsonNode e : v) {
            JsonNode p = product(e, depth + 1);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Whether the value holds a product whose {@code id} is {@code id}: how a product key is told from another. */
    boolean holdsId(int id) {
        return hasId(value, id, 0);
    }

    /** The value as compact JSON, capped, for the evidence. */
    String shown(int max) {
        return value == null ? null : Json.snippet(value.isTextual() ? value.asText() : Json.compact(value), max);
    }

    private static boolean contains(JsonNode v, JsonNode product, int depth) {
        if (v == null || depth > 3) {
            return false;
        }
        if (v.isObject()) {
            return Json.sameProduct(v, product) || hasFields(v, product) || contains(v.get("product"), product,
                    depth + 1) || any(v.elements(), product, depth);
        }
        if (v.isArray()) {
            return any(v.elements(), product, depth);
        }
        if (v.isTextual()) {
            JsonNode parsed = parse(v.asText());
            return parsed != null && !parsed.isTextual() && contains(parsed, product, depth + 1);
        }
        return false;
    }

    private static boolean any(java.util.Iterator<JsonNode> it, JsonNode product, int depth) {
        while (it.hasNext()) {
            JsonNode e = it.next();
            if ((e.isContainerNode() || e.isTextual()) && contains(e, product, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Every field of the product is in {@code v} with the same value (a hash stores numbers as text). */
    private static boolean hasFields(JsonNode v, JsonNode product) {
        if (!product.isObject() || product.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> f : product.properties()) {
            JsonNode mine = v.get(f.getKey());
            if (mine == null || !Json.sameValue(mine, f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasId(JsonNode v, int id, int depth) {
        if (v == null || depth > 3) {
            return false;
        }
        if (v.isObject()) {
            JsonNode own = v.get("id");
            if (own != null && own.asText().trim().equals(String.valueOf(id))) {
                return true;
            }
            JsonNode product = v.get("product");
            return product != null && hasId(product, id, depth + 1);
        }
        if (v.isTextual()) {
            JsonNode parsed = parse(v.asText());
            return parsed != null && !parsed.isTextual() && hasId(parsed, id, depth + 1);
        }
        return false;
    }

    /** The text as JSON when it is JSON, else as a text node. */
    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static ObjectNode fields(Map<String, String> hash) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        hash.forEach(o::put);
        return o;
    }

    private static ArrayNode array(List<String> elements) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        elements.forEach(a::add);
        return a;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
