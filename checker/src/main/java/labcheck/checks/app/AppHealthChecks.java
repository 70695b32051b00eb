package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.HealthProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 3: the application connects to Redis. */
public class AppHealthChecks {

    /** How a second request for the same product becomes a HIT, for every failure of a hit. */
    private static final String SERVE_HITS = " Fix: read product:<id> from Redis before querying MySQL and answer"
            + " cache_status HIT when it is there; on a MISS store the product with SETEX so the next request is a"
            + " HIT.";

    @Check(id = "app_health_redis_connected",
            title = "GET /health reports Redis connected",
            remediation = "Make /health PING Redis on every call and answer {\"status\": \"healthy\", \"redis_status\": "
                    + "\"connected\"} only when the PING succeeds. If it says disconnected: check the Redis endpoint "
                    + "in the app, and that redis-sg allows TCP ${redisPort} from the EC2 instance's security group.")
    void healthRedisConnected(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        HealthProbe h = AppFacts.require(app.health());
        Report.details(reporter, "GET " + app.appUrl() + "/health -> " + h.describe());
        if (h.problem() != null) {
            fail("GET /health on " + app.appUrl() + " does not follow the contract: " + h.problem() + "; expected"
                    + " {\"status\": \"healthy\", \"redis_status\": \"connected\"}. Fix: answer /health with that JSON"
                    + " (Content-Type application/json), redis_status from a PING to Redis.");
        }
        boolean connected = h.httpStatus() == 200 && "connected".equalsIgnoreCase(h.redisStatus());
        Conditions conditions = new Conditions();
        conditions.expect(connected, () -> "GET /health on " + app.appUrl() + " answered HTTP " + h.httpStatus()
                + " with redis_status=" + h.redisStatus() + "; expected HTTP 200 with redis_status=connected, so the"
                + " app cannot reach Redis. Fix: check the Redis endpoint in the app and that redis-sg allows TCP "
                + thresholds.redisPort() + " from the EC2 instance's security group.");
        LazyLoadProbe l = app.lazyLoad() != null && app.lazyLoad().available() ? app.lazyLoad().value() : null;
        long served = l == null ? 0 : l.evidenced() ? fromCache(l).size() : l.totalHits();
        if (connected && l != null) {
            String none = l.evidenced()
                    ? "none of the probe's " + l.observations().size() + " repeated product requests was served from"
                    + " the cache (0 HIT by labcheck's own reads of Redis and the database around each request)"
                    : "none of the probe's product requests was served from the cache (0 HIT, " + l.totalMisses()
                    + " MISS)";
            conditions.expect(served > 0 || !l.evidenced() && l.totalMisses() == 0, () -> "GET /health on "
                    + app.appUrl() + " says redis_status=connected, but " + none + ", so the app is not really using"
                    + " Redis. Fix: make /health PING Redis each time instead of reporting a stored flag, and serve"
                    + " repeated requests from the cache.");
        }
        conditions.verify();
        Report.passed(reporter, "GET /health on " + app.appUrl() + " answered HTTP 200 with redis_status=connected"
                + (l == null ? "." : l.evidenced() ? ", and the app served " + served + " of " + l.observations().size()
                + " repeated product requests from the cache." : ", and the app answered cache_status HIT " + served
                + " times during the probe."));
    }

