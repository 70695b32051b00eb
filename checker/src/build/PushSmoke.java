import java.time.Duration;
import labcheck.collect.AwsSettings;
import labcheck.collect.InstanceConnect;

/**
 * Pushes a public key with EC2 Instance Connect's SendSSHPublicKey through the jar on this JVM's class
 * path, against an emulator: proof that the shrunk jar's ec2instanceconnect client marshals, signs,
 * sends and reads its answer as the unshrunk one does (LinkCheck proves the classes link; this runs
 * them). Credentials come from the environment. Exit code 0 when the push is accepted.
 *
 * <pre>{@code
 * AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing java -cp target/labcheck.jar \
 *     src/build/PushSmoke.java http://127.0.0.1:PORT i-0123456789abcdef0 us-east-1a
 * }</pre>
 */
public final class PushSmoke {

    /** An ed25519 public key line that belongs to no one (a fixed, well-formed example). */
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMnSZ41jQ2FCxqQbP5tm1hXNKYwOIS5cAz0Nmu6KcQ3q"
            + " labcheck-push-smoke";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp JAR PushSmoke.java ENDPOINT_URL INSTANCE_ID AVAILABILITY_ZONE");
            System.exit(2);
        }
        AwsSettings settings = AwsSettings.builder().region("us-east-1").endpointUrl(args[0]).clusterId("product-cache-cluster")
                .build();
        try (InstanceConnect ic = InstanceConnect.create(settings, Duration.ofSeconds(30))) {
            String requestId = ic.push(args[1], args[2], "ec2-user", KEY);
            System.out.println("pushed a key for ec2-user on " + args[1] + ": request " + requestId);
        } catch (InstanceConnect.Refused e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(1);
        }
    }
}
