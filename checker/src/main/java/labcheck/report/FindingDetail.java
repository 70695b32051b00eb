package labcheck.report;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One occurrence of a finding, with the facts a judge acts on: for {@code changed_after_deadline}
 * the event, its time, the resource and the principal. The scoresheet's JSON carries it beside the
 * finding's id; the cohort summary lists it.
 *
 * <pre>{@code
 * new FindingDetail("changed_after_deadline", Map.of("event", "AuthorizeSecurityGroupIngress",
 *         "time", "2026-12-05T18:02:11Z", "resource", "EC2 security group sg-0redis", "principal", "arn:..."));
 * }</pre>
 *
 * @param id     the finding's id, as in {@link CheckResult#findings()}
 * @param fields its facts by name, sorted by name
 */
public record FindingDetail(String id, Map<String, String> fields) {

    public FindingDetail {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** The fact named {@code name}, or "" when the finding has none. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
