package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labcheck.checks.CheckCatalog;
import org.junit.jupiter.api.Test;

/**
 * Golden files name only checks this labcheck has: a renamed check otherwise lives on in the
 * expected outputs, and the renderers are pinned against ids no scoresheet can carry.
 */
class GoldenFilesNameKnownChecksTest {

    private static final Set<String> KNOWN = CheckCatalog.ids();

    /**
     * An id's shape, {@code <service>_<resource>_<expected>}: three or more snake_case parts, not
     * part of a longer word, and not a file name ({@code app_with_cache.py}).
     */
    private static final Pattern ID_SHAPED = Pattern.compile(
            "(?<![A-Za-z0-9_])([a-z][a-z0-9]*(?:_[a-z0-9]+){2,})(?![A-Za-z0-9_]|\\.[A-Za-z])");

    /** The services the known checks are about (elasticache, ec2, app, ...): an id-shaped word of one is an id. */
    private static final Set<String> SERVICES = KNOWN.stream().map(id -> id.substring(0, id.indexOf('_')))
            .collect(Collectors.toSet());

    @Test
    void everyCheckIdInAGoldenFileIsACheckOfThisLabcheck() throws IOException {
        Map<String, Set<String>> unknown = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Golden.DIR)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Set<String> ids = checkIds(Files.readString(file, StandardCharsets.UTF_8));
                seen.addAll(ids);
                ids.removeAll(KNOWN);
                if (!ids.isEmpty()) {
                    unknown.put(Golden.DIR.relativize(file).toString(), ids);
                }
            }
        }

        assertThat(seen).as("the golden files name checks, so this scan reads them").hasSizeGreaterThan(10);
        assertThat(unknown).withFailMessage(() -> "Golden files name check ids this labcheck does not have: "
                + unknown + ". Fix: use the current ids (`labcheck rubric` lists them) in the code that builds"
                + " the expected output, then regenerate with -Dgolden.update=true and review git diff.").isEmpty();
    }

    @Test
    void theScanFindsIdsOfRemovedChecksAndNothingElse() {
        String text = "\"id\" : \"app_cache_key_format\", \"details\" : \"notes\\napp_hit_ratio_over_80_percent.\","
                + " item redis_cluster, file app_with_cache.py, elasticache_cluster_found, keyspace_hits_total,"
                + " xapp_write_through";

        Set<String> ids = checkIds(text);

        assertThat(ids).containsExactly("app_cache_key_format", "app_hit_ratio_over_80_percent",
                "elasticache_cluster_found");
        ids.removeAll(KNOWN);
        assertThat(ids).containsExactly("app_cache_key_format", "app_hit_ratio_over_80_percent");
    }

    /** The id-shaped words of a known service in {@code text}, JSON's escapes ({@code \n}) read as spaces. */
    private static Set<String> checkIds(String text) {
        Matcher m = ID_SHAPED.matcher(text.replaceAll("\\\\[nrtu\"]", " "));
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            String word = m.group(1);
            if (SERVICES.contains(word.substring(0, word.indexOf('_')))) {
                ids.add(word);
            }
        }
        return ids;
    }
}
