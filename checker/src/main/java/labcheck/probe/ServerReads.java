package labcheck.probe;

import java.sql.SQLException;
import java.util.Map;
import labcheck.evidence.Fact;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.ReachedServers;

/**
 * Asks the Redis and the database the probe read who they are ({@code INFO server};
 * {@code SELECT @@hostname, @@version}), after every window is closed: the SELECT moves
 * {@code Com_select}. Each server's answer is a claim the checks compare with AWS.
 */
final class ServerReads {

    private ServerReads() {
    }

    static Fact<ReachedServers> read(RedisReader redis, DbReader db, DbTarget dbTarget) {
        if (redis == null && db == null) {
            return Fact.notCollected("What the Redis and database servers say of themselves",
                    "give --redis and --db-url (or let labcheck find them in AWS) to compare them with AWS.");
        }
        ReachedServers.RedisServer r = null;
        ReachedServers.DatabaseServer d = null;
        StringBuilder problems = new StringBuilder();
        if (redis != null) {
            try {
                Map<String, String> info = redis.info("server");
                r = new ReachedServers.RedisServer(redis.endpoint(), info.get("redis_version"),
                        info.get("valkey_version"), info.get("os"));
            } catch (RuntimeException e) {
                problems.append("Redis INFO server could not be read (").append(e.getMessage()).append("). ");
            }
        }
        if (db != null) {
            try {
                String[] id = db.identity();
                d = new ReachedServers.DatabaseServer(SafeUrl.strip(dbTarget.jdbcUrl()), id[0], id[1]);
            } catch (SQLException | RuntimeException e) {
                problems.append("SELECT @@hostname, @@version could not be read (").append(e.getMessage()).append(").");
            }
        }
        if (r == null && d == null) {
            return Fact.unavailable(new Unavailable("ServiceError", null, problems.toString().trim()));
        }
        return Fact.of(new ReachedServers(r, d));
    }
}
