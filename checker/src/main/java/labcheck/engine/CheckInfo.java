package labcheck.engine;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;

/**
 * One check's metadata, read from its {@link Check} annotation. Its title and remediation may name
 * the rubric's thresholds as {@code ${name}}; {@link #title(Thresholds)} and
 * {@link #remediation(Thresholds)} put the values of the graded run in their place.
 *
 * <pre>{@code
 * info.remediation();                          // "... --cache-cluster-id ${clusterId} ..."
 * info.remediation(Thresholds.seedDefaults()); // "... --cache-cluster-id product-cache-cluster ..."
 * }</pre>
 */
public record CheckInfo(String id, String title, String remediation, Method method) {

    /** {@code ${clusterId}}: a threshold's rubric name; other braces (JSON, Python f-strings) are text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** {@code ClassName#method}, for messages about a check's code. */
    public String location() {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }

    /** The check's source file below the source root, e.g. {@code labcheck/checks/cluster/ClusterChecks.java}. */
    public String sourcePath() {
        Class<?> top = method.getDeclaringClass();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getName().replace('.', '/') + ".java";
    }

    /** The evidence parts the check reads ({@link Check#needs()}; every part when it names none). */
    public Set<EvidencePart> needs() {
        EvidencePart[] declared = method.getAnnotation(Check.class).needs();
        return declared.length == 0 ? EnumSet.allOf(EvidencePart.class)
                : EnumSet.copyOf(java.util.Arrays.asList(declared));
    }

    /** The title with the rubric's values in place of its placeholders. */
    public String title(Thresholds thresholds) {
        return fill(title, thresholds);
    }

    /** How to fix a failure, with the rubric's values in place of its placeholders. */
    public String remediation(Thresholds thresholds) {
        return fill(remediation, thresholds);
    }

    /** The placeholders of the title and the remediation that name no threshold, e.g. {@code ${clusterID}}. */
    public Set<String> unknownPlaceholders() {
        Set<String> unknown = new LinkedHashSet<>();
        for (String text : new String[] {title, remediation}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!Thresholds.names().contains(m.group(1))) {
                    unknown.add(m.group());
                }
            }
        }
        return unknown;
    }

    private static String fill(String text, Thresholds thresholds) {
        Map<String, String> values = thresholds.asText();
        return PLACEHOLDER.matcher(text).replaceAll(m -> {
            String value = values.get(m.group(1));
            if (value == null) {
                // CheckIndex refuses such a check; met here, the check was built around the index
                throw new IllegalStateException(m.group() + " names no threshold; known: " + values.keySet());
            }
            return Matcher.quoteReplacement(value);
        });
    }
}
