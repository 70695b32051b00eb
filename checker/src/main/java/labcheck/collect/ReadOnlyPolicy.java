package labcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy labcheck needs, shipped as {@code iam/labcheck-readonly-policy.json}
 * (and {@code docs/iam-policy.json}). Tests prove the collector calls exactly these actions.
 *
 * <pre>{@code
 * String json = ReadOnlyPolicy.json();            // attach to a user or role
 * Set<String> actions = ReadOnlyPolicy.actions(); // e.g. "ec2:DescribeRouteTables"
 * String withPush = ReadOnlyPolicy.withInstanceConnect(List.of("ec2-user"));   // plus SendSSHPublicKey, opt-in
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

    /**
     * The read-only policy plus one statement allowing {@link InstanceConnect#ACTION} on EC2 instances, only for
     * the OS users named ({@code ec2:osuser}), for {@code --ssh-via instance-connect}. The read-only statement is
     * the shipped one, byte for byte.
     */
    public static String withInstanceConnect(List<String> osUsers) {
        String json = json();
        int end = json.lastIndexOf("\n  ]");
        return json.substring(0, end) + ",\n" + instanceConnectStatement(osUsers, "    ") + json.substring(end);
    }

    /**
     * The OS users the opt-in statement names ({@code --os-user}, repeatable; ec2-user when none is given), for
     * {@code labcheck policy} and {@code labcheck onboard} alike.
     *
     * @throws IllegalArgumentException when users are given without {@code --instance-connect}
     */
    public static List<String> osUsers(boolean instanceConnect, List<String> given) {
        if (given != null && !instanceConnect) {
            throw new IllegalArgumentException("--os-user limits the --instance-connect statement. Fix: add"
                    + " --instance-connect, or leave --os-user out.");
        }
        return given == null ? List.of("ec2-user") : given;
    }

    /**
     * The opt-in statement alone, indented by {@code indent} (for a policy, or a role's template): SendSSHPublicKey on
     * any EC2 instance of the account, on condition that the key is for one of {@code osUsers}.
     *
     * @throws IllegalArgumentException when no user is named, or a name is not an OS user name
     */
    public static String instanceConnectStatement(List<String> osUsers, String indent) {
        if (osUsers.isEmpty() || osUsers.stream().anyMatch(u -> u == null || !u.matches("[a-z_][a-z0-9._-]{0,31}"))) {
            throw new IllegalArgumentException("--os-user needs the instance's login user, e.g. ec2-user (Amazon Linux)"
                    + " or ubuntu (Ubuntu); given: " + osUsers + ".");
        }
        String users = osUsers.size() == 1 ? "\"" + osUsers.get(0) + "\""
                : osUsers.stream().distinct().map(u -> "\"" + u + "\"").collect(Collectors.joining(", ", "[", "]"));
        return indent + "{\n"
                + indent + "  \"Sid\": \"LabcheckInstanceConnect\",\n"
                + indent + "  \"Effect\": \"Allow\",\n"
                + indent + "  \"Action\": [\n"
                + indent + "    \"" + InstanceConnect.ACTION + "\"\n"
                + indent + "  ],\n"
                + indent + "  \"Resource\": \"arn:aws:ec2:*:*:instance/*\",\n"
                + indent + "  \"Condition\": {\n"
                + indent + "    \"StringEquals\": {\n"
                + indent + "      \"ec2:osuser\": " + users + "\n"
                + indent + "    }\n"
                + indent + "  }\n"
                + indent + "}";
    }

    /** Every action the policy allows, sorted. */
    public static Set<String> actions() {
        return actions(json());
    }

    /** Every action {@code policyJson} allows, sorted. */
    public static Set<String> actions(String policyJson) {
        try {
            JsonNode doc = new ObjectMapper().readTree(policyJson);
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
     * to {@code ec2:DescribeRouteTables}. IAM prefixes are the SDK's service names, lower-cased
     * (EC2 Instance Connect's is {@code ec2-instance-connect}).
     */
    public static String iamAction(String sdkServiceName, String operationName) {
        String prefix = sdkServiceName.toLowerCase(Locale.ROOT).replace(" ", "");
        if (prefix.equals("ec2instanceconnect")) {
            return InstanceConnect.ACTION.substring(0, InstanceConnect.ACTION.indexOf(':') + 1) + operationName;
        }
        return prefix + ":" + operationName;
    }
}
