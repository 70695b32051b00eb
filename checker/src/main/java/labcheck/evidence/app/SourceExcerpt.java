package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The product route's code, for the judge.
 *
 * @param file                 the file name given with {@code --source}
 * @param firstLine            1-based line number of the excerpt's first line
 * @param excerpt              the route's lines (capped)
 * @param cacheReadLine        line of the first cache read in the route, or 0
 * @param dbQueryLine          line of the first database query in the route, or 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceExcerpt(String file, int firstLine, String excerpt, int cacheReadLine, int dbQueryLine) {

    /** Whether the route reads the cache before it queries the database (lazy loading). */
    public boolean cacheReadBeforeDbQuery() {
        return cacheReadLine > 0 && (dbQueryLine == 0 || cacheReadLine < dbQueryLine);
    }

    /** Where the route reads the cache and queries the database, then the excerpt itself, for the judge. */
    public String describe() {
        return "Source " + file + " from line " + firstLine + ": "
                + (cacheReadLine == 0 ? "no cache read found" : "cache read at line " + cacheReadLine) + ", "
                + (dbQueryLine == 0 ? "no DB query found" : "DB query at line " + dbQueryLine)
                + (cacheReadBeforeDbQuery() ? " (cache read before the DB query)."
                        : " (the cache is NOT read before the DB query).") + "\n" + excerpt;
    }
}
