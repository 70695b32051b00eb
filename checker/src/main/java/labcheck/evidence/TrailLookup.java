package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * CloudTrail's event history from the deadline to the moment labcheck looked (LookupEvents): the write
 * events on the lab's resources. CloudTrail lists an event about 5 minutes after it happened (at most
 * 15), so a lookup soon after the deadline may not list the last changes yet.
 *
 * @param from       the deadline, as given (ISO-8601 with its zone)
 * @param to         when the lookup ran, an ISO-8601 instant
 * @param resources  the lab resources looked for, e.g. {@code sg-0redis}, {@code product-cache-cluster}
 * @param events     the write events on them, oldest first
 * @param eventsRead the write events read in all (on any resource of the account)
 * @param truncation what was not read and why (too many events, a failed page), or null when nothing was left out
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrailLookup(String from, String to, List<String> resources, List<TrailEvent> events, int eventsRead,
                          String truncation) {

    /** How long CloudTrail may take to list an event (AWS: "within 15 minutes" of the API call). */
    public static final Duration DELIVERY = Duration.ofMinutes(15);

    public TrailLookup {
        resources = resources == null ? List.of() : List.copyOf(resources);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A builder with every field unset, for the collector and test fixtures. */
    public static TrailLookupBuilder builder() {
        return TrailLookupBuilder.builder();
    }

    /** A builder holding this lookup's fields, to change some and build a new one. */
    public TrailLookupBuilder toBuilder() {
        return TrailLookupBuilder.builder(this);
    }

    /**
     * A caveat when the lookup ran less than {@link #DELIVERY} after the deadline, else null: the
     * latest changes may not be listed yet.
     */
    public String deliveryCaveat() {
        try {
            Instant deadline = OffsetDateTime.parse(from).toInstant();
            Instant lookedUp = Instant.parse(to);
            Duration after = Duration.between(deadline, lookedUp);
            if (after.compareTo(DELIVERY) >= 0) {
                return null;
            }
            return "CloudTrail was read " + Math.max(0, after.toMinutes()) + " min after the deadline and lists an"
                    + " event up to 15 min after it happens, so a change made shortly before that may be missing;"
                    + " to see it, collect again with the same --deadline later.";
        } catch (DateTimeException e) {
            return null;
        }
    }
}
