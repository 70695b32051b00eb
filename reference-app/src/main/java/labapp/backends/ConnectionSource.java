package labapp.backends;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a request gets its database connection: a pool, or a new one each time (the seed's way). */
@FunctionalInterface
public interface ConnectionSource {
    /** A connection the caller must close. */
    Connection get() throws SQLException;
}
