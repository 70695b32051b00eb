package labcheck.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import labcheck.evidence.Ec2Instance;

/**
 * The fake's EC2 Instance Connect, with the instance's side of it. AWS-shaped: JSON 1.1,
 * {@code X-Amz-Target: AWSEC2InstanceConnectService.SendSSHPublicKey}, reached through the SDK's
 * endpoint override (the {@link FakeAws} URL); it checks the request against the {@link Lab}'s
 * instances (unknown id, not running, another zone, not a public key) and answers AWS's error
 * codes. Each key it accepts is written to {@code keys/USER} as {@code EXPIRES_EPOCH KEY}, and
 * {@link #authorizedKeysCommand()} installs the script a real sshd runs as its
 * {@code AuthorizedKeysCommand}: it prints the keys whose 60 s have not run out, as the real
 * instance's {@code eic_run_authorized_keys} reads them from the metadata service.
 *
 * <pre>{@code
 * InstanceConnectFake ic = aws.instanceConnect(dir.resolve("keys"));
 * Sshd.start(dir, "127.0.0.1", null, ic.sshdConfig());
 * }</pre>
 */
public final class InstanceConnectFake implements ResponseDefinitionTransformerV2 {

    static final String NAME = "instance-connect";
    static final String TARGET = "AWSEC2InstanceConnectService.SendSSHPublicKey";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Lab> lab;
    private final AtomicReference<Path> keys = new AtomicReference<>();
    private final AtomicReference<String> deny = new AtomicReference<>();
    private final java.util.Set<String> deniedInstances = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger agedPushes = new AtomicInteger();
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicReference<JsonNode> last = new AtomicReference<>();
    private Path script;

    InstanceConnectFake(Supplier<Lab> lab) {
        this.lab = lab;
    }

    /** Records accepted keys under {@code dir} (one file per OS user). */
    InstanceConnectFake keysIn(Path dir) {
        try {
            keys.set(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Answers every push with AWS's AccessDeniedException, as IAM does without the opt-in statement. */
    public void deny() {
        deny.set("AccessDeniedException");
    }

    /**
     * Answers pushes to {@code instanceId} alone with AccessDeniedException, as a policy whose statement names
     * other instances (or another account's role) does.
     */
    public void denyOn(String instanceId) {
        deniedInstances.add(instanceId);
    }

    /** The next {@code n} pushes are recorded as made 61 s ago: their keys are past their 60 s at once. */
    public void ageNextPushes(int n) {
        agedPushes.set(n);
    }

    /** How many pushes were accepted. */
    public int pushes() {
        return pushes.get();
    }

    /** The last accepted push's request body (InstanceId, InstanceOSUser, SSHPublicKey, AvailabilityZone). */
    public Optional<JsonNode> lastPush() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode r;
        try {
            r = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            return error("SerializationException", "the body is not JSON");
        }
        if (deny.get() != null || deniedInstances.contains(r.path("InstanceId").asText())) {
            return error(deny.get() == null ? "AccessDeniedException" : deny.get(), "User: " + FakeAws.CALLER_ARN + " is not authorized to perform:"
                    + " ec2-instance-connect:SendSSHPublicKey on resource: arn:aws:ec2:us-east-1:" + FakeAws.ACCOUNT
                    + ":instance/" + r.path("InstanceId").asText() + " because no identity-based policy allows it");
        }
        String id = r.path("InstanceId").asText();
        String user = r.path("InstanceOSUser").asText();
        String key = r.path("SSHPublicKey").asText();
        Optional<Ec2Instance> instance = lab.get().instances().stream().filter(i -> i.instanceId().equals(id))
                .findFirst();
        if (instance.isEmpty()) {
            return error("EC2InstanceNotFoundException", "Instance not found");
        }
        if (!"running".equals(instance.get().state())) {
            return error("EC2InstanceStateInvalidException", "Instance is not in a valid state");
        }
        String zone = r.path("AvailabilityZone").asText(null);
        if (zone != null && !zone.equals(instance.get().availabilityZone())) {
            return error("InvalidArgsException", "Availability Zone does not match the instance");
        }
        if (!user.matches("[a-z_][a-z0-9._-]{0,31}") || !key.matches("(ssh-ed25519|ssh-rsa|ecdsa-sha2-\\S+) \\S+( \\S+)?")) {
            return error("InvalidArgsException", "Invalid OS user or SSH public key");
        }
        long ago = agedPushes.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 61 : 0;
        long expires = System.currentTimeMillis() / 1000 + 60 - ago;
        if (keys.get() != null) {
            try {
                Files.writeString(keys.get().resolve(user), expires + " " + key + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pushes.incrementAndGet();
        last.set(r);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"RequestId\":\"" + UUID.randomUUID() + "\",\"Success\":true}").build();
    }

    private static ResponseDefinition error(String code, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withHeader("x-amzn-ErrorType", code)
                .withBody("{\"__type\":\"" + code + "\",\"Message\":\"" + message.replace("\"", "'") + "\"}").build();
    }

    /**
     * Installs the instance's AuthorizedKeysCommand and returns sshd's config lines for it: no authorized_keys file,
     * only the keys pushed for the user and still within their 60 s. sshd runs only a command whose path is owned
     * by root and writable by no one else, so the script lives in a folder of its own under /run (removed by
     * {@link #close()}); it reads the keys where this fake writes them.
     */
    public String[] sshdConfig() throws IOException {
        if (keys.get() == null) {
            throw new IllegalStateException("keysIn(dir) first");
        }
        Path folder = Path.of("/run", "labcheck-eic-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        script = folder.resolve("eic_run_authorized_keys");
        Files.writeString(script, "#!/bin/sh\n"
                + "# as EC2 Instance Connect's eic_run_authorized_keys: the keys pushed for user $1 within 60 s\n"
                + "case \"$1\" in *[!a-z0-9._-]*|'') exit 0;; esac\n"
                + "f='" + keys.get() + "'/\"$1\"\n"
                + "[ -f \"$f\" ] || exit 0\n"
                + "now=$(date +%s)\n"
                + "while read -r expires key; do\n"
                + "  [ \"$expires\" -gt \"$now\" ] && printf '%s\\n' \"$key\"\n"
                + "done < \"$f\"\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new String[] {"AuthorizedKeysFile none", "AuthorizedKeysCommand " + script + " %u",
            "AuthorizedKeysCommandUser root"};
    }

    /** Removes the installed script and its folder. */
    void close() {
        if (script != null) {
            try {
                Files.deleteIfExists(script);
                Files.deleteIfExists(script.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            script = null;
        }
    }
}
