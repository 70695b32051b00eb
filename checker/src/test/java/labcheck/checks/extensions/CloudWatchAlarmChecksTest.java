package labcheck.checks.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.MetricAlarm;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class CloudWatchAlarmChecksTest {

    private static final String ID = "cloudwatch_hit_ratio_alarm";

    private final LabEvidence lab = LabEvidence.correct();

    @Test
    void hitRateAlarmBelowEightyPasses() {
        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("CloudWatch alarm cache-hit-ratio-low fires when CacheHitRate of"
                + " product-cache-cluster drops below 80%.");
    }

    @Test
    void alarmOnAMemberClusterCounts() {
        lab.alarms = List.of(LabEvidence.hitRateAlarm("LessThanOrEqualToThreshold", 80.0, "product-cache-cluster-001"));

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void wrongAlarmSaysEachProblem() {
        lab.alarms = List.of(LabEvidence.hitRateAlarm("GreaterThanThreshold", 0.8, "other-cluster"));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("CloudWatch alarm cache-hit-ratio-low watches CacheHitRate but its"
                + " comparison is GreaterThanThreshold (it should fire on a low ratio), its threshold is 0.8"
                + " (CacheHitRate is a percentage, 0-100), it is not on CacheClusterId product-cache-cluster;");
    }

    @Test
    void aThresholdIsWrittenAsCloudWatchHoldsItBesideTheTarget() {
        lab.alarms = List.of(LabEvidence.hitRateAlarm("LessThanThreshold", 75.0, "product-cache-cluster"));

        CheckRun run = CheckHarness.run(ID, lab.build());

        // it said "its threshold is 75.0" beside "expected LessThanThreshold 80"
        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("CloudWatch alarm cache-hit-ratio-low watches CacheHitRate but its"
                + " threshold is 75; expected LessThanThreshold 80 on CacheClusterId product-cache-cluster");
    }

    @Test
    void noAlarmFails() {
        lab.alarms = List.of();

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("No CloudWatch alarm watches CacheHitRate of product-cache-cluster; found"
                + " alarms none.");
    }

    @Test
    void metricMathAlarmEarnsHalf() {
        lab.alarms = List.of(MetricAlarm.builder().alarmName("redis-hit-ratio").comparisonOperator("LessThanThreshold")
                .threshold(80.0).evaluationPeriods(1).period(300).stateValue("OK")
                .dimensions(List.of()).usesMetricMath(true).build());

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.fraction()).isEqualTo(0.5);
    }

    @Test
    void unverifiableWhenAlarmsAreDenied() {
        lab.denied = "alarms";

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }
}
