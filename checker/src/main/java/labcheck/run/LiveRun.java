package labcheck.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import labcheck.collect.AwsCollector;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.probe.AppProbe;
import labcheck.probe.ProbeSettings;
import labcheck.reach.SshSettings;

/**
 * Gathers one student's evidence live: AWS first (read-only), then the app probe. Neither
 * part can stop the other: a credential problem leaves the AWS facts unavailable with the
 * reason and the app is still probed. It plans the probe: endpoints the user did not type are
 * taken from the AWS evidence ({@link Endpoints}), and with {@code --ssh} every target is dialled
 * over a forward ({@link ThroughSsh}).
 *
 * <pre>{@code
 * Evidence e = LiveRun.gather(new LiveRun.Plan(subject, awsSettingsOrNull, probeSettingsOrNull),
 *         Clock.systemUTC(), System.err::println, saved -> {});
 * }</pre>
 */
public final class LiveRun {

    /**
     * What to gather; a null part is not gathered (its facts say how to collect them). {@code probe}
     * names every target as the instance sees it; with {@code ssh} each is dialled over a forward,
     * and {@code remoteSource} is the app's source as a path there (or null).
     */
    public record Plan(Subject subject, AwsSettings aws, ProbeSettings probe, SshSettings ssh, String remoteSource) {

        public Plan(Subject subject, AwsSettings aws, ProbeSettings probe) {
            this(subject, aws, probe, null, null);
        }
    }

    private LiveRun() {
    }

    /**
     * @param progress   one line per step, for a person watching
     * @param checkpoint receives the evidence after each step, so a run cut short keeps what it had
     */
    public static Evidence gather(Plan plan, Clock clock, Consumer<String> progress, Consumer<Evidence> checkpoint) {
        return gather(plan, null, clock, progress, checkpoint);
    }

    /**
     * As {@link #gather(Plan, Clock, Consumer, Consumer)}, for a run with a deadline: the AWS part then
     * reads CloudTrail's writes on the lab after it.
     *
     * @param deadline ISO-8601 with a zone, or null
     */
    public static Evidence gather(Plan plan, String deadline, Clock clock, Consumer<String> progress,
                                  Consumer<Evidence> checkpoint) {
        Evidence evidence = Evidence.empty(plan.subject(), clock.instant().toString()).withDeadline(deadline);
        if (plan.aws() != null) {
            evidence = collectAws(plan, evidence, progress);
            checkpoint.accept(evidence);
        }
        if (plan.probe() != null) {
            ProbeSettings probe = plan.probe();
            if (plan.aws() != null) {
                List<String> found = new ArrayList<>();
                probe = Endpoints.fill(probe, evidence, plan.aws().clusterId(), found);
                for (String f : found) {
                    progress.accept(f);
                    evidence = evidence.withNote(f);
                }
            }
            progress.accept("Probing the app at " + probe.apps().app().url() + " (up to "
                    + probe.limits().budget().toSeconds() + " s)...");
            if (plan.ssh() == null) {
                evidence = evidence.withApp(new AppProbe(probe).run());
            } else {
                evidence = throughSsh(plan, probe, evidence, progress);
            }
            checkpoint.accept(evidence);
        }
        return evidence;
    }

    /**
     * One SSH connection for the whole probe, closed after it. The probe dials the forwards and
     * writes the evidence with every target as the instance sees it; what the connection did is
     * noted in the app's evidence and on the scoresheet.
     */
    private static Evidence throughSsh(Plan plan, ProbeSettings probe, Evidence evidence, Consumer<String> progress) {
        try (ThroughSsh way = ThroughSsh.open(plan.ssh(), probe, plan.remoteSource(), progress)) {
            if (way.settings() == null) {
                progress.accept("SSH failed: " + way.failure().message());
                return evidence.withApp(Fact.unavailable(way.failure()));
            }
            Fact<AppEvidence> probed = new AppProbe(way.settings()).run();
            List<String> notes = way.notes();   // after the probe: the link may have dropped during it
            Fact<AppEvidence> app = AppProbe.withNotesFirst(probed, notes);
            Evidence withApp = evidence.withApp(app);
            for (String note : notes) {
                withApp = withApp.withNote(note);
            }
            return withApp;
        }
    }

    private static Evidence collectAws(Plan plan, Evidence evidence, Consumer<String> progress) {
        progress.accept("Reading AWS (read-only) for cluster " + plan.aws().clusterId() + "...");
        try (AwsCollector collector = AwsCollector.create(plan.aws())) {
            Subject s = plan.subject();
            Subject withRegion = new Subject(s.studentId(), s.name(), collector.region(), s.clusterId(), s.appUrl(),
                    s.baselineUrl(), s.source());
            return collector.collect(evidence.withSubject(withRegion));
        } catch (AwsSetupException e) {
            progress.accept("AWS skipped: " + e.getMessage());
            String code = e.credentialsRejected() ? AwsSetupException.CREDENTIALS_REJECTED : "AwsSetup";
            return evidence.withAwsUnavailable(new Unavailable(code, null, e.getMessage()));
        }
    }
}
