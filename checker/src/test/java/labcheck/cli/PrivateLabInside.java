package labcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import labapp.EmbeddedLab;

/**
 * The private lab's inside, run by {@link PrivateLabTest} as its own JVM inside the network
 * namespace: embedded Redis and MariaDB and both reference apps, all on the namespace's
 * loopback (cache app 5001, no-cache app 5000, as on the lab's instance), and a hostile
 * student's pair ({@link LyingApps}, 5011 and 5010). Writes where everything listens to the file
 * it is given, then runs until it is stopped by its PID.
 */
public final class PrivateLabInside {

    /** The hostile pair's ports: a "cache" app claiming 0.4 ms and a "no-cache" app claiming 4 ms. */
    static final int LIAR_CACHE = 5011;
    static final int LIAR_BASELINE = 5010;

    private PrivateLabInside() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        EmbeddedLab lab = EmbeddedLab.start(EmbeddedLab.Options.defaults().withPorts("127.0.0.1", 5001, 5000));
        // a hostile student's pair: both serve the cache app (equally fast), claiming 0.4 ms and 4 ms
        LyingApps liars = LyingApps.start("http://127.0.0.1:5001", LIAR_CACHE, 0.4, LIAR_BASELINE, 4.0);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            liars.close();
            lab.close();
            stopped.countDown();
        }, "private-lab-stop"));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, List.of("redisPort=" + lab.redisPort(), "dbPort=" + lab.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"),
                "dbUser=" + lab.dbUser(), "dbPassword=" + lab.dbPassword()));
        Files.move(tmp, file);
        stopped.await();
    }
}
