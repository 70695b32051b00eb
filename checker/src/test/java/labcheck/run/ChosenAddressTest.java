package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Endpoint names resolved on labcheck's side, with this machine's real resolver. */
class ChosenAddressTest {

    @Test
    void anAddressOrALoopbackNameIsForwardedAsGivenWithNothingToSay() {
        for (String given : new String[] {"10.0.2.45", "127.0.0.1", "::1", "localhost", "LOCALHOST", "db.localhost"}) {
            ChosenAddress at = ChosenAddress.of(given, Duration.ofSeconds(5));
            assertThat(at.forwardHost()).isEqualTo(given);
            assertThat(at.address()).isNull();
            assertThat(at.note("Redis", 6379, "compared")).isNull();
        }
    }

    @Test
    void aNameThatResolvesHereIsForwardedToItsAddressAndTheNoteSaysTheInstanceWasNotAsked() throws Exception {
        // GIVEN this machine's own name, which its resolver answers (from /etc/hosts or DNS)
        String name = InetAddress.getLocalHost().getHostName();
        String expected = InetAddress.getByName(name).getHostAddress();

        ChosenAddress at = ChosenAddress.of(name, Duration.ofSeconds(5));

        assertThat(at.forwardHost()).isEqualTo(at.address()).isNotEqualTo(name);
        assertThat(at.address()).isEqualTo(expected);
        assertThat(at.note("Redis", 6379, "compared")).isEqualTo("Redis " + name + ":6379 was forwarded to "
                + expected + ":6379, the address labcheck resolved the name to itself; the instance's own name"
                + " resolution (its /etc/hosts, which its owner controls) was not used.");
    }

    @Test
    void aNameThatDoesNotResolveHereIsLeftToTheInstanceAndTheNoteSaysWhatThatMeans() {
        // .invalid never resolves (RFC 6761)
        ChosenAddress at = ChosenAddress.of("product-cache.labcheck-test.invalid", Duration.ofSeconds(5));

        assertThat(at.forwardHost()).isEqualTo("product-cache.labcheck-test.invalid");
        assertThat(at.problem()).isNotNull();
        assertThat(at.note("Redis", 6379, "its version is compared with AWS's"))
                .startsWith("labcheck could not resolve product-cache.labcheck-test.invalid from this machine (")
                .contains("the instance resolved it for the forward to Redis")
                .contains("what it holds is the instance's word; its version is compared with AWS's.")
                .contains("Fix: run labcheck where the name resolves");
    }
}
