package labcheck.run;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.collect.InstanceConnect;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.reach.EphemeralKey;
import labcheck.reach.Reach;
import labcheck.reach.ReachException;
import labcheck.reach.SshSettings;
import labcheck.reach.SshTarget;

/**
 * The way in by EC2 Instance Connect ({@code --ssh-via instance-connect}): the instance is found
 * in the AWS evidence (by {@code --instance-id}, or by the address labcheck is to connect to),
 * with its availability zone; a one-time ed25519 key is made in memory, pushed for the OS user
 * with SendSSHPublicKey, and the SSH connection opened with it within the key's 60 s, under the
 * same host-key rules as a key file. A key sshd refuses is pushed anew once (the window may have
 * been missed). Every fault names its cause and fix: no public address, port 22 closed by a
 * security group, an AMI without Instance Connect, AccessDenied on the push.
 *
 * <pre>{@code
 * ThroughSsh way = ThroughSsh.open(new InstanceConnectWay(ssh, aws, evidence, progress), probe, source, progress);
 * }</pre>
 */
final class InstanceConnectWay implements ThroughSsh.Opener {

    /** The longest one push may take; AWS answers it in well under a second. */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(15);
    /** What the AMI fault says ships EC2 Instance Connect. */
    static final String AMIS = "EC2 Instance Connect is installed on Amazon Linux 2023 and Amazon Linux 2 AMIs and on"
            + " Ubuntu 20.04 and later; Ubuntu 16.04 and 18.04 get it with sudo apt-get install ec2-instance-connect";

    private final SshSettings ssh;
    private final AwsSettings aws;
    private final Evidence evidence;
    private final Consumer<String> progress;

    InstanceConnectWay(SshSettings ssh, AwsSettings aws, Evidence evidence, Consumer<String> progress) {
        this.ssh = ssh;
        this.aws = aws;
        this.evidence = evidence;
        this.progress = progress;
    }

    /** The instance to push to and the address to connect to. */
    record Found(String instanceId, String zone, SshTarget target, Ec2Instance instance) {
    }

    @Override
    public Reach open(long end) throws ReachException {
        if (aws == null) {
            throw new ReachException("--ssh-via instance-connect pushes a key with the AWS access labcheck was given,"
                    + " and none was. Fix: add --region (and --profile or --role-arn), or grade with --ssh-key.");
        }
        Found at = find(ssh, evidence);
        SshSettings to = ssh.withTarget(at.target());
        String user = at.target().user();
        try (InstanceConnect ic = InstanceConnect.create(aws, ThroughSsh.cap(PUSH_TIMEOUT, end))) {
            long firstRefused = -1;
            while (true) {
                EphemeralKey key = EphemeralKey.generate();
                progress.accept("Pushing a one-time SSH key for " + user + " to EC2 instance " + at.instanceId()
                        + " (EC2 Instance Connect)...");
                String request;
                try {
                    request = ic.push(at.instanceId(), at.zone(), user, key.publicKeyLine());
                } catch (InstanceConnect.Refused e) {
                    throw new ReachException(e.getMessage());
                }
                long pushed = System.nanoTime();
                progress.accept("Connecting over SSH to " + to.target() + " with it...");
                try {
                    Reach reach = Reach.open(to.withKey(key).withTimeouts(ThroughSsh.cap(to.connectTimeout(), end),
                            ThroughSsh.cap(to.authTimeout(), end)));
                    reach.note(reachedNote(at, key, request, firstRefused));
                    return reach;
                } catch (ReachException e) {
                    long seconds = Duration.ofNanos(System.nanoTime() - pushed).toSeconds();
                    if (e.kind() == ReachException.Kind.KEY_REFUSED && firstRefused < 0) {
                        firstRefused = seconds;
                        progress.accept("sshd refused the key " + seconds + " s after its push; pushing a new one once"
                                + " (a pushed key is valid for " + InstanceConnect.KEY_LIFETIME.toSeconds() + " s).");
                        continue;
                    }
                    throw explain(e, at, firstRefused, seconds);
                }
            }
        } catch (AwsSetupException e) {
            throw new ReachException("EC2 Instance Connect could not be used: " + e.getMessage());
        }
    }

