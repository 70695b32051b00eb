package labcheck.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import labcheck.evidence.MetricAlarm;

/**
 * A fake AWS on 127.0.0.1 (WireMock): every query-protocol call is {@code POST /} with a form
 * body, answered by {@link LabResponder} from a {@link Lab}, honouring ids and filters as AWS
 * does; CloudWatch speaks Smithy RPCv2 CBOR on its own path; CloudTrail's LookupEvents (JSON 1.1)
 * is answered by {@link TrailResponder} from {@link #trail(List)}'s events (none by default). Faults
 * are stubs of higher priority: a denied action, throttling once, an expired token, a server error.
 *
 * <pre>{@code
 * try (FakeAws aws = FakeAws.start(Labs.good())) { ... aws.url() ... }
 * }</pre>
 */
public final class FakeAws implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String CALLER_ARN = "arn:aws:iam::123456789012:user/student";
    static final String CLOUDWATCH_PATH = "/service/GraniteServiceVersion20100801/operation/DescribeAlarms";

    private static final CBORMapper CBOR = new CBORMapper();

    private final WireMockServer server;
    private final AtomicReference<Lab> lab;
    private final AtomicReference<List<TrailResponder.Event>> trail = new AtomicReference<>(List.of());

    private FakeAws(Lab initial) {
        lab = new AtomicReference<>(initial);
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePort.find())
                .extensions(new LabResponder(lab::get), new TrailResponder(trail::get)));
        server.start();
        server.stubFor(post(urlEqualTo("/")).atPriority(10)
                .willReturn(aResponse().withTransformers(LabResponder.NAME)));
        server.stubFor(post(urlEqualTo("/")).atPriority(5).withHeader("X-Amz-Target", equalTo(TrailResponder.TARGET))
                .willReturn(aResponse().withTransformers(TrailResponder.NAME)));
        stubAlarms(initial.alarms());
    }

    public static FakeAws start(Lab lab) {
        useFakeCredentials();
        return new FakeAws(lab);
    }

    /** The SDK's default chain finds these first; no real credential is ever in reach of a test. */
    public static void useFakeCredentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer wireMock() {
        return server;
    }

    AwsSettings.Builder settings() {
        return AwsSettings.builder().region("us-east-1").endpointUrl(url()).clusterId(Labs.CLUSTER).appUrl(Labs.APP_URL)
                .callTimeout(java.time.Duration.ofSeconds(20));
    }

    /** The account's CloudTrail event history, as LookupEvents will answer from now on. */
    public void trail(List<TrailResponder.Event> events) {
        trail.set(List.copyOf(events));
    }

    /** AWS answers {@code action} (e.g. {@code ec2:DescribeRouteTables}) with access denied. */
    public void deny(String action) {
        String service = action.substring(0, action.indexOf(':'));
        String op = action.substring(action.indexOf(':') + 1);
        if (service.equals("cloudtrail")) {
            server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", containing("." + op))
                    .willReturn(jsonError(400, "AccessDeniedException", "User: " + CALLER_ARN
                            + " is not authorized to perform: " + action + " because no identity-based policy allows"
                            + " the " + action + " action")));
            return;
        }
        if (service.equals("cloudwatch")) {
            server.stubFor(post(urlEqualTo(CLOUDWATCH_PATH)).atPriority(1).willReturn(cborError(400, "AccessDenied",
                    "User: " + CALLER_ARN + " is not authorized to perform: " + action)));
            return;
        }
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=" + op + "&"))
                .willReturn(error(service, 403, service.equals("ec2") ? "UnauthorizedOperation" : "AccessDenied",
                        "User: " + CALLER_ARN + " is not authorized to perform: " + action)));
    }

    /** The first call to {@code op} is throttled, later ones are answered. */
    void throttleOnce(String service, String op) {
        String scenario = "throttle-" + op;
        server.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .withRequestBody(containing("Action=" + op + "&"))
                .willReturn(error(service, service.equals("ec2") ? 503 : 400,
                        service.equals("ec2") ? "RequestLimitExceeded" : "Throttling", "Rate exceeded")));
    }

    /** Every call to {@code op} fails with HTTP {@code status}. */
    void fail(String service, String op, int status, String code) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=" + op + "&"))
                .willReturn(error(service, status, code, "We encountered an internal error. Please try again.")));
    }

    /** Every call to {@code op} answers only after {@code delay} (a service that has stopped answering in time). */
    void hang(String op, java.time.Duration delay) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=" + op + "&"))
                .willReturn(aResponse().withStatus(500).withFixedDelay((int) delay.toMillis())));
    }

    /** STS says the session token has expired, as it does for a stale SSO or lab session. */
    public void expireToken() {
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=GetCallerIdentity&"))
                .willReturn(error("sts", 403, "ExpiredToken", "The security token included in the request is expired")));
    }

    private static ResponseDefinitionBuilder error(String service, int status, String code, String message) {
        String body = switch (service) {
            case "ec2" -> AwsXml.ec2Error(code, message);
            case "rds" -> AwsXml.queryError(AwsXml.RDS_NS, code, message);
            case "sts" -> AwsXml.queryError(AwsXml.STS_NS, code, message);
            default -> AwsXml.queryError(AwsXml.ELASTICACHE_NS, code, message);
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private void stubAlarms(List<MetricAlarm> alarms) {
        List<Map<String, Object>> items = alarms.stream().map(FakeAws::alarm).toList();
        server.stubFor(post(urlEqualTo(CLOUDWATCH_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("smithy-protocol", "rpc-v2-cbor").withHeader("Content-Type", "application/cbor")
                .withBody(cbor(Map.of("MetricAlarms", items, "CompositeAlarms", List.of())))));
    }

    /** An AWS JSON 1.1 error, as CloudTrail answers. */
    static ResponseDefinitionBuilder jsonError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "7f4b1e9c-json").withBody("{\"__type\":\"" + code
                        + "\",\"Message\":\"" + message + "\"}");
    }

    private static ResponseDefinitionBuilder cborError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor").withHeader("x-amzn-query-error", code + ";Sender")
                .withBody(cbor(Map.of("__type", "com.amazonaws.cloudwatch#" + code, "message", message)));
    }

    private static Map<String, Object> alarm(MetricAlarm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AlarmName", a.alarmName());
        m.put("Namespace", a.namespace());
        m.put("MetricName", a.metricName());
        m.put("Statistic", a.statistic());
        m.put("ComparisonOperator", a.comparisonOperator());
        m.put("Threshold", a.threshold());
        m.put("EvaluationPeriods", a.evaluationPeriods());
        m.put("Period", a.period());
        m.put("StateValue", a.stateValue());
        m.put("Dimensions", a.dimensions().stream().map(d -> Map.of("Name", d.name(), "Value", d.value())).toList());
        m.values().removeIf(v -> v == null);
        return m;
    }

    static byte[] cbor(Object value) {
        try {
            return CBOR.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
