package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** CloudWatch DescribeAlarms, one metric alarm (extension challenge 4). */
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
}
