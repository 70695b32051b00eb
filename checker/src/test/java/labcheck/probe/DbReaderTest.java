package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import labcheck.evidence.Unavailable;
import org.junit.jupiter.api.Test;

class DbReaderTest {

    @Test
    void anUnknownDatabaseIsNamedAsSuchNotAsUnreachable() {
        Backends b = Backends.get();
        String url = b.jdbcUrl().substring(0, b.jdbcUrl().lastIndexOf('/') + 1) + "ecommerse";
        DbTarget db = DbTarget.of(url, Credentials.of("root", null));

        Unavailable why = DbReader.connect(db, Duration.ofSeconds(5)).unavailable();

        assertThat(why.code()).isEqualTo("NotFound");
        assertThat(why.message()).contains("answered but has no such database", "Unknown database 'ecommerse'",
                "the lab's is ecommerce").doesNotContain("could not be reached");
    }
}