    @Check(id = "app_cache_hit_observed",
            title = "A cache HIT is observed and its key exists in Redis",
            remediation = "Read product:<id> from Redis before querying MySQL and answer cache_status HIT when it is "
                    + "there; on a MISS store the product with SETEX so the next request is a HIT.")
    void cacheHitObserved(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        if (l.evidenced()) {
            hitByEvidence(app, l, reporter);
            return;
        }
        List<Integer> hitIds = l.observations().stream().filter(o -> o.second().hit())
                .map(ProductObservation::id).toList();
        StringBuilder details = new StringBuilder("HIT answers over the whole probe: " + l.totalHits()
                + ", MISS answers: " + l.totalMisses() + "; ids answering HIT on their second request: " + hitIds
                + ". " + l.basis());
        if (l.totalHits() == 0) {
            Report.details(reporter, details.toString());
            fail("None of the probe's requests to " + app.appUrl() + "/product/{id} answered cache_status HIT ("
                    + l.totalMisses() + " MISS" + (l.firstProblem() == null ? "" : "; the app's answers: "
                    + l.firstProblem()) + "); a second request for the same id must be served from Redis."
                    + SERVE_HITS);
        }
        boolean corroborate = app.redis() != null && app.redis().available() && !hitIds.isEmpty();
        List<RedisKeysProbe.KeyState> keys = !corroborate ? List.of() : app.redis().value().keys().stream()
                .filter(k -> hitIds.contains(k.id())).toList();
        if (corroborate) {
            details.append("\n" + AppFacts.key(app) + " in Redis for HIT ids: ").append(keys.stream()
                    .map(k -> k.key() + (k.exists() ? " exists" : " absent")).toList());
        } else {
            details.append("\nRedis not read from here, so the HIT was not corroborated in Redis: ")
                    .append(app.redis() == null || app.redis().available() ? "no HIT id to look up"
                            : app.redis().unavailable().message());
        }
        Report.details(reporter, details.toString());
        new Conditions().expect(!corroborate || keys.stream().anyMatch(RedisKeysProbe.KeyState::exists),
                () -> "The app answered HIT for product ids " + hitIds + ", but Redis at "
                + app.redis().value().endpoint() + " holds none of their " + AppFacts.key(app) + " keys; a HIT must"
                + " come from Redis, keyed " + AppFacts.key(app) + "." + SERVE_HITS).verify();
        Report.passed(reporter, "The app at " + app.appUrl() + " answered cache_status HIT " + l.totalHits()
                + " times" + (corroborate ? ", and Redis at " + app.redis().value().endpoint() + " holds the"
                + " " + AppFacts.key(app) + " keys of the ids it answered HIT for." : "; Redis was not read from here, so"
                + " the HITs"
                + " are the app's claim."));
    }

    /** A request served while its key was in Redis, whose label (if any) does not deny it. */
    private static void hitByEvidence(AppEvidence app, LazyLoadProbe l, TestReporter reporter) {
        List<Integer> hits = new ArrayList<>();
        List<String> lies = new ArrayList<>();
        for (ProductObservation o : l.observations()) {
            RequestTrace.Served s = Served.of(o.second(), o.secondTrace());
            if (!Served.fromCache(s)) {
                continue;
            }
            // a HIT label on a hit that also queried MySQL is true about the cache: that costs item 4, not this one
            String lie = s == RequestTrace.Served.HIT_QUERYING_DB ? null
                    : Served.lie(o.second(), o.secondTrace(), AppFacts.key(app));
            if (lie == null) {
                hits.add(o.id());
            } else {
                lies.add("product " + o.id() + ": " + lie);
            }
        }
        Report.details(reporter, "ids served from the cache on their second request: " + hits
                + (lies.isEmpty() ? "" : "; labels contradicting the evidence: " + lies) + ". "
                + l.basis(AppFacts.key(app))
                + " cache_status HIT answers over the whole probe (claims): " + l.totalHits() + ".");
        if (!lies.isEmpty()) {
            Finding.CACHE_STATUS_CONTRADICTED.raise(reporter);
        }
        new Conditions().expect(!hits.isEmpty(), () -> "None of the probe's repeated requests to " + app.appUrl()
                + "/product/{id} was served from the cache" + (lies.isEmpty() ? " (" + AppFacts.key(app)
                + " was not in Redis"
                + " before them, or MySQL was queried)" : " with a truthful label: " + String.join("; ", lies))
                + "; a second request for the same id must be served from Redis" + (lies.isEmpty() ? ""
                : ", and cache_status must say what happened") + "." + SERVE_HITS).verify();
        Report.passed(reporter, "The app at " + app.appUrl() + " served "
                + (hits.size() == 1 ? "product " : "products ")
                + Texts.join(hits.stream().map(String::valueOf).toList())
                + " from the cache on the second request, by labcheck's own reads (" + AppFacts.key(app) + " in Redis"
                + " before it).");
    }

    /** The observations whose second request was served from the cache, by the evidence. */
    private static List<ProductObservation> fromCache(LazyLoadProbe l) {
        return l.observations().stream().filter(o -> Served.fromCache(Served.of(o.second(), o.secondTrace())))
                .toList();
    }
}
