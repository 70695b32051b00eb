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
        ProbeSettings s = ProbeSettings.builder().appUrl("http://127.0.0.1:1").db(url, "root", null).build();

        Unavailable why = DbReader.connect(s, Duration.ofSeconds(5)).unavailable();

        assertThat(why.code()).isEqualTo("NotFound");
        assertThat(why.message()).contains("answered but has no such database", "Unknown database 'ecommerse'",
                "the lab's is ecommerce").doesNotContain("could not be reached");
    }
}
