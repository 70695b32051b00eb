package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.StatsSnapshot;

/** Reads {@code GET /stats}: the snapshot, or why the answer is not the contract's. */
final class StatsReader {

    private StatsReader() {
    }

    record Read(StatsSnapshot snapshot, Unavailable unavailable) {
    }

    static Read read(HttpProbe app, Deadline d) {
        HttpResult r = app.get("/stats", d);
        if (!r.answered()) {
            return new Read(null, new Unavailable(r.unavailableCode(), "GET /stats", "GET /stats: " + r.failure() + "."));
        }
        Json.Parsed p = Json.object(r);
        if (!p.ok()) {
            return new Read(null, new Unavailable("InvalidResponse", "GET /stats", "GET /stats " + p.problem() + "."));
        }
        JsonNode o = p.node();
        StringBuilder problems = new StringBuilder();
        if (r.status() != 200) {
            Json.note(problems, "it answered HTTP " + r.status() + (o.has("error") ? " with error "
                    + Json.snippet(o.get("error").toString(), 80) : ""));
        }
        Double hits = Json.number(o, "keyspace_hits", problems);
        Double misses = Json.number(o, "keyspace_misses", problems);
        Double total = Json.number(o, "total_requests", problems);
        Double ratio = Json.number(o, "hit_ratio_percent", problems);
        if (problems.length() == 0 && (hits == null || misses == null)) {
            Json.note(problems, "keyspace_hits or keyspace_misses is missing");
        }
        if (problems.length() > 0) {
            return new Read(null, new Unavailable("InvalidResponse", "GET /stats",
                    "GET /stats does not follow the contract: " + problems + "."));
        }
        return new Read(new StatsSnapshot(hits.longValue(), misses.longValue(),
                total == null ? hits.longValue() + misses.longValue() : total.longValue(),
                ratio == null ? -1 : ratio), null);
    }
}
