package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcheck.collect.FreePort;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.app.AppEvidence;
import labcheck.probe.AppProbe;
import labcheck.probe.Backends;
import labcheck.probe.ContractApp;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.Limits;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.reach.SshSettings;
import labcheck.reach.SshdFixture;
import org.junit.jupiter.api.Test;

/**
 * The probe's targets through Debian's real sshd on loopback: each keeps the address the
 * "instance" sees, which the evidence names, and is dialled at its own forward.
 */
class ThroughSshTest extends SshdFixture {

    private SshSettings ssh(String target) throws Exception {
        return SshSettings.of(target, sshd.rsaKey(), null, sshd.knownHosts(dir.resolve("kh")), false, Map.of())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static ProbeSettings asSeen(ContractApp cache, ContractApp baseline, Backends b, int redisPort) {
        return ProbeSettings.of(cache.url(), baseline.url())
                .withRedis(RedisTarget.of("127.0.0.1", redisPort, false))
                .withDb(DbTarget.of(b.jdbcUrl(), Credentials.of("root", new char[0])))
                .withLimits(Limits.DEFAULTS.withRequestsPerApp(10).withBudget(Duration.ofSeconds(30)));
    }

    @Test
    void everyTargetKeepsTheInstancesAddressWhileTheProbeDialsItsForward() throws Exception {
        // GIVEN the apps, Redis and the database where the instance sees them
        Backends b = Backends.get();
        List<String> progress = new ArrayList<>();
        try (ContractApp cache = ContractApp.cacheApp(b); ContractApp baseline = ContractApp.baselineApp(b);
             ProbeSettings seen = asSeen(cache, baseline, b, b.redisPort);
             // WHEN they are reached through the instance
             ThroughSsh way = ThroughSsh.open(ssh(sshd.target(USER)), seen, null, progress::add)) {
            ProbeSettings dialled = way.settings();

            // THEN each keeps the instance's address and is dialled at a forward of its own
            assertThat(way.failure()).isNull();
            assertThat(dialled.apps().app().url()).isEqualTo(cache.url());
            assertThat(dialled.apps().app().dialUrl()).startsWith("http://127.0.0.1:").isNotEqualTo(cache.url());
            assertThat(dialled.apps().baseline().url()).isEqualTo(baseline.url());
            assertThat(dialled.apps().baseline().dialUrl()).isNotEqualTo(baseline.url());
            assertThat(dialled.apps().timer()).as("the timing runs on the instance").isNotNull();
            assertThat(dialled.redis().endpoint()).isEqualTo("127.0.0.1:" + b.redisPort);
            assertThat(dialled.redis().dialPort()).isNotEqualTo(b.redisPort);
            assertThat(dialled.db().jdbcUrl()).isEqualTo(b.jdbcUrl());
            assertThat(URI.create(dialled.db().dialUrl().substring(5)).getPort()).isNotEqualTo(b.dbPort);
            assertThat(way.notes()).anyMatch(n -> n.startsWith("Reached through SSH ") && n.contains("Redis 127.0.0.1:"
                    + b.redisPort) && n.endsWith("as the instance sees them, each over a forward."));
            assertThat(progress).anyMatch(p -> p.startsWith("SSH to ") && p.contains(" is up; forwarding "));

            // AND the probe measures through the forwards and names what the instance sees
            AppEvidence e = new AppProbe(dialled).run().value();
            assertThat(e.lazyLoad().value().observations()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.cachedBefore()).isNotNull());
            assertThat(e.appUrl()).isEqualTo(cache.url());
            assertThat(e.baselineUrl()).isEqualTo(baseline.url());
            assertThat(e.redis().value().endpoint()).isEqualTo("127.0.0.1:" + b.redisPort);
            assertThat(e.database().value().url()).isEqualTo(SafeUrl.strip(b.jdbcUrl()));
        }
    }

    @Test
    void aTargetTheInstanceCannotReachIsMarkedWithTheReasonAndTheRestAreForwarded() throws Exception {
        Backends b = Backends.get();
        int closed = FreePort.find();
        try (ContractApp cache = ContractApp.cacheApp(b); ContractApp baseline = ContractApp.baselineApp(b);
             ThroughSsh way = ThroughSsh.open(ssh(sshd.target(USER)), asSeen(cache, baseline, b, closed), null,
                     line -> { })) {
            assertThat(way.settings().redis().unreachable()).contains("could not connect to 127.0.0.1:" + closed);
            assertThat(way.settings().apps().app().unreachable()).isNull();
            assertThat(way.settings().db().unreachable()).isNull();
            assertThat(way.notes()).anyMatch(n -> n.startsWith("Reached through SSH") && !n.contains("Redis"));
        }
    }

    @Test
    void noSshdLeavesNoSettingsAndSaysWhy() throws Exception {
        try (ThroughSsh way = ThroughSsh.open(ssh(USER + "@127.0.0.1:" + FreePort.find()),
                ProbeSettings.of("http://localhost:5001", "http://localhost:5000"), null, line -> { })) {
            assertThat(way.settings()).isNull();
            assertThat(way.failure().code()).isEqualTo("Unreachable");
            assertThat(way.failure().message()).contains("refused the connection");
            assertThat(way.notes()).isEmpty();
        }
    }
}
