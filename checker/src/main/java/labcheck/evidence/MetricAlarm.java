package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** CloudWatch DescribeAlarms, one metric alarm (extension challenge 4). */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricAlarm(
        String alarmName,
        String namespace,
        String metricName,
        String statistic,
        String comparisonOperator,
        Double threshold,
        Integer evaluationPeriods,
        Integer period,
        String stateValue,
        List<Dimension> dimensions,
        Boolean usesMetricMath) {

    /** A metric dimension, e.g. {@code CacheClusterId=product-cache-cluster}. */
    public record Dimension(String name, String value) {
    }

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static MetricAlarmBuilder builder() {
        return MetricAlarmBuilder.builder();
    }

    /** A builder holding this MetricAlarm's fields, to change some and build a new one. */
    public MetricAlarmBuilder toBuilder() {
        return MetricAlarmBuilder.builder(this);
    }
}
