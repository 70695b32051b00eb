package labcheck.probe;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * What to probe and how hard: the apps, Redis and the database (each named as the instance sees
 * it and dialled where this host reaches it), the limits and the source. Passwords stay in
 * memory only ({@link Credentials}) and never appear in {@link #toString()} or in evidence.
 * Copies made with the generated {@code with...} methods share the credentials: {@link #close()}
 * on any of them clears the passwords of all, once the probe is done.
 *
 * <pre>{@code
 * try (ProbeSettings s = ProbeSettings.of("http://127.0.0.1:8081", "http://127.0.0.1:8080")
 *         .withRedis(RedisTarget.of("127.0.0.1", 6380, false))
 *         .withDb(DbTarget.of("jdbc:mysql://127.0.0.1:3307/ecommerce", Credentials.of("grader", passwordChars)))
 *         .withLimits(Limits.DEFAULTS.withBudget(Duration.ofSeconds(60)))) {
 *     Fact<AppEvidence> app = new AppProbe(s).run();
 * }
 * }</pre>
 *
 * @param apps   the cache app, the no-cache app, and where the timing is taken
 * @param redis  Redis and its AUTH account, or {@link RedisTarget#NONE}
 * @param db     the database and its read-only account, or {@link DbTarget#NONE}
 * @param limits how hard and how long; {@link Limits#DEFAULTS} when null
 * @param source the app's source for the judge, or {@link Source#NONE}
 */
// changed a part at a time (withRedis, withBudget): withers on, whatever the build's default for records
@RecordBuilder
@RecordBuilder.Options(enableWither = true, enableGetters = false, addStaticBuilder = false)
public record ProbeSettings(Apps apps, RedisTarget redis, DbTarget db, Limits limits, Source source)
        implements ProbeSettingsBuilder.With, AutoCloseable {

    public ProbeSettings {
        java.util.Objects.requireNonNull(apps, "apps");
        redis = redis == null ? RedisTarget.NONE : redis;
        db = db == null ? DbTarget.NONE : db;
        limits = limits == null ? Limits.DEFAULTS : limits;
        source = source == null ? Source.NONE : source;
    }

    /** The two apps (the no-cache one may be null), dialled where they are, with nothing else and the seed's limits. */
    public static ProbeSettings of(String appUrl, String baselineUrl) {
        return new ProbeSettings(Apps.of(appUrl, baselineUrl), null, null, null, null);
    }

    /** Clears the passwords held in memory (of every copy: they share them). */
    @Override
    public void close() {
        if (redis.credentials() != null) {
            redis.credentials().clear();
        }
        if (db.credentials() != null) {
            db.credentials().clear();
        }
    }
}
