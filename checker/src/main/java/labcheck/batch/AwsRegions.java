package labcheck.batch;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/** The AWS regions this labcheck's SDK knows, to refuse a typo such as us-east-9 when the roster is read. */
final class AwsRegions {

    private AwsRegions() {
    }

    static Set<String> ids() {
        return Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** "; did you mean us-east-1 or us-east-2?" naming the known regions sharing its area, or "". */
    static String nearest(String region, Set<String> known) {
        int dash = region.lastIndexOf('-');
        String area = dash > 0 ? region.substring(0, dash) : region;
        Set<String> same = new TreeSet<>();
        known.stream().filter(k -> k.startsWith(area + "-")).forEach(same::add);
        if (same.isEmpty()) {
            return "; see `aws ec2 describe-regions` for the names.";
        }
        return "; did you mean " + String.join(" or ", same) + "?";
    }
}
