package labcheck.checks.support;

import java.util.Collection;
import java.util.List;
import labcheck.text.Numbers;

/** Small helpers for the sentences checks write. */
public final class Texts {

    private Texts() {
    }

    /** "a", "a and b", "a, b and c"; "none" when empty. */
    public static String join(Collection<String> values) {
        List<String> list = List.copyOf(values);
        if (list.isEmpty()) {
            return "none";
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    /** "in us-east-1", or "in this region" when unknown. */
    public static String inRegion(String region) {
        return region == null || region.isBlank() ? "in this region" : "in " + region;
    }

    /** The value (a number as the service wrote it: 75, not 75.0), or "unknown" when the service did not report it. */
    public static String orUnknown(Object value) {
        return value == null ? "unknown" : value instanceof Double d ? Numbers.plain(d) : value.toString();
    }
}
