package labcheck.reach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One SSH connection to the app's instance: local forwards on 127.0.0.1 ephemeral ports, and
 * bounded remote commands. Public-key authentication only, with the one key given; no agent,
 * no ~/.ssh/config, no password prompt. Nothing is installed or changed on the instance.
 *
 * <pre>{@code
 * try (SshLink link = SshLink.open(settings)) {
 *     int port = link.forward("localhost", 5001);     // http://127.0.0.1:port reaches the instance's 5001
 *     SshLink.Exec r = link.exec("uname -a", Duration.ofSeconds(5), 4096);
 * }
 * }</pre>
 */
public final class SshLink implements AutoCloseable {

    /** RFC 4254's SSH_OPEN_ADMINISTRATIVELY_PROHIBITED: sshd forbids forwarding. */
    private static final int PROHIBITED = 1;

    private final SshSettings s;
    private final SshClient client;
    private final ClientSession session;
    private final boolean hostKeyAdded;

    private SshLink(SshSettings s, SshClient client, ClientSession session, boolean added) {
        this.s = s;
        this.client = client;
        this.session = session;
        this.hostKeyAdded = added;
    }

    /** Connects, checks the host key and authenticates, each bounded; throws with the flag and the fix. */
    public static SshLink open(SshSettings s) throws ReachException {
        SshClient client = SshClient.setUpDefaultClient();
        HostKeyCheck hostKeys = new HostKeyCheck(s);
        client.setServerKeyVerifier(hostKeys);
        // one client per link, so its order is this session's: the known host-key types are asked for first
        client.setSignatureFactories(hostKeys.preferKnown(client.getSignatureFactories()));
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, s.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, s.authTimeout());
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, Duration.ofSeconds(10));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(15));
        // the forwards carry small requests and answers: with Nagle on, a write waits for the peer's delayed
        // ACK (40 ms), which stalls requests through the tunnel and swamps the timings labcheck takes there
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        ClientSession session = null;
        try {
            String server = s.target().server();
            try {
                session = client.connect(s.target().user(), s.target().host(), s.target().port())
                        .verify(s.connectTimeout()).getSession();
            } catch (IOException e) {
                throw new ReachException(ReachException.Kind.NO_CONNECTION, connectFailure(s, e));
            }
            for (KeyPair k : s.keys()) {
                session.addPublicKeyIdentity(k);
            }
            long t0 = System.nanoTime();
            try {
                session.auth().verify(s.authTimeout());
            } catch (IOException e) {
                if (hostKeys.refusal() != null) {
                    throw new ReachException(hostKeys.refusal());
                }
                boolean slow = System.nanoTime() - t0 >= s.authTimeout().toNanos() * 9 / 10;
                if (session.getServerVersion() == null || slow) {
                    throw new ReachException("sshd at " + server + " did not complete the SSH handshake and login"
                            + " within " + s.authTimeout().toSeconds() + " s (--ssh). Fix: check the address and port"
                            + " are the instance's sshd and that the instance is not overloaded; then rerun.");
                }
                if (s.viaInstanceConnect()) {
                    throw new ReachException(ReachException.Kind.KEY_REFUSED, "sshd at " + server + " refused the key"
                            + " pushed with EC2 Instance Connect for user " + s.target().user() + ".");
                }
                throw new ReachException(ReachException.Kind.KEY_REFUSED, "sshd at " + server + " refused the key "
                        + s.keyFile() + " for user "
                        + s.target().user() + " (--ssh, --ssh-key). Fix: use the private key of the key pair the"
                        + " instance was launched with, and its default user (ec2-user on Amazon Linux, ubuntu on"
                        + " Ubuntu).");
            }
            return new SshLink(s, client, session, hostKeys.added());
        } catch (ReachException | RuntimeException e) {
            closeQuietly(session, client);
            if (e instanceof RuntimeException && hostKeys.refusal() != null) {
                throw new ReachException(hostKeys.refusal());
            }
            throw e;
        }
    }

    private static String connectFailure(SshSettings s, IOException e) {
        String server = s.target().server();
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String fix = " Fix: check the instance is running, its public address, and that its security group allows"
                + " SSH (port 22) from this machine's address.";
        if (c instanceof UnknownHostException || e instanceof UnknownHostException) {
            return "the SSH host " + s.target().host() + " does not resolve (--ssh). Fix: give the instance's public"
                    + " IPv4 address or DNS name.";
        }
        if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
            return "sshd at " + server + " refused the connection or is not routable (--ssh)." + fix;
        }
        return "could not connect to sshd at " + server + " within " + s.connectTimeout().toSeconds() + " s (--ssh)."
                + fix;
    }

    /** Whether the connection is still up. */
    public boolean isOpen() {
        return session.isOpen() && session.isAuthenticated();
    }

    /** Whether an unknown host key was trusted (--ssh-accept-new) and written to the known-hosts file. */
    public boolean hostKeyAdded() {
        return hostKeyAdded;
    }

    public SshTarget target() {
        return s.target();
    }

    /**
     * Forwards 127.0.0.1:EPHEMERAL here to {@code host:port} as the instance sees it, after trying
     * one connection through it (for up to {@code trial}) so a refusal is reported now, with its reason.
     *
     * @return the local port
     */
    public int forward(String host, int port, Duration trial) throws ReachException {
        SshdSocketAddress remote = new SshdSocketAddress(host, port);
        String target = host + ":" + port;
        try (ChannelDirectTcpip tried = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                remote)) {
            tried.open().verify(trial);
        } catch (IOException e) {
            SshChannelOpenException refused = openFailure(e);
            if (refused == null) {
                throw new ReachException(dropped("forwarding to " + target));
            }
            if (refused.getReasonCode() == PROHIBITED) {
                throw new ReachException("sshd on " + s.target().server() + " refused to forward to " + target
                        + " (administratively prohibited: its AllowTcpForwarding is off). Fix: run labcheck on the"
                        + " instance itself, or ask its owner to allow TCP forwarding for " + s.target().user() + ".");
            }
            throw new ReachException("the instance " + s.target().host() + " could not connect to " + target
                    + " (" + (refused.getMessage() == null ? "connect failed" : refused.getMessage()) + "). Fix: check"
                    + " that the service runs there and that the address is as the instance sees it.");
        }
        try {
            return session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0), remote).getPort();
        } catch (IOException e) {
            throw new ReachException("a local port for the forward to " + target + " could not be opened ("
                    + e.getMessage() + "). Fix: rerun; if it persists, check this machine's firewall for 127.0.0.1.");
        }
    }

    private static SshChannelOpenException openFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SshChannelOpenException o) {
                return o;
            }
        }
        return null;
    }

    /** What a remote command gave: its exit status (null when it did not finish), its output, capped. */
    public record Exec(Integer exitStatus, byte[] out, String err, boolean finished, boolean capped) {

        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code command} on the instance, up to {@code timeout}, keeping at most {@code maxBytes} of its output. */
    public Exec exec(String command, Duration timeout, int maxBytes) throws ReachException {
        Capped out = new Capped(maxBytes);
        Capped err = new Capped(4096);
        try (ChannelExec ch = session.createExecChannel(command)) {
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(timeout);
            Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS),
                    timeout.toMillis());
            boolean done = ev.contains(ClientChannelEvent.EXIT_STATUS) || ev.contains(ClientChannelEvent.CLOSED);
            if (done && !ev.contains(ClientChannelEvent.CLOSED)) {
                ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 2000);
            }
            return new Exec(ch.getExitStatus(), out.bytes(), new String(err.bytes(), StandardCharsets.UTF_8),
                    done && !ev.contains(ClientChannelEvent.TIMEOUT), out.capped);
        } catch (IOException e) {
            throw new ReachException(dropped("a command on the instance"));
        }
    }

    private String dropped(String what) {
        return "the SSH connection to " + s.target().server() + " " + (isOpen() ? "failed" : "closed")
                + " during " + what + " (--ssh). Fix: check the instance and the network, then rerun.";
    }

    @Override
    public void close() {
        closeQuietly(session, client);
    }

    private static void closeQuietly(ClientSession session, SshClient client) {
        try {
            if (session != null) {
                session.close(true);
            }
        } finally {
            client.stop();
        }
    }

    /** Keeps the first {@code max} bytes written, and whether more came. */
    private static final class Capped extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final int max;
        private boolean capped;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = max - buf.size();
            if (len > room) {
                capped = true;
            }
            buf.write(b, off, Math.max(0, Math.min(room, len)));
        }

        synchronized byte[] bytes() {
            return buf.toByteArray();
        }
    }
}
