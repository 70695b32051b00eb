package labcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import labcheck.engine.CheckInfo;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class CheckCatalogTest {

    @Test
    void catalogHoldsEveryInfrastructureCheckTheIssueNames() {
        assertThat(CheckCatalog.ids()).contains("elasticache_cluster_found", "elasticache_cluster_available",
                "elasticache_cluster_node_type_allowed", "elasticache_cluster_engine_version_single_node",
                "elasticache_cluster_in_private_subnets", "ec2_redis_port_open_only_to_app_sg",
                "ec2_redis_port_not_open_to_cidr", "ec2_app_instance_in_public_subnet",
                "rds_instance_not_publicly_accessible", "cloudwatch_hit_ratio_alarm");
    }

    @Test
    void everyCheckHasTitleAndRemediationAndCanBeInstantiated() {
        for (String id : CheckCatalog.ids()) {
            CheckInfo info = CheckCatalog.index().get(id).orElseThrow();
            assertThat(info.title()).as(id).isNotBlank().doesNotEndWith(".");
            assertThat(info.remediation()).as(id).isNotBlank();
        }
        for (Class<?> type : CheckCatalog.index().classes()) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
            assertThat(Stream.of(type.getDeclaredConstructors()).anyMatch(c -> c.getParameterCount() == 0))
                    .as(type.getName()).isTrue();
        }
    }

    @Test
    void everyCheckTextTakesTheRubricsValuesAndHardCodesNoneOfTheSeeds() {
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds other = new Thresholds("course-cache", List.of("cache.t3.micro"), List.of("redis"), 8, 1, 6380, 600,
                60, 85, 100, 1000, 0, 50);
        for (String id : CheckCatalog.ids()) {
            CheckInfo info = CheckCatalog.index().get(id).orElseThrow();
            assertThat(info.title(seed) + info.remediation(seed)).as(id).doesNotContain("${");
            assertThat(info.title(other) + " " + info.remediation(other)).as(id)
                    .doesNotContain("product-cache-cluster", "3600", "6379", "cache.t2.micro", "Redis 7");
        }
        assertThat(CheckCatalog.index().get("elasticache_cluster_found").orElseThrow().remediation(other))
                .contains("--cache-cluster-id course-cache --engine redis --engine-version 8.0"
                        + " --cache-node-type cache.t3.micro");
    }

    @Test
    void everySourceFileDeclaringACheckIsDiscoveredWithoutRegistration() throws IOException {
        List<String> declaring;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/labcheck/checks"))) {
            declaring = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("@Check("))
                    .map(f -> Path.of("src/main/java").relativize(f).toString()
                            .replace(".java", "").replace('/', '.'))
                    .sorted().toList();
        }
        List<String> discovered = CheckCatalog.index().classes().stream().map(Class::getName).sorted().toList();

        assertThat(declaring).isNotEmpty();
        assertThat(discovered).as("classes found by CheckIndex.discover(\"labcheck.checks\")")
                .containsExactlyElementsOf(declaring);
    }

    @Test
    void everyCheckIdLeadsToItsSourceFile() {
        for (String id : CheckCatalog.ids()) {
            CheckInfo info = CheckCatalog.index().get(id).orElseThrow();
            assertThat(Path.of("src/main/java").resolve(info.sourcePath())).as(id).isRegularFile();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void checksNeverTalkToAwsHttpRedisOrADatabase() throws IOException {
        List<String> forbidden = List.of("software.amazon", "java.net.http", "redis.clients", "java.sql",
                "com.zaxxer", "java.net.Socket", "HttpURLConnection");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/labcheck/checks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String api : forbidden) {
                    assertThat(source).as(file + " reads evidence only").doesNotContain(api);
                }
            }
        }
    }
}
