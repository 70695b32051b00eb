package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the app names its product keys, as labcheck found them: a prefix and a suffix around the
 * product id in one logical database (the lab's {@code product:<id>} in db 0 is the first guess),
 * the type of value one of them held, and how the scheme was found. The student chooses the key
 * name, the database and the value type; the checks grade what the app does with its keys.
 *
 * <pre>{@code
 * KeyScheme s = new KeyScheme(1, "product:v2:", "", "hash", KeyScheme.APPEARED, "product:v2:417", null);
 * s.key(42);        // "product:v2:42"
 * s.describe();     // "keys like product:v2:<id> in db 1 (hash values), found when product:v2:417 appeared ..."
 * }</pre>
 *
 * @param db      the logical database (SELECT index) the keys live in
 * @param prefix  what comes before the id, e.g. {@code product:}
 * @param suffix  what comes after the id, usually empty
 * @param type    the Redis type of a key found ({@code string}, {@code hash}, {@code ReJSON-RL}, ...), or null
 * @param foundBy {@link #GUESS}, {@link #APPEARED} or {@link #NAMED}
 * @param example a key that showed the scheme, or null when it is the unconfirmed guess
 * @param bound   why a search of the keyspace stopped before its end (key count or time bound), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyScheme(int db, String prefix, String suffix, String type, String foundBy, String example,
                        String bound) {

    /** Not observed: the lab's key name, assumed. */
    public static final String GUESS = "guess";
    /** The key appeared in Redis during a request that missed. */
    public static final String APPEARED = "appeared";
    /** Keys named after the product ids asked were found in Redis, holding those products. */
    public static final String NAMED = "named";

    /** The lab's {@code product:<id>} in db 0, not yet observed. */
    public static final KeyScheme LAB_GUESS = new KeyScheme(0, "product:", "", null, GUESS, null, null);

    public KeyScheme {
        if (db < 0) {
            throw new IllegalArgumentException("db must be 0 or more, was " + db);
        }
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        foundBy = foundBy == null ? GUESS : foundBy;
    }

    /** The key of product {@code id}. */
    public String key(int id) {
        return prefix + id + suffix;
    }

    /** The scheme as a pattern: {@code product:v2:<id>}. */
    @JsonIgnore
    public String pattern() {
        return prefix + "<id>" + suffix;
    }

    /** The pattern and, outside db 0, its database: {@code product:v2:<id> in db 1}. */
    @JsonIgnore
    public String where() {
        return pattern() + (db == 0 ? "" : " in db " + db);
    }

    /** Whether this is the lab's own {@code product:<id>} in db 0. */
    @JsonIgnore
    public boolean lab() {
        return db == 0 && "product:".equals(prefix) && suffix.isEmpty();
    }

    /** Whether labcheck observed the scheme (a key appeared, or keys named after the ids held them). */
    @JsonIgnore
    public boolean observed() {
        return !GUESS.equals(foundBy);
    }

    /** This scheme as observed, by {@code how}, with a key that showed it and its type. */
    public KeyScheme seen(String how, String key, String valueType) {
        return new KeyScheme(db, prefix, suffix, valueType == null ? type : valueType, how, key, bound);
    }

    /** This scheme with why a search stopped early. */
    public KeyScheme bounded(String why) {
        return new KeyScheme(db, prefix, suffix, type, foundBy, example, why);
    }

    /** The scheme and how it was found, for the judge and the student. */
    public String describe() {
        String values = type == null ? "" : " (" + type + " values)";
        String how = switch (foundBy) {
            case APPEARED -> ", found when " + example + " appeared in Redis during a request that missed";
            case NAMED -> ", found as keys named after the product ids asked (e.g. " + example + ") holding those"
                    + " products";
            default -> ", the lab's key name: no product key was observed";
        };
        return "keys like " + where() + values + how + (bound == null ? "" : " (" + bound + ")");
    }
}
