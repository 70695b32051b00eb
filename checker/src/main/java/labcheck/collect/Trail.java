package labcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcheck.evidence.Fact;
import labcheck.evidence.TrailEvent;
import labcheck.evidence.TrailLookup;
import labcheck.evidence.Unavailable;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * CloudTrail's event history after a deadline ({@code cloudtrail:LookupEvents}, read-only): the write
 * events on the lab's resources. First one lookup of the account's write events (ReadOnly=false) from
 * the deadline to now, page by page; when they fill more than {@link #MAX_PAGES} pages, one lookup per
 * lab resource (ResourceName) for what the pages did not reach. LookupEvents answers 2 requests per second
 * per account and region, so requests are paced at that rate; everything is bounded, and the evidence
 * says what was left out.
 *
 * <pre>{@code
 * Fact<TrailLookup> writes = new Trail(clients.cloudTrail, calls).lookup("2026-12-05T17:00:00Z",
 *         Instant.now(), LabResources.of(evidence));
 * }</pre>
 */
final class Trail {

    static final String ACTION = "cloudtrail:LookupEvents";
    /** LookupEvents' largest page. */
    static final int PAGE_SIZE = 50;
    /** Pages of the account's write events read before looking resource by resource (500 events). */
    static final int MAX_PAGES = 10;
    /** Resources looked up one by one, and pages per resource, when the account's write events are too many. */
    static final int MAX_RESOURCES = 30;
    static final int MAX_RESOURCE_PAGES = 2;
    /** LookupEvents' quota: 2 requests per second per account and region. */
    static final Duration PACE = Duration.ofMillis(500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailClient cloudTrail;
    private final Calls calls;
    private final Duration pace;
    private long lastRequest;
    private int eventsRead;

    Trail(CloudTrailClient cloudTrail, Calls calls) {
        this(cloudTrail, calls, PACE);
    }

    Trail(CloudTrailClient cloudTrail, Calls calls, Duration pace) {
        this.cloudTrail = cloudTrail;
        this.calls = calls;
        this.pace = pace;
    }

    /**
     * @param deadline ISO-8601 with a zone, as the user gave it
     * @param now      the end of the window: when the lookup runs
     * @param lab      the lab's resource ids, each with its kind ({@link LabResources})
     */
    Fact<TrailLookup> lookup(String deadline, Instant now, Map<String, String> lab) {
        Instant from = OffsetDateTime.parse(deadline).toInstant();
        Map<String, TrailEvent> found = new LinkedHashMap<>();
        List<String> cut = new ArrayList<>();
        if (from.isBefore(now)) {
            Pages window = read(from, now, attribute(LookupAttributeKey.READ_ONLY, "false"), MAX_PAGES, lab, found);
            if (window.failure() != null && window.pages() == 0) {
                return Fact.unavailable(window.failure());
            }
            if (window.failure() != null) {
                cut.add("the lookup stopped after " + window.pages() + " page(s): " + window.failure().message());
            } else if (window.more()) {
                byResource(from, now, lab, found, cut);
            }
        }
        List<TrailEvent> events = new ArrayList<>(found.values());
        events.sort(Comparator.comparing(TrailEvent::eventTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TrailEvent::eventName, Comparator.nullsLast(Comparator.naturalOrder())));
        return Fact.of(TrailLookup.builder().from(deadline).to(now.toString()).resources(List.copyOf(lab.keySet()))
                .events(events).eventsRead(eventsRead).truncation(cut.isEmpty() ? null
                        : "Not every write event was read: " + String.join("; ", cut) + ".").build());
    }

    /**
     * The account had more write events after the deadline than {@link #MAX_PAGES} pages hold: look up
     * each lab resource by name instead (ReadOnly cannot be combined with it, so reads are skipped here).
     */
    private void byResource(Instant from, Instant now, Map<String, String> lab, Map<String, TrailEvent> found,
                            List<String> cut) {
        List<String> ids = List.copyOf(lab.keySet());
        if (ids.size() > MAX_RESOURCES) {
            cut.add("the account wrote more than " + MAX_PAGES * PAGE_SIZE + " events after the deadline, and only "
                    + MAX_RESOURCES + " of the lab's " + ids.size() + " resources were then looked up one by one");
        }
        for (String id : ids.stream().limit(MAX_RESOURCES).toList()) {
            Pages pages = read(from, now, attribute(LookupAttributeKey.RESOURCE_NAME, id), MAX_RESOURCE_PAGES, lab,
                    found);
            if (pages.failure() != null) {
                cut.add("the lookup of " + id + " failed: " + pages.failure().message());
            } else if (pages.more()) {
                cut.add(id + " has more than " + MAX_RESOURCE_PAGES * PAGE_SIZE + " events after the deadline;"
                        + " the newest were read");
            }
        }
    }

    private record Pages(int pages, boolean more, Unavailable failure) {
    }

    /** Reads up to {@code maxPages} pages of one lookup, adding the events on lab resources to {@code found}. */
    private Pages read(Instant from, Instant now, LookupAttribute attribute, int maxPages, Map<String, String> lab,
                       Map<String, TrailEvent> found) {
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            String next = token;
            if (!paced()) {
                return new Pages(page, true, new Unavailable("Timeout", ACTION, "CloudTrail's lookup was"
                        + " interrupted before it finished."));
            }
            Fact<LookupEventsResponse> answer = calls.call(ACTION, () -> cloudTrail.lookupEvents(r -> r
                    .lookupAttributes(attribute).startTime(from).endTime(now).maxResults(PAGE_SIZE).nextToken(next)));
            if (!answer.available()) {
                return new Pages(page, true, answer.unavailable());
            }
            for (Event e : answer.value().events()) {
                if (!"true".equalsIgnoreCase(e.readOnly())) {
                    eventsRead++;
                    matched(e, lab).ifPresent(t -> found.putIfAbsent(t.eventId() == null ? t.toString() : t.eventId(),
                            t));
                }
            }
            token = answer.value().nextToken();
            if (token == null || token.isEmpty()) {
                return new Pages(page + 1, false, null);
            }
        }
        return new Pages(maxPages, true, null);
    }

    /** Waits until {@link #pace} has passed since the last request; false when interrupted. */
    private boolean paced() {
        long wait = lastRequest == 0 ? 0 : lastRequest + pace.toNanos() - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        lastRequest = System.nanoTime();
        return true;
    }

    private static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    /**
     * The event as evidence when it touched a lab resource: one its Resources name (by id or as the tail
     * of an ARN), else one its request parameters name. AWS acting on its own (userIdentity type
     * AWSService) is no change by the student and is left out.
     */
    static Optional<TrailEvent> matched(Event e, Map<String, String> lab) {
        JsonNode record = parse(e.cloudTrailEvent());
        JsonNode who = record.path("userIdentity");
        if ("AWSService".equals(who.path("type").asText(null))) {
            return Optional.empty();
        }
        String resource = null;
        if (e.hasResources()) {
            for (Resource r : e.resources()) {
                resource = lab.keySet().stream().filter(id -> names(r.resourceName(), id)).findFirst().orElse(null);
                if (resource != null) {
                    break;
                }
            }
        }
        if (resource == null) {
            String parameters = record.path("requestParameters").toString();
            resource = lab.keySet().stream().filter(id -> parameters.contains("\"" + id + "\"")).findFirst()
                    .orElse(null);
        }
        if (resource == null) {
            return Optional.empty();
        }
        String arn = who.path("arn").asText(null);
        String principal = arn != null && !arn.isBlank() ? arn : e.username();
        return Optional.of(new TrailEvent(e.eventTime() == null ? null : e.eventTime().toString(), e.eventName(),
                e.eventSource(), lab.get(resource), resource, principal, e.eventId()));
    }

    private static boolean names(String name, String id) {
        return name != null && (name.equals(id) || name.endsWith(":" + id) || name.endsWith("/" + id));
    }

    /** The event's own record (a JSON string); an empty object when CloudTrail gave none or it is unreadable. */
    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
