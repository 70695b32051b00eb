package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcheck.evidence.Fact;

/**
 * What the app probe measured. Each part is a {@link Fact}: a probe that could not run
 * (Redis unreachable from this host, no DB credentials, an app that hung) leaves its part
 * unavailable with why, and costs nothing else.
 *
 * @param appUrl        the cache app's base URL (sanitised)
 * @param baselineUrl   the no-cache app's base URL (sanitised), or null
 * @param health        {@code GET /health} on the cache app
 * @param lazyLoad      ids not yet cached, requested twice each (MISS then HIT expected)
 * @param redis         what Redis itself held for those ids (EXISTS/GET/TTL), read by the probe
 * @param database      product count and select counters around a window of cache hits
 * @param timing        the seed's timing comparison, app-reported and client-measured side by side
 * @param stats         {@code /stats} before and after the probe's window, and what the probe saw
 * @param loadTest      the bounded concurrent load test (extension challenge 5)
 * @param writeThrough  {@code PUT /product/{id}} (extension challenge 1)
 * @param delete        {@code DELETE /product/{id}} (extension challenge 3)
 * @param source        the product route's code excerpt, when {@code --source} was given
 * @param durationMs    how long the whole probe took
 * @param notes         what the probe assumed or could not do, one sentence each
 * @param warmCache     the most viewed products' keys, read before the probe's own requests (extension
 *                      2); null in bundles from before it existed
 * @param servers       what the Redis and database read say of themselves (version, host), to compare with
 *                      AWS; null in bundles from before it existed
 * @param keyScheme     how the app names its product keys, as the probe found them (the lab's
 *                      {@code product:<id>} in db 0 until observed otherwise); null when Redis was not
 *                      read, and in bundles from before it was looked for
 * @param phasesMs      wall time of each probe phase in milliseconds, in the order they ran (where
 *                      {@code durationMs} went); null in bundles from before it was recorded. Not graded
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppEvidence(
        String appUrl,
        String baselineUrl,
        Fact<HealthProbe> health,
        Fact<LazyLoadProbe> lazyLoad,
        Fact<RedisKeysProbe> redis,
        Fact<DatabaseProbe> database,
        Fact<TimingProbe> timing,
        Fact<StatsWindow> stats,
        Fact<LoadTestResult> loadTest,
        Fact<WriteProbe> writeThrough,
        Fact<DeleteProbe> delete,
        Fact<SourceExcerpt> source,
        long durationMs,
        List<String> notes,
        Fact<WarmCacheProbe> warmCache,
        Fact<ReachedServers> servers,
        KeyScheme keyScheme,
        Map<String, Long> phasesMs) {

    public AppEvidence {
        notes = notes == null ? List.of() : List.copyOf(notes);
        // a LinkedHashMap, not Map.copyOf: the phases' order is the order they ran
        phasesMs = phasesMs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(phasesMs));
    }

    /** The app's key scheme as found, or the lab's {@code product:<id>} in db 0 when none was looked for. */
    public KeyScheme keys() {
        return keyScheme == null ? KeyScheme.LAB_GUESS : keyScheme;
    }

    /** A builder with every field unset (null: unknown; a number, 0), for collectors and test fixtures. */
    public static AppEvidenceBuilder builder() {
        return AppEvidenceBuilder.builder();
    }

    /** A builder holding this AppEvidence's fields, to change some and build a new one. */
    public AppEvidenceBuilder toBuilder() {
        return AppEvidenceBuilder.builder(this);
    }
}
