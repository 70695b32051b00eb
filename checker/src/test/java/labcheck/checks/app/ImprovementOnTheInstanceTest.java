package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.engine.CheckRun;
import labcheck.evidence.Fact;
import labcheck.evidence.app.TimingCorroboration;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Item 6 when the client timings were taken on the student's instance: they are claims, held
 * against labcheck's own clock (the values' bounds, the commands' wall time, a sample of the same
 * pairs through the tunnel).
 */
class ImprovementOnTheInstanceTest {

    private static final String ID = "app_improvement_over_baseline";
    private static final String WHERE = "on the instance 3.80.1.2 (curl over SSH)";

    /** The fixture's passing comparison (a 4.4 ms saving on the instance), with this corroboration. */
    private static CheckRun grade(TimingCorroboration c) {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(AppEvidenceFixture.timing(0.3, 4.5, 1.2, 5.6, 4.4, 3.9, 4.9).toBuilder().clientAt(WHERE)
                .corroboration(c).build());
        return run(ID, f.evidence());
    }

    /** 220 sane values in 2.3 s of commands, the instance's saving 4.4 ms, and a tunnel sample of 30 pairs. */
    private static TimingCorroboration tunnel(double median, double low, double high) {
        return new TimingCorroboration(220, 0, List.of(), 5000, 600, 2300, 0, 4.4, 30, median, low, high, null);
    }

    @Test
    void aSavingTheTunnelConfirmsPassesAndSaysSo() {
        CheckRun r = grade(tunnel(4.1, 2.8, 6.0));

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).endsWith("those times were taken on the instance, and labcheck's own sample through"
                + " the tunnel confirms a saving: 4.100 ms (95% CI 2.800 to 6.000 ms over 30 pairs).");
        assertThat(r.findings()).isEmpty();
        assertThat(r.details()).contains("on a machine the student controls").contains("30 pairs");
    }

    @Test
    void aSavingTheTunnelRulesOutFailsAsContradictedNamingTheStudentsMachine() {
        // GIVEN a curl on the instance reporting 4.4 ms of saving, while labcheck's clock sees none through the tunnel
        CheckRun r = grade(tunnel(0.02, -0.3, 0.4));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("self_reported_timings_contradicted");
        assertThat(r.message()).startsWith("self-reported timings contradict themselves: the client timings were taken "
                + WHERE + ", a machine the student controls").contains("it reports a saving of 4.400 ms per request")
                .contains("95% CI -0.300 to 0.400 ms over 30 pairs").contains("at least 1.950 ms was expected")
                .contains("Fix: let the instance's own curl time the apps");
    }

    @Test
    void aNoisyTunnelThatNeitherConfirmsNorRulesOutLeavesTheSavingOnTheStudentsMachineAloneSoUnverifiable() {
        CheckRun r = grade(tunnel(1.0, -20.0, 25.0));

        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.findings()).isEmpty();
        assertThat(r.message()).startsWith("The client timings taken " + WHERE + " show a saving of 4.400 ms per"
                + " request, but that machine is the student's").contains("neither confirms nor rules it out")
                .contains("too noisy to tell").contains("run labcheck on the EC2 instance itself");
    }

    @Test
    void impossibleTimesFailAsContradictedWithExamples() {
        CheckRun r = grade(new TimingCorroboration(220, 3, List.of("-400.0 ms", "NaN ms", "Infinity ms"), 5000, 600,
                2300, 0, 4.4, 30, 4.1, 2.8, 6.0, null));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("self_reported_timings_contradicted");
        assertThat(r.message()).contains("3 of the 220 times it reported are not a time a request can take")
                .contains("[-400.0 ms, NaN ms, Infinity ms]");
    }

    @Test
    void timesAddingUpToMoreThanTheCommandsLastedFailAsContradicted() {
        CheckRun r = grade(new TimingCorroboration(220, 0, List.of(), 5000, 9000, 2300, 2, 4.4, 30, 4.1, 2.8, 6.0,
                null));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("its times add up to more than the commands that took them lasted by"
                + " labcheck's clock (2 commands over; 9000.000 ms reported in 2300.000 ms of commands)");
    }

    @Test
    void noTunnelSampleLeavesTheSavingOnTheStudentsMachineAloneSoUnverifiable() {
        CheckRun r = grade(new TimingCorroboration(220, 0, List.of(), 5000, 600, 2300, 0, 4.4, 2, 0, 0, 0,
                "only 2 pairs through the tunnel gave a product from both apps"));

        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("could not time its own sample through the tunnel (only 2 pairs");
    }
}
