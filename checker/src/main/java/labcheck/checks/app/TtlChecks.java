package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.rubric.Thresholds;
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
        int bound = thresholds.ttlMaxSeconds();
        List<RedisKeysProbe.KeyState> present = redis.keys().stream().filter(RedisKeysProbe.KeyState::exists).toList();
        Report.details(reporter, redis.describeTtls() + " (bound " + bound + " s)" + AppFacts.schemeLine(app));
        if (present.isEmpty()) {
            String key = AppFacts.key(app);
            String coverage = redis.coverage() == null ? "" : " (" + redis.coverage().describe() + ")";
            String store = app.keys().lab() ? "redis_client.setex(f'product:{product_id}', " + bound
                    + ", json.dumps(product))" : "a TTL of at most " + bound + " s under " + key;
            fail("None of the probed keys " + redis.keys().stream().map(RedisKeysProbe.KeyState::key).toList()
                    + " exists in Redis at " + redis.endpoint() + " after the app served them" + coverage + ", so there"
                    + " is no TTL to check; the app must cache each product under " + key + ". Fix: on a miss, store"
                    + " the product with " + store + ".");
        }
        List<String> wrong = new ArrayList<>();
        for (RedisKeysProbe.KeyState k : present) {
            long ttl = k.ttlSeconds();
            if (ttl == -1) {
                wrong.add(k.key() + " has no expiry (TTL -1)");
            } else if (ttl <= 0 || ttl > bound) {
                wrong.add(k.key() + " has TTL " + ttl + " s");
            }
        }
        new Conditions().expect(wrong.isEmpty(), () -> "In Redis at " + redis.endpoint() + ", "
                + String.join("; ", wrong) + "; expected a TTL between 1 and " + bound + " s so stale products expire"
                + " and memory is not exhausted. Fix: store them with SETEX (redis_client.setex(key, " + bound
                + ", value)) instead of SET, or EXPIRE each key right after setting it.").verify();
        Report.passed(reporter, "In Redis at " + redis.endpoint() + ", " + Texts.join(present.stream()
                .map(k -> k.key() + " expires in " + k.ttlSeconds() + " s").toList()) + ", within the bound of "
                + bound + " s.");
    }
}
