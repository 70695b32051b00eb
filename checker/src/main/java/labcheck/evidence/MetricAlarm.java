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

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this MetricAlarm's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.alarmName = alarmName;
        b.namespace = namespace;
        b.metricName = metricName;
        b.statistic = statistic;
        b.comparisonOperator = comparisonOperator;
        b.threshold = threshold;
        b.evaluationPeriods = evaluationPeriods;
        b.period = period;
        b.stateValue = stateValue;
        b.dimensions = dimensions;
        b.usesMetricMath = usesMetricMath;
        return b;
    }

    /** Builds a {@link MetricAlarm} by field name; a field left unset stays null. */
    public static final class Builder {
        private String alarmName;
        private String namespace;
        private String metricName;
        private String statistic;
        private String comparisonOperator;
        private Double threshold;
        private Integer evaluationPeriods;
        private Integer period;
        private String stateValue;
        private List<Dimension> dimensions;
        private Boolean usesMetricMath;

        private Builder() {
        }

        public Builder alarmName(String alarmName) {
            this.alarmName = alarmName;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder metricName(String metricName) {
            this.metricName = metricName;
            return this;
        }

        public Builder statistic(String statistic) {
            this.statistic = statistic;
            return this;
        }

        public Builder comparisonOperator(String comparisonOperator) {
            this.comparisonOperator = comparisonOperator;
            return this;
        }

        public Builder threshold(Double threshold) {
            this.threshold = threshold;
            return this;
        }

        public Builder evaluationPeriods(Integer evaluationPeriods) {
            this.evaluationPeriods = evaluationPeriods;
            return this;
        }

        public Builder period(Integer period) {
            this.period = period;
            return this;
        }

        public Builder stateValue(String stateValue) {
            this.stateValue = stateValue;
            return this;
        }

        public Builder dimensions(List<Dimension> dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        public Builder usesMetricMath(Boolean usesMetricMath) {
            this.usesMetricMath = usesMetricMath;
            return this;
        }

        public MetricAlarm build() {
            return new MetricAlarm(alarmName, namespace, metricName, statistic, comparisonOperator,
                    threshold, evaluationPeriods, period, stateValue, dimensions, usesMetricMath);
        }
    }
}
