package labcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy labcheck needs, shipped as {@code iam/labcheck-readonly-policy.json}
 * (and {@code docs/iam-policy.json}). Tests prove the collector calls exactly these actions.
 *
 * <pre>{@code
 * String json = ReadOnlyPolicy.json();            // attach to a user or role
 * Set<String> actions = ReadOnlyPolicy.actions(); // e.g. "ec2:DescribeRouteTables"
 * }</pre>
 */
public final class ReadOnlyPolicy {

    public static final String RESOURCE = "/iam/labcheck-readonly-policy.json";

    /**
     * Not in the policy: the permission to assume a role belongs to the identity that assumes it,
     * and the role itself only needs the policy's actions.
     */
    public static final String ASSUME_ROLE_NOTE = "With --role-arn, the identity you start from also needs"
            + " sts:AssumeRole on that role, and the role's trust policy must allow it (with sts:ExternalId"
            + " when you pass --external-id); attach the policy above to the role.";

    private ReadOnlyPolicy() {
    }

    /** The policy document, as shipped. */
    public static String json() {
        try (InputStream in = ReadOnlyPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + "; rebuild labcheck.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every action the policy allows, sorted. */
    public static Set<String> actions() {
        try {
            JsonNode doc = new ObjectMapper().readTree(json());
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : doc.path("Statement")) {
                statement.path("Action").forEach(a -> actions.add(a.asText()));
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The IAM action for an SDK service and operation name, e.g. ("EC2", "DescribeRouteTables")
     * to {@code ec2:DescribeRouteTables}. IAM prefixes are the SDK's service names, lower-cased.
     */
    public static String iamAction(String sdkServiceName, String operationName) {
        String prefix = sdkServiceName.toLowerCase(Locale.ROOT).replace(" ", "");
        return prefix + ":" + operationName;
    }
}
