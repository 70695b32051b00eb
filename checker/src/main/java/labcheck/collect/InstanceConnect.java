package labcheck.collect;

import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2instanceconnect.Ec2InstanceConnectClient;
import software.amazon.awssdk.services.ec2instanceconnect.model.SendSshPublicKeyResponse;

/**
 * EC2 Instance Connect's SendSSHPublicKey, labcheck's one call that is not a read, made only with
 * {@code --ssh-via instance-connect}: it hands the instance a public key that its sshd accepts
 * for {@link #KEY_LIFETIME}, for one OS user; nothing persists on the instance. Only the public
 * key is sent; messages name the instance, the user and the fix, never a key.
 *
 * <pre>{@code
 * try (InstanceConnect ic = InstanceConnect.create(awsSettings, Duration.ofSeconds(15))) {
 *     String requestId = ic.push("i-0abc", "us-east-1a", "ec2-user", "ssh-ed25519 AAAA... labcheck");
 * }
 * }</pre>
 */
public final class InstanceConnect implements AutoCloseable {

    /** The IAM action, the one {@code labcheck policy --instance-connect} adds. */
    public static final String ACTION = "ec2-instance-connect:SendSSHPublicKey";
    /** How long the instance accepts a pushed key (AWS's fixed 60 s). */
    public static final Duration KEY_LIFETIME = Duration.ofSeconds(60);

    /** Error codes meaning the caller may not push: IAM's denial, or the service's own AuthException. */
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "AuthException",
            "UnauthorizedOperation");

    private final AwsClients clients;
    private final Ec2InstanceConnectClient instanceConnect;
    private final String where;

    private InstanceConnect(AwsSettings settings, AwsClients clients, Duration callTimeout) {
        this.clients = clients;
        this.instanceConnect = clients.instanceConnect(callTimeout);
        this.where = settings.endpointUrl() != null ? "the endpoint " + settings.endpointUrl()
                : "EC2 Instance Connect in " + clients.region.id();
    }

    /** A client as the collection's (region, profile or role, endpoint), each call bounded by {@code callTimeout}. */
    public static InstanceConnect create(AwsSettings settings, Duration callTimeout) {
        return new InstanceConnect(settings, new AwsClients(settings), callTimeout);
    }

    /** Why a key could not be pushed; the message names the instance, the user, the cause and the fix. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean denied;

        Refused(String message, boolean denied) {
            super(message);
            this.denied = denied;
        }

        /** Whether AWS denied the action itself (a permission to grant), rather than the instance or the request. */
        public boolean denied() {
            return denied;
        }
    }

    /**
     * Pushes {@code publicKey} (an OpenSSH public key line) for {@code osUser} on {@code instanceId}.
     *
     * @param availabilityZone the instance's zone, or null when the evidence did not say (AWS then looks it up)
     * @return AWS's request id, for the notes (CloudTrail shows the same id)
     */
    public String push(String instanceId, String availabilityZone, String osUser, String publicKey) throws Refused {
        String what = "EC2 Instance Connect's SendSSHPublicKey for OS user " + osUser + " on EC2 instance " + instanceId;
        try {
            SendSshPublicKeyResponse r = instanceConnect.sendSSHPublicKey(b -> b.instanceId(instanceId)
                    .availabilityZone(availabilityZone).instanceOSUser(osUser).sshPublicKey(publicKey));
            if (!Boolean.TRUE.equals(r.success())) {
                throw new Refused(what + " answered without success (request " + r.requestId() + "). Fix: rerun; if it"
                        + " persists, grade with the instance's key pair (--ssh-key).", false);
            }
            return r.requestId();
        } catch (SdkException e) {
            throw refused(what, instanceId, osUser, e);
        }
    }

    private Refused refused(String what, String instanceId, String osUser, SdkException e) {
        String code = Faults.errorCode(e);
        if (code != null && DENIED.contains(code)) {
            return new Refused("AWS denied " + ACTION + " on EC2 instance " + instanceId + " for OS user " + osUser
                    + " (" + code + "). It is not in the read-only policy: it is the one opt-in action. Fix: add the"
                    + " statement `labcheck policy --instance-connect --os-user " + osUser + "` prints to the judges'"
                    + " policy (`labcheck onboard --instance-connect` adds it to the role), or grade with the"
                    + " instance's key pair (--ssh-key).", true);
        }
        if ("EC2InstanceNotFoundException".equals(code)) {
            return new Refused(what + " failed: " + where + " knows no instance " + instanceId + ". Fix: give the id"
                    + " of the running app instance (--instance-id), in the lab's region (--region).", false);
        }
        if ("EC2InstanceStateInvalidException".equals(code)) {
            return new Refused(what + " failed: the instance is not running. Fix: start it (EC2 console: Instance"
                    + " state > Start instance), then rerun.", false);
        }
        if ("InvalidArgsException".equals(code)) {
            return new Refused(what + " was refused as invalid (" + Faults.rootMessage(e) + "). Fix: check the OS"
                    + " user (--ssh USER@..., e.g. ec2-user on Amazon Linux, ubuntu on Ubuntu) and the instance id.",
                    false);
        }
        return new Refused(what + " failed: " + Faults.of(ACTION, e, where).message() + " Fix: rerun, or grade with"
                + " the instance's key pair (--ssh-key).", false);
    }

    @Override
    public void close() {
        instanceConnect.close();
        clients.close();
    }
}
