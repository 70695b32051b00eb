package labcheck.reach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where labcheck runs, when that is an EC2 instance: its region and instance id from the
 * instance metadata service, IMDSv2 (a token PUT first, then GETs carrying it), each step
 * bounded by a short timeout so that off EC2 it costs about a second. The endpoint is the
 * SDK's {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} (default {@code http://169.254.169.254});
 * {@code AWS_EC2_METADATA_DISABLED=true} skips it.
 *
 * <pre>{@code
 * Optional<Imds.Instance> here = Imds.locate(System.getenv(), Duration.ofSeconds(1));
 * }</pre>
 */
public final class Imds {

    static final String DEFAULT_ENDPOINT = "http://169.254.169.254";

    private Imds() {
    }

    /** This instance as IMDS describes it. */
    public record Instance(String region, String instanceId, String endpoint) {
    }

    /** The instance, or empty when IMDS does not answer (not on EC2, or disabled). */
    public static Optional<Instance> locate(Map<String, String> env, Duration timeout) {
        if ("true".equalsIgnoreCase(env.get("AWS_EC2_METADATA_DISABLED"))) {
            return Optional.empty();
        }
        String base = env.getOrDefault("AWS_EC2_METADATA_SERVICE_ENDPOINT", DEFAULT_ENDPOINT);
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/latest/api/token"))
                    .timeout(timeout).header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200 || token.body().isBlank()) {
                return Optional.empty();
            }
            String region = get(http, base, "/latest/meta-data/placement/region", token.body().trim(), timeout);
            String id = get(http, base, "/latest/meta-data/instance-id", token.body().trim(), timeout);
            return region == null ? Optional.empty() : Optional.of(new Instance(region, id, base));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String get(HttpClient http, String base, String path, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("X-aws-ec2-metadata-token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        String v = r.body() == null ? "" : r.body().trim();
        return r.statusCode() == 200 && v.matches("[A-Za-z0-9-]{1,64}") ? v : null;
    }
}
