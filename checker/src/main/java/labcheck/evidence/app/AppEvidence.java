package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
 */
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
        Fact<WarmCacheProbe> warmCache) {

    public AppEvidence {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Evidence without the cache-warming read. */
    public AppEvidence(String appUrl, String baselineUrl, Fact<HealthProbe> health, Fact<LazyLoadProbe> lazyLoad,
                       Fact<RedisKeysProbe> redis, Fact<DatabaseProbe> database, Fact<TimingProbe> timing,
                       Fact<StatsWindow> stats, Fact<LoadTestResult> loadTest, Fact<WriteProbe> writeThrough,
                       Fact<DeleteProbe> delete, Fact<SourceExcerpt> source, long durationMs, List<String> notes) {
        this(appUrl, baselineUrl, health, lazyLoad, redis, database, timing, stats, loadTest, writeThrough, delete,
                source, durationMs, notes, null);
    }

    /** A builder with every field unset (null: unknown; a number, 0), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this AppEvidence's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.appUrl = appUrl;
        b.baselineUrl = baselineUrl;
        b.health = health;
        b.lazyLoad = lazyLoad;
        b.redis = redis;
        b.database = database;
        b.timing = timing;
        b.stats = stats;
        b.loadTest = loadTest;
        b.writeThrough = writeThrough;
        b.delete = delete;
        b.source = source;
        b.durationMs = durationMs;
        b.notes = notes;
        b.warmCache = warmCache;
        return b;
    }

    /** Builds a {@link AppEvidence} by field name; a field left unset stays null (a number, 0). */
    public static final class Builder {
        private String appUrl;
        private String baselineUrl;
        private Fact<HealthProbe> health;
        private Fact<LazyLoadProbe> lazyLoad;
        private Fact<RedisKeysProbe> redis;
        private Fact<DatabaseProbe> database;
        private Fact<TimingProbe> timing;
        private Fact<StatsWindow> stats;
        private Fact<LoadTestResult> loadTest;
        private Fact<WriteProbe> writeThrough;
        private Fact<DeleteProbe> delete;
        private Fact<SourceExcerpt> source;
        private long durationMs;
        private List<String> notes;
        private Fact<WarmCacheProbe> warmCache;

        private Builder() {
        }

        public Builder appUrl(String appUrl) {
            this.appUrl = appUrl;
            return this;
        }

        public Builder baselineUrl(String baselineUrl) {
            this.baselineUrl = baselineUrl;
            return this;
        }

        public Builder health(Fact<HealthProbe> health) {
            this.health = health;
            return this;
        }

        public Builder lazyLoad(Fact<LazyLoadProbe> lazyLoad) {
            this.lazyLoad = lazyLoad;
            return this;
        }

        public Builder redis(Fact<RedisKeysProbe> redis) {
            this.redis = redis;
            return this;
        }

        public Builder database(Fact<DatabaseProbe> database) {
            this.database = database;
            return this;
        }

        public Builder timing(Fact<TimingProbe> timing) {
            this.timing = timing;
            return this;
        }

        public Builder stats(Fact<StatsWindow> stats) {
            this.stats = stats;
            return this;
        }

        public Builder loadTest(Fact<LoadTestResult> loadTest) {
            this.loadTest = loadTest;
            return this;
        }

        public Builder writeThrough(Fact<WriteProbe> writeThrough) {
            this.writeThrough = writeThrough;
            return this;
        }

        public Builder delete(Fact<DeleteProbe> delete) {
            this.delete = delete;
            return this;
        }

        public Builder source(Fact<SourceExcerpt> source) {
            this.source = source;
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder notes(List<String> notes) {
            this.notes = notes;
            return this;
        }

        public Builder warmCache(Fact<WarmCacheProbe> warmCache) {
            this.warmCache = warmCache;
            return this;
        }

        public AppEvidence build() {
            return new AppEvidence(appUrl, baselineUrl, health, lazyLoad, redis, database, timing, stats,
                    loadTest, writeThrough, delete, source, durationMs, notes, warmCache);
        }
    }
}
