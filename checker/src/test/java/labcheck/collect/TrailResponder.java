package labcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers CloudTrail's LookupEvents (JSON 1.1, {@code X-Amz-Target: ...CloudTrail_20131101.LookupEvents})
 * from a list of events, as AWS does: only those in [StartTime, EndTime], narrowed by the one lookup
 * attribute (ReadOnly or ResourceName), newest first, MaxResults per page with a NextToken. moto 5.2
 * has no LookupEvents, so this is the fake every CloudTrail test talks to.
 */
public final class TrailResponder implements ResponseDefinitionTransformerV2 {

    static final String NAME = "cloudtrail";
    static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    /**
     * One event of the account's history.
     *
     * @param requestParameters the call's parameters as JSON, e.g. {@code {"groupId":"sg-0redis"}}
     * @param userType          CloudTrail's userIdentity.type: {@code IAMUser}, {@code AssumedRole}, {@code AWSService}
     */
    public record Event(String id, String name, Instant time, String source, boolean readOnly, String resourceType,
                 String resourceName, String userArn, String userType, String requestParameters) {

        /** A student's write on one resource, e.g. an ingress rule added to a security group. */
        public static Event write(String id, String name, Instant time, String source, String resourceType,
                           String resourceName, String requestParameters) {
            return new Event(id, name, time, source, false, resourceType, resourceName,
                    "arn:aws:iam::123456789012:user/student", "IAMUser", requestParameters);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<Event>> events;

    TrailResponder(Supplier<List<Event>> events) {
        this.events = events;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serve) {
        try {
            JsonNode req = JSON.readTree(serve.getRequest().getBodyAsString());
            Instant from = seconds(req.path("StartTime"), Instant.EPOCH);
            Instant to = seconds(req.path("EndTime"), Instant.now());
            JsonNode attribute = req.path("LookupAttributes").path(0);
            String key = attribute.path("AttributeKey").asText("");
            String value = attribute.path("AttributeValue").asText("");
            int size = req.path("MaxResults").asInt(50);
            int start = req.hasNonNull("NextToken") ? Integer.parseInt(req.get("NextToken").asText()) : 0;
            List<Event> matching = new ArrayList<>(events.get().stream()
                    .filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to))
                    .filter(e -> switch (key) {
                        case "ReadOnly" -> String.valueOf(e.readOnly()).equals(value);
                        case "ResourceName" -> value.equals(e.resourceName());
                        default -> true;
                    }).toList());
            matching.sort(Comparator.comparing(Event::time).reversed());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Events", matching.subList(Math.min(start, matching.size()), Math.min(start + size,
                    matching.size())).stream().map(TrailResponder::render).toList());
            if (start + size < matching.size()) {
                body.put("NextToken", String.valueOf(start + size));
            }
            return ResponseDefinition.okForJson(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant seconds(JsonNode n, Instant otherwise) {
        return n.isNumber() ? Instant.ofEpochMilli(Math.round(n.asDouble() * 1000)) : otherwise;
    }

    private static Map<String, Object> render(Event e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "1.08");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("type", e.userType());
        if (e.userArn() != null) {
            user.put("arn", e.userArn());
            user.put("accountId", "123456789012");
        }
        if ("AWSService".equals(e.userType())) {
            user.put("invokedBy", e.source());
        }
        record.put("userIdentity", user);
        record.put("eventTime", e.time().toString());
        record.put("eventSource", e.source());
        record.put("eventName", e.name());
        record.put("sourceIPAddress", "203.0.113.7");
        try {
            record.put("requestParameters", JSON.readTree(e.requestParameters() == null ? "{}" : e.requestParameters()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("EventId", e.id());
            m.put("EventName", e.name());
            m.put("ReadOnly", String.valueOf(e.readOnly()));
            m.put("AccessKeyId", "ASIAEXAMPLEKEYID0000");
            m.put("EventTime", e.time().toEpochMilli() / 1000.0);
            m.put("EventSource", e.source());
            m.put("Username", e.userArn() == null ? null : e.userArn().substring(e.userArn().lastIndexOf('/') + 1));
            if (e.resourceName() != null) {
                m.put("Resources", List.of(Map.of("ResourceType", e.resourceType(), "ResourceName", e.resourceName())));
            }
            m.put("CloudTrailEvent", JSON.writeValueAsString(record));
            m.values().removeIf(v -> v == null);
            return m;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
