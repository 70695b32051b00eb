package labcheck.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.TestReporter;

/**
 * A fact about a check's outcome that other outputs act on, carried as data instead of being
 * read back out of the message's English. A check raises one through its {@code TestReporter};
 * it reaches the scoresheet as {@code CheckResult.findings} (by {@link #id()}), and the cohort
 * summary flags students by it.
 *
 * <pre>{@code
 * Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.raise(reporter);
 * Assertions.fail("self-reported timings disagree with measured timings: ...");
 * }</pre>
 */
public enum Finding {
    /** The app's response_time_ms claims a saving that labcheck's own clock does not see. */
    SELF_REPORTED_TIMINGS_CONTRADICTED("self_reported_timings_contradicted", "timings disagree"),
    /** The app's cache_status says HIT or MISS where Redis and the database showed the other. */
    CACHE_STATUS_CONTRADICTED("cache_status_contradicted", "cache_status contradicts Redis/MySQL"),
    /** The Redis or MySQL reached at an AWS endpoint reports another engine, version or host than AWS describes. */
    REACHED_SERVER_MISMATCH("reached_server_mismatch", "Redis/MySQL reached is not the one AWS reports"),
    /** An answer carried another product than the id asked for (another id's, or other data for it). */
    WRONG_PRODUCT_SERVED("wrong_product_served", "wrong product served"),
    /** The no-cache app is much slower than the database work its requests need, as labcheck timed it. */
    BASELINE_SLOWER_THAN_ITS_QUERY("baseline_slower_than_its_query", "no-cache app slower than its query"),
    /**
     * A lab resource was created or changed after the deadline ({@code --deadline}); raised once per
     * change with its {@code event}, {@code time}, {@code resource} and {@code principal}.
     */
    CHANGED_AFTER_DEADLINE("changed_after_deadline", "changed after the deadline");

    private final String id;
    private final String flag;

    Finding(String id, String flag) {
        this.id = id;
        this.flag = flag;
    }

    /** The stable id written to scoresheet.json. */
    public String id() {
        return id;
    }

    /** A few words for a judge's list of flagged students. */
    public String flag() {
        return flag;
    }

    /** Records this finding on the running check. */
    public void raise(TestReporter reporter) {
        Report.publish(reporter, Report.FINDING, id);
    }

    /**
     * Records one occurrence of this finding with its facts, which reach the scoresheet as a
     * {@code FindingDetail}; blank facts are left out.
     *
     * <pre>{@code
     * Finding.CHANGED_AFTER_DEADLINE.raise(reporter, Map.of("event", "AuthorizeSecurityGroupIngress",
     *         "time", "2026-12-05T18:02:11Z", "resource", "EC2 security group sg-0redis", "principal", arn));
     * }</pre>
     */
    public void raise(TestReporter reporter, Map<String, String> facts) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(Report.FINDING, id);
        facts.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                entry.put(Report.FINDING + "." + name, value);
            }
        });
        Objects.requireNonNull(reporter, "reporter").publishEntry(entry);
    }
}
