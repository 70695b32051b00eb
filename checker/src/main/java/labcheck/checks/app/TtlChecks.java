package labcheck.checks.app;

import java.util.ArrayList;
import java.util.List;
import labcheck.engine.Check;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.rubric.Thresholds;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 5: a TTL on cached data. */
public class TtlChecks {

    @Check(id = "redis_product_key_ttl_set",
            title = "Cached product keys expire (TTL set)",
            remediation = "Store with an expiry: redis_client.setex(cache_key, ${ttlMaxSeconds}, json.dumps(product))"
                    + " instead of set(), or call expire(cache_key, ${ttlMaxSeconds}) right after. Check with:"
                    + " redis-cli -h <endpoint> TTL product:1 (expect 1..${ttlMaxSeconds}, not -1).")
    void ttlSet(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        RedisKeysProbe redis = AppFacts.require(app.redis());
        List<RedisKeysProbe.KeyState> present = redis.keys().stream().filter(RedisKeysProbe.KeyState::exists).toList();
        Report.details(reporter, "TTL on " + redis.endpoint() + ": " + redis.keys().stream()
                .map(k -> k.key() + "=" + k.ttlSeconds()).toList() + " (bound " + thresholds.ttlMaxSeconds() + " s)");
        if (present.isEmpty()) {
            Assertions.fail("None of the probed keys " + redis.keys().stream().map(RedisKeysProbe.KeyState::key).toList()
                    + " exists in Redis at " + redis.endpoint() + " after the app served them, so there is no TTL to "
                    + "check; the app must cache each product under product:<id>.");
        }
        List<String> wrong = new ArrayList<>();
        for (RedisKeysProbe.KeyState k : present) {
            long ttl = k.ttlSeconds();
            if (ttl == -1) {
                wrong.add(k.key() + " has no expiry (TTL -1)");
            } else if (ttl <= 0 || ttl > thresholds.ttlMaxSeconds()) {
                wrong.add(k.key() + " has TTL " + ttl + " s");
            }
        }
        if (!wrong.isEmpty()) {
            Assertions.fail("In Redis at " + redis.endpoint() + ", " + String.join("; ", wrong) + "; expected a TTL "
                    + "between 1 and " + thresholds.ttlMaxSeconds() + " s so stale products expire and memory is "
                    + "not exhausted: store them with SETEX (redis_client.setex(key, 3600, value)) instead of SET.");
        }
    }
}
