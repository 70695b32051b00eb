package labcheck.checks.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.GradedCache;
import labcheck.evidence.MetricAlarm;
import labcheck.rubric.Thresholds;
import labcheck.text.Numbers;
import org.junit.jupiter.api.TestReporter;

/** Extension challenge 4, "CloudWatch monitoring: set up alarm for cache hit ratio below 80%". */
public class CloudWatchAlarmChecks {

    static final String METRIC = "CacheHitRate";

    @Check(id = "cloudwatch_hit_ratio_alarm",
            needs = {EvidencePart.ALARMS},
            title = "A CloudWatch alarm fires when the cache hit ratio drops below the target",
            remediation = "aws cloudwatch put-metric-alarm --alarm-name ${clusterId}-hit-ratio-low --namespace"
                    + " AWS/ElastiCache --metric-name CacheHitRate --dimensions Name=CacheClusterId,Value=${clusterId}"
                    + " --statistic Average --period 300 --evaluation-periods 1 --threshold ${hitRatioPercent}"
                    + " --comparison-operator LessThanThreshold")
    void hitRatioAlarm(Evidence evidence, Thresholds rubric, TestReporter reporter) {
        // the alarm watches the cache that is graded, whatever its name (elasticache_cluster_found reports the name)
        Thresholds thresholds = rubric.withClusterId(GradedCache.inPlaceOf(evidence, rubric.clusterId()).orElse(null));
        List<MetricAlarm> alarms = Unverifiable.require(evidence.alarms());
        List<MetricAlarm> onHitRate = alarms.stream().filter(a -> METRIC.equals(a.metricName()))
                .sorted((a, b) -> a.alarmName().compareTo(b.alarmName())).toList();
        Optional<MetricAlarm> good = onHitRate.stream().filter(a -> problems(a, thresholds).isEmpty()).findFirst();
        Conditions conditions = new Conditions();
        if (good.isEmpty()) {
            noAlarmFires(conditions, alarms, onHitRate, thresholds);
        }
        conditions.verify();
        Report.passed(reporter, "CloudWatch alarm " + good.orElseThrow().alarmName() + " fires when " + METRIC + " of "
                + thresholds.clusterId() + " drops below " + Numbers.plain(thresholds.hitRatioPercent()) + "%.");
    }

    /** Why none of the alarms fires on a low hit ratio: a wrong one, one labcheck cannot read, or none. */
    private static void noAlarmFires(Conditions conditions, List<MetricAlarm> alarms, List<MetricAlarm> onHitRate,
                                     Thresholds thresholds) {
        String target = Numbers.plain(thresholds.hitRatioPercent());
        String fix = " Fix: `aws cloudwatch put-metric-alarm --alarm-name " + thresholds.clusterId() + "-hit-ratio-low"
                + " --namespace AWS/ElastiCache --metric-name " + METRIC + " --dimensions Name=CacheClusterId,Value="
                + thresholds.clusterId() + " --statistic Average --period 300 --evaluation-periods 1 --threshold "
                + target + " --comparison-operator LessThanThreshold`.";
        Optional<MetricAlarm> math = alarms.stream()
                .filter(a -> Boolean.TRUE.equals(a.usesMetricMath()))
                .filter(a -> a.alarmName() != null && a.alarmName().toLowerCase(Locale.ROOT).contains("hit"))
                .findFirst();
        if (!onHitRate.isEmpty()) {
            MetricAlarm first = onHitRate.get(0);
            conditions.fail("CloudWatch alarm " + first.alarmName() + " watches " + METRIC + " but "
                    + String.join(", ", problems(first, thresholds)) + "; expected LessThanThreshold "
                    + target + " on CacheClusterId " + thresholds.clusterId() + " (or a member, "
                    + thresholds.clusterId() + "-001), so it fires when the hit ratio drops." + fix);
        } else if (math.isPresent()) {
            conditions.partly(0.5, "CloudWatch alarm " + math.get().alarmName() + " uses metric math, which"
                    + " labcheck cannot read, so only half the credit is given; expected an alarm on " + METRIC
                    + " below " + target + "%." + fix);
        } else {
            conditions.fail("No CloudWatch alarm watches " + METRIC + " of " + thresholds.clusterId()
                    + "; found alarms " + Texts.join(alarms.stream().map(MetricAlarm::alarmName).sorted().toList())
                    + ". Expected an alarm on AWS/ElastiCache " + METRIC + " below "
                    + target + "% (extension challenge 4)." + fix);
        }
    }

    static List<String> problems(MetricAlarm alarm, Thresholds thresholds) {
        List<String> problems = new ArrayList<>();
        String op = alarm.comparisonOperator();
        if (!"LessThanThreshold".equals(op) && !"LessThanOrEqualToThreshold".equals(op)) {
            problems.add("its comparison is " + Texts.orUnknown(op) + " (it should fire on a low ratio)");
        }
        Double threshold = alarm.threshold();
        if (threshold == null || Math.abs(threshold - thresholds.hitRatioPercent()) > 0.01) {
            problems.add("its threshold is " + Texts.orUnknown(threshold)
                    + (threshold != null && threshold <= 1 ? " (CacheHitRate is a percentage, 0-100)" : ""));
        }
        boolean onCluster = alarm.dimensions() != null && alarm.dimensions().stream()
                .filter(d -> "CacheClusterId".equals(d.name()) && d.value() != null)
                .anyMatch(d -> d.value().equalsIgnoreCase(thresholds.clusterId())
                        || d.value().toLowerCase(Locale.ROOT).startsWith(thresholds.clusterId().toLowerCase(Locale.ROOT) + "-"));
        if (!onCluster) {
            problems.add("it is not on CacheClusterId " + thresholds.clusterId());
        }
        return problems;
    }
}