    /**
     * The instance named by {@code --instance-id}, else the one whose public address, DNS name or private
     * address is the host to connect to; with its zone, and the address (its public one when none was given).
     */
    static Found find(SshSettings ssh, Evidence evidence) throws ReachException {
        SshTarget given = ssh.target();
        String id = ssh.instanceId();
        if (id == null && given.host() == null) {
            throw new ReachException("--ssh-via instance-connect needs to know the instance. Fix: give --ssh"
                    + " USER@ADDRESS (its public address) or --instance-id i-....");
        }
        if (!evidence.instances().available()) {
            if (id != null && given.host() != null) {
                return new Found(id, null, given, null);   // AWS finds the zone itself when it is not given
            }
            throw new ReachException("EC2 Instance Connect needs the instance, and the AWS evidence has none ("
                    + evidence.instances().unavailable().message() + "). Fix: grant ec2:DescribeInstances (labcheck"
                    + " policy), or give both --instance-id i-... and --ssh USER@ADDRESS.");
        }
        List<Ec2Instance> all = evidence.instances().value();
        List<Ec2Instance> matching = all.stream()
                .filter(i -> id != null ? id.equals(i.instanceId()) : addresses(i).contains(lower(given.host())))
                .sorted(Comparator.comparing((Ec2Instance i) -> !"running".equals(i.state()))).toList();
        if (matching.isEmpty()) {
            if (id != null && given.host() != null) {
                return new Found(id, null, given, null);
            }
            throw new ReachException(id != null
                    ? "EC2 instance " + id + " is not among the instances AWS showed labcheck (those in the cache's VPC"
                    + " and the one at the app's address), so its address is unknown. Fix: give --ssh USER@ADDRESS"
                    + " too, or check the id and --region."
                    : "no EC2 instance AWS showed labcheck has the address " + given.host() + " (public IPv4, public DNS"
                    + " name or private IPv4), so there is no instance to push a key to. Fix: give the app instance's"
                    + " public address in --ssh, or its id with --instance-id.");
        }
        Ec2Instance i = matching.get(0);
        if (i.state() != null && !"running".equals(i.state())) {
            throw new ReachException("EC2 instance " + i.instanceId() + " is " + i.state() + ", so EC2 Instance Connect"
                    + " cannot push a key to it. Fix: start it (EC2 console: Instance state > Start instance); its"
                    + " public address may change.");
        }
        SshTarget target = given;
        if (given.host() == null) {
            String host = i.publicIpAddress() != null ? i.publicIpAddress() : i.publicDnsName();
            if (host == null) {
                throw new ReachException(noPublicAddress(i));
            }
            target = given.at(host);
        }
        return new Found(i.instanceId(), zone(i, evidence), target, i);
    }

    private static List<String> addresses(Ec2Instance i) {
        return java.util.stream.Stream.of(i.publicIpAddress(), i.publicDnsName(), i.privateIpAddress())
                .filter(java.util.Objects::nonNull).map(InstanceConnectWay::lower).toList();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The instance's zone from its placement, else from its subnet's, else null (AWS then finds it). */
    private static String zone(Ec2Instance i, Evidence evidence) {
        if (i.availabilityZone() != null || !evidence.subnets().available()) {
            return i.availabilityZone();
        }
        return evidence.subnets().value().stream().filter(s -> s.subnetId().equals(i.subnetId()))
                .map(labcheck.evidence.Subnet::availabilityZone).findFirst().orElse(null);
    }

    static String noPublicAddress(Ec2Instance i) {
        return "EC2 instance " + i.instanceId() + " has no public IPv4 address or DNS name, so its sshd cannot be"
                + " reached from outside its VPC, with a pushed key or any other. AWS's way in to a private instance"
                + " is an EC2 Instance Connect Endpoint in its subnet, which labcheck does not open. Fix: give the"
                + " instance a public address (an Elastic IP), or run labcheck inside the VPC with --ssh USER@"
                + i.privateIpAddress() + ", or on the instance itself.";
    }

    private ReachException explain(ReachException e, Found at, long firstRefused, long seconds) {
        String user = at.target().user();
        if (e.kind() == ReachException.Kind.KEY_REFUSED) {
            return new ReachException("sshd at " + at.target().server() + " refused the key pushed with EC2 Instance"
                    + " Connect for user " + user + " twice (" + firstRefused + " s and " + seconds + " s after"
                    + " each push; a pushed key is valid for " + InstanceConnect.KEY_LIFETIME.toSeconds() + " s). So"
                    + " the instance's sshd does not ask EC2 Instance Connect for keys (its AMI lacks it), or " + user
                    + " is not its login user" + elsewhere(at) + ". Fix: " + AMIS + "; otherwise grade with the"
                    + " instance's key pair (--ssh-key). The user is ec2-user on Amazon Linux, ubuntu on Ubuntu"
                    + " (--ssh USER@...).");
        }
        if (e.kind() == ReachException.Kind.NO_CONNECTION && at.instance() != null) {
            return new ReachException(e.getMessage() + " " + PortAccess.explain(at.instance(), at.target(), evidence));
        }
        return e;
    }

    /** When the address given is none of the instance's: the key went to one machine, the login to another. */
    private static String elsewhere(Found at) {
        if (at.instance() == null || addresses(at.instance()).contains(lower(at.target().host()))) {
            return "";
        }
        return "; or " + at.target().host() + " is not EC2 instance " + at.instanceId() + ", to which the key was"
                + " pushed (its addresses: " + String.join(", ", addresses(at.instance())) + ")";
    }

    private static String reachedNote(Found at, EphemeralKey key, String request, long firstRefused) {
        return "Reached EC2 instance " + at.instanceId() + (at.zone() == null ? "" : " (" + at.zone() + ")")
                + " with EC2 Instance Connect: a one-time ed25519 key (" + key.fingerprint() + ") made in memory was"
                + " pushed for OS user " + at.target().user() + " (SendSSHPublicKey, request " + request + ") and used"
                + " within its " + InstanceConnect.KEY_LIFETIME.toSeconds() + " s; no key pair was needed, and nothing"
                + " stays on the instance."
                + (firstRefused < 0 ? "" : " sshd refused the first key pushed (" + firstRefused + " s after its push),"
                + " and accepted a second.");
    }
}
