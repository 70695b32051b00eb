package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcheck.batch.ResultStore;
import labcheck.batch.StudentRecord;
import labcheck.reach.Sshd;
import labcheck.rubric.RubricLoader;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A cohort graded through SSH is kept apart by instance, not by what its rows call the app: four
 * instances (four real sshd on loopback ports) whose rows all write {@code app_url=http://localhost:PORT}
 * are measured at once, and two rows on one instance one after the other. Judged on the windows the
 * batch records for each student, never on wall time.
 */
class FairCohortThroughSshTest extends SshLabFixture {

    /** One student's recorded measuring window. */
    private record Window(String id, Instant from, Instant to) {

        boolean overlaps(Window o) {
            return from.isBefore(o.to) && o.from.isBefore(to);
        }
    }

    @Test
    void fourInstancesWithTheSameLocalhostAppUrlAreMeasuredAtOnceAndTwoRowsOnOneInstanceInTurn() throws Exception {
        // GIVEN four instances: the fixture's sshd and three more, each its own address to SSH to
        List<Sshd> more = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                more.add(Sshd.start(keys, "127.0.0.1", null, "AllowTcpForwarding yes"));
            }
            List<Sshd> instances = new ArrayList<>(List.of(sshd));
            instances.addAll(more);
            StringBuilder knownHosts = new StringBuilder();
            for (Sshd s : instances) {
                knownHosts.append(Files.readString(s.knownHosts(dir.resolve("kh-" + s.port()))));
            }
            Path kh = Files.writeString(dir.resolve("known_hosts"), knownHosts);
            // AND a roster: s1..s4 one per instance, s5 on s1's instance, every row app_url=http://localhost:...
            String app = lab.cacheUrl().replace("127.0.0.1", "localhost");
            String base = lab.baselineUrl().replace("127.0.0.1", "localhost");
            StringBuilder csv = new StringBuilder("student_id,app_url,baseline_url,ssh_user,ssh_host,ssh_port,ssh_key\n");
            for (int i = 0; i < 5; i++) {
                Sshd on = instances.get(i % 4);
                csv.append("s").append(i + 1).append(',').append(app).append(',').append(base).append(',')
                        .append(USER).append(",127.0.0.1,").append(on.port()).append(',').append(sshd.rsaKey())
                        .append('\n');
            }
            Path roster = Files.writeString(dir.resolve("roster.csv"), csv);
            Map<String, String> env = Map.of("LABCHECK_SSH_KNOWN_HOSTS", kh.toString());

            // WHEN the batch grades them with five workers
            CommandLine cmd = new CommandLine(new BatchCommand(new LiveGrading(env, Clock.systemUTC()), env));
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            Path results = dir.resolve("results");
            int code = cmd.execute(roster.toString(), "--out", results.toString(), "--jobs", "5", "--rubric",
                    quickRubric().toString(), "--progress", "lines");

            // THEN every student is graded through their instance
            assertThat(code).as(out + "\n" + err).isIn(ExitCodes.ALL_MARKS, ExitCodes.MARKS_LOST);
            ResultStore store = new ResultStore(results);
            List<Window> w = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                StudentRecord r = store.read("s" + i);
                assertThat(r.scoresheet()).as("s%d", i).isNotNull();
                Instant from = Instant.parse(r.started());
                w.add(new Window(r.studentId(), from, from.plusNanos((long) (r.seconds() * 1e9))));
            }
            // AND the four instances were measured at the same time: every pair of their windows overlaps
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    assertThat(w.get(i).overlaps(w.get(j))).as("%s and %s measured at once", w.get(i), w.get(j))
                            .isTrue();
                }
            }
            // AND the two rows on one instance were measured one after the other
            assertThat(w.get(4).overlaps(w.get(0))).as("%s and %s share an instance", w.get(0), w.get(4)).isFalse();
        } finally {
            for (Sshd s : more) {
                s.close();
            }
        }
    }

    /** The shipped rubric with 5 requests per app, so each student takes seconds, not a minute. */
    private Path quickRubric() throws Exception {
        try (InputStream in = RubricLoader.class.getResourceAsStream(RubricLoader.SHIPPED)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Files.writeString(dir.resolve("quick.yaml"),
                    text.replaceFirst("requestsPerApp: \\d+", "requestsPerApp: 5"));
        }
    }
}
