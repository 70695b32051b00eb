package labcheck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;

/**
 * The AWS evidence of a correctly built lab in a sample account, as the collector wrote it
 * (its good-lab scenario). The demo grades the AWS items from it, since a newcomer has no
 * lab in AWS; every output says "sample account".
 */
public final class SampleAccount {

    /** The source every scoresheet shows for these facts. */
    public static final String SOURCE = "sample account";

    static final String RESOURCE = "/samples/sample-account/evidence.json";

    private SampleAccount() {
    }

    public static Evidence evidence() {
        try (InputStream in = SampleAccount.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample account's evidence " + RESOURCE
                        + " is missing from this labcheck build.");
            }
            return EvidenceBundle.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
