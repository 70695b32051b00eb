package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime guard sees only the calls tests make; this reads every main source file, so a
 * mutating call on a path no test takes still fails the build.
 */
class ReadOnlySourceTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** A call on an SDK service client: {@code ec2.describeSubnetsPaginator(}, {@code c.rds\n .describeDBInstances(}. */
    private static final Pattern CLIENT_CALL = Pattern.compile(
            "\\b(elastiCache|ec2|rds|sts|cloudWatch|cloudTrail|assumeRoleSts)\\s*\\.\\s*([a-z]\\w*)\\s*\\(");
    /** Describe, Get, List, and CloudTrail's read of its event history (LookupEvents). */
    private static final Pattern ALLOWED = Pattern.compile("(describe|get|list)\\w*|lookupEvents\\w*|close");

    @Test
    void everySdkClientCallInMainCodeIsADescribeGetOrList() throws IOException {
        List<String> calls = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CLIENT_CALL.matcher(Files.readString(f));
                while (m.find()) {
                    String call = MAIN.relativize(f) + ": " + m.group(1) + "." + m.group(2);
                    calls.add(call);
                    if (!ALLOWED.matcher(m.group(2)).matches()) {
                        offending.add(call);
                    }
                }
            }
        }
        assertThat(calls).as("the scan must see the collector's calls").hasSizeGreaterThan(8);
        assertThat(offending).as("SDK calls that are not read-only").isEmpty();
    }
}
