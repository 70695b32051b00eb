package labcheck.collect;

import java.util.List;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Endpoint;
import labcheck.evidence.MetricAlarm;
import labcheck.evidence.RdsInstance;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS, RDS and CloudWatch answers as evidence records. */
final class FromOthers {

    private FromOthers() {
    }

    private static final java.util.regex.Pattern ACCESS_KEY_ID =
            java.util.regex.Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}");

    /**
     * AWS reports a unique id (AIDA..., AROA...:session) as UserId; an emulator (moto) may put the
     * access key id there instead, which must never reach a bundle, so such a value is dropped.
     */
    static CallerIdentity identity(GetCallerIdentityResponse r) {
        String userId = r.userId() == null || ACCESS_KEY_ID.matcher(r.userId()).find() ? null : r.userId();
        return new CallerIdentity(r.account(), r.arn(), userId);
    }

    static RdsInstance db(DBInstance d) {
        var group = d.dbSubnetGroup();
        return RdsInstance.builder().dbInstanceIdentifier(d.dbInstanceIdentifier()).engine(d.engine())
                .engineVersion(d.engineVersion()).dbInstanceStatus(d.dbInstanceStatus())
                .publiclyAccessible(d.publiclyAccessible())
                .dbSubnetGroupName(group == null ? null : group.dbSubnetGroupName())
                .vpcId(group == null ? null : group.vpcId())
                .subnetIds(group == null || !group.hasSubnets() ? null : FromElastiCache.map(group.subnets(),
                        s -> s.subnetIdentifier()))
                .vpcSecurityGroupIds(d.hasVpcSecurityGroups() ? FromElastiCache.map(d.vpcSecurityGroups(),
                        VpcSecurityGroupMembership::vpcSecurityGroupId) : null)
                .endpoint(d.endpoint() == null ? null : new Endpoint(d.endpoint().address(), d.endpoint().port()))
                .instanceCreateTime(FromElastiCache.instant(d.instanceCreateTime()))
                .build();
    }

    static MetricAlarm alarm(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        List<MetricAlarm.Dimension> dims = a.hasDimensions()
                ? FromElastiCache.map(a.dimensions(), (Dimension d) -> new MetricAlarm.Dimension(d.name(), d.value()))
                : null;
        return MetricAlarm.builder().alarmName(a.alarmName()).namespace(a.namespace()).metricName(a.metricName())
                .statistic(a.statisticAsString()).comparisonOperator(a.comparisonOperatorAsString())
                .threshold(a.threshold()).evaluationPeriods(a.evaluationPeriods())
                .period(a.period()).stateValue(a.stateValueAsString()).dimensions(dims)
                .usesMetricMath(a.hasMetrics() && !a.metrics().isEmpty()).build();
    }

    /** True for an alarm on ElastiCache: its namespace, or any metric of its math expression. */
    static boolean onElastiCache(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        if ("AWS/ElastiCache".equals(a.namespace())) {
            return true;
        }
        return a.hasMetrics() && a.metrics().stream().anyMatch(m -> m.metricStat() != null
                && m.metricStat().metric() != null && "AWS/ElastiCache".equals(m.metricStat().metric().namespace()));
    }
}
