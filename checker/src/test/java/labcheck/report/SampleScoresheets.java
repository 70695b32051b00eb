package labcheck.report;

import static labcheck.report.Outcome.ERROR;
import static labcheck.report.Outcome.FAILED;
import static labcheck.report.Outcome.PARTIAL;
import static labcheck.report.Outcome.PASSED;
import static labcheck.report.Outcome.UNVERIFIABLE;

import java.util.List;
import labcheck.report.Outcome;

/**
 * Hand-built scoresheets for the renderer tests. {@link #everyCase()} holds every outcome,
 * partial marks, bonus items, non-ASCII text, a control character, and text that needs escaping
 * in HTML, XML and Markdown ({@code <}, {@code &}, {@code "}, {@code ]]>}, {@code |}, {@code *}).
 */
final class SampleScoresheets {

    private SampleScoresheets() {
    }

    static Scoresheet everyCase() {
        var student = new Scoresheet.Student("s-042", "Zoë Ñúñez-O'Brien <zoe@example.com>", "123456789012",
                "us-east-1", "product-cache-cluster", "http://203.0.113.10:5001", "sample account");
        List<ItemResult> items = List.of(
                item("1", "cluster", "Redis cluster created correctly", 4,
                        check("1.1", "elasticache_cluster_found", "Cluster found", 1, 1, PASSED,
                                "ElastiCache cluster product-cache-cluster found in us-east-1.", null, null),
                        check("1.2", "elasticache_cluster_available", "Cluster is available", 1, 1, PASSED,
                                "ElastiCache cluster product-cache-cluster is available.", null, null),
                        check("1.3", "elasticache_cluster_node_type_allowed", "Node type is allowed", 0, 1, FAILED,
                                "ElastiCache cluster product-cache-cluster uses node type cache.m5.large; expected one"
                                        + " of [cache.t2.micro]; a larger node is outside the Free Tier.",
                                "Recreate the cluster with --cache-node-type cache.t2.micro.", null),
                        check("1.4", "elasticache_cluster_engine_version_single_node", "Engine is Redis 7", 1, 1,
                                PASSED, "ElastiCache cluster product-cache-cluster runs redis 7.1.", null, null)),
                item("2", "security-group", "Security group configured", 2,
                        check("2.1", "ec2_redis_port_open_only_to_app_sg", "Port 6379 only from the app's group",
                                1, 2, PARTIAL,
                                "Security group sg-0abc (\"redis-sg\") allows 6379 from sg-0app & from 10.0.0.0/16;"
                                        + " expected only <sg-0app>; a CIDR rule ]]> lets any host in it connect.",
                                "Remove the CIDR rule: aws ec2 revoke-security-group-ingress --group-id sg-0abc"
                                        + " --protocol tcp --port 6379 --cidr 10.0.0.0/16.",
                                "rules: tcp 6379 sg-0app | tcp 6379 10.0.0.0/16")),
                item("3", "app-connects", "Application connects to Redis", 3,
                        check("3.1", "app_health_redis_connected", "/health shows Redis connected", 0, 3,
                                UNVERIFIABLE,
                                "The app at http://203.0.113.10:5001 could not be reached from this host"
                                        + " (connect timed out after 5 s).",
                                "Run `labcheck check` on the EC2 instance, or open port 5001 to this host.", null)),
                item("4", "lazy-loading", "Lazy loading pattern implemented", 4,
                        check("4.1", "app_lazy_loading_miss_then_hit", "First request misses, the next hits", 2, 2,
                                PASSED, "GET /product/1 was a MISS then a HIT.", null,
                                "GET /product/1 -> MISS 43.1 ms\nGET /product/1 -> HIT 2.2 ms"),
                        check("4.2", "redis_product_key_populated_on_miss", "After a MISS, Redis holds product:<id>",
                                0, 2, ERROR,
                                "labcheck bug: NullPointerException in LazyLoadingChecks.keyPopulatedOnMiss (line 42).",
                                "Report this at the labcheck issue tracker with the evidence bundle.", null)),
                item("5", "ttl", "TTL set on cached data", 2,
                        check("5.1", "redis_product_key_ttl_set", "product:1 has a TTL of at most 3600 s", 2, 2,
                                PASSED, "product:1 expires in 3587 s.", null, null)),
                item("6", "improvement", "Performance improvement >50%", 3,
                        check("6.1", "app_improvement_over_baseline", "Cached responses at least 50% faster",
                                3, 3, PASSED, "Median latency fell from 45.2 ms to 2.1 ms (−95.4 %).", null,
                                "without cache p50 45.2 ms, p99 61.0 ms\nwith cache    p50  2.1 ms, p99  4.8 ms")),
                item("7", "hit-ratio", "Cache hit ratio >80%", 2,
                        check("7.1", "app_hit_ratio_in_window", "Hit ratio above 80%", 0, 2, FAILED,
                                "/stats reports a hit ratio of 42.0% over the probe's 200 requests; expected > 80%.\n"
                                        + "1) keyspace_hits rose by 84\n2) keyspace_misses rose by 116",
                                "Cache every product read: check Redis first, then SETEX product:<id> 3600 on a miss.",
                                "# /stats before and after\n* hits 10 -> 94\n</pre><script>alert(1)</script>"
                                        + " \u001B[31mred\u001B[0m")));
        List<ItemResult> bonus = List.of(
                item("B1", "write-through", "Write-through caching", 0,
                        check("B1.1", "app_write_through_update", "PUT updates DB and cache", 0, 0, PASSED,
                                "PUT /product/7 updated MySQL and product:7.", null, null)),
                item("B2", "cloudwatch-alarm", "CloudWatch alarm on hit ratio", 0,
                        check("B2.1", "cloudwatch_hit_ratio_alarm", "An alarm watches CacheHitRate < 80", 0, 0,
                                FAILED, "No CloudWatch alarm on CacheHitRate was found in us-east-1.",
                                "aws cloudwatch put-metric-alarm --metric-name CacheHitRate --threshold 80 ...",
                                null)));
        double total = items.stream().mapToDouble(ItemResult::marks).sum();
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, "0.1.0", "redis-caching-lab", "1.0",
                "Caching Server Lab", student, "2026-11-26T14:00:00Z", total, 20, items, bonus,
                List.of("app_health_redis_connected could not be verified: run labcheck on the EC2 instance,"
                        + " or grant network access to port 5001.",
                        "Rubric | marks *as* data & 1. not a list"));
    }

    /** A perfect sheet from a student's own account, without bonus items or notes. */
    static Scoresheet fullMarks() {
        var student = new Scoresheet.Student("s-001", "Ada", "210987654321", "us-east-1", "product-cache-cluster",
                null, "aws");
        List<ItemResult> items = List.of(item("1", "cluster", "Redis cluster created correctly", 4,
                check("1.1", "elasticache_cluster_available", "Cluster is available", 4, 4, PASSED,
                        "ElastiCache cluster product-cache-cluster is available.", null, null)));
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, "0.1.0", "redis-caching-lab", "1.0", "Caching Server Lab",
                student, "2026-11-26T14:00:00Z", 4, 4, items, List.of(), List.of());
    }

    /** Everything optional left out: no student, title, bonus, notes, messages or remediation. */
    static Scoresheet sparse() {
        List<ItemResult> items = List.of(new ItemResult("1", null, null, 0, 4, UNVERIFIABLE,
                List.of(new CheckResult("1.1", "elasticache_cluster_found", null, 0, 4, UNVERIFIABLE, null, null,
                        null))));
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, null, "redis-caching-lab", null, null, null, null, 0, 4,
                items, null, null);
    }

    /**
     * The text sheet's columns at their widest: a two-digit item number with a two-digit check number,
     * marks with decimals on both sides of the slash, every outcome, and checks held back by a shared cause.
     */
    static Scoresheet columns() {
        Cause noRegion = new Cause("NotCollected", "--region");
        String aws = "Make it verifiable: No AWS region or credentials were given: run with --region REGION.";
        List<ItemResult> items = List.of(
                item("1", "cluster", "Redis cluster created correctly", 4.75,
                        check("1.1", "elasticache_cluster_found", "Cluster found", 0.25, 0.25, PASSED, "Found.", null,
                                null),
                        unverifiable("1.2", "elasticache_cluster_available", 4.5, noRegion, aws)),
                item("12", "hit-ratio", "Cache hit ratio >80%", 15.25,
                        check("12.1", "app_hit_ratio_in_window", "Hit ratio above 80%", 0.13, 0.75, PARTIAL,
                                "Hit ratio 42%.", "Cache every product read.", null),
                        check("12.10", "app_cache_hits_skip_database", "Hits skip the database", 0, 12.5, FAILED,
                                "Hits query MySQL.", "Query MySQL only on a miss.", null),
                        check("12.11", "redis_product_key_ttl_set", "Keys expire", 0, 1, ERROR, "labcheck bug.",
                                null, null),
                        unverifiable("12.12", "ec2_redis_port_not_open_to_cidr", 1, noRegion, aws)));
        List<ItemResult> bonus = List.of(item("B10", "alarm", "CloudWatch alarm", 0,
                unverifiable("B10.1", "cloudwatch_hit_ratio_alarm", 0, noRegion, aws)));
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, "0.1.0", "redis-caching-lab", "1.0", "Caching Server Lab",
                null, "2026-11-26T14:00:00Z", 0.38, 20, items, bonus, List.of());
    }

    private static CheckResult unverifiable(String number, String id, double max, Cause cause, String remediation) {
        return new CheckResult(number, id, id, 0, max, UNVERIFIABLE, "AWS was not read.", remediation, null,
                List.of(), cause);
    }

    static ItemResult item(String number, String id, String title, double max, CheckResult... checks) {
        List<CheckResult> list = List.of(checks);
        double marks = list.stream().mapToDouble(CheckResult::marks).sum();
        Outcome status = marks >= max && list.stream().allMatch(c -> c.outcome() == PASSED) ? PASSED
                : marks > 0 ? PARTIAL
                : list.stream().map(CheckResult::outcome).max(Enum::compareTo).orElse(FAILED);
        return new ItemResult(number, id, title, marks, max, status, list);
    }

    static CheckResult check(String number, String id, String title, double marks, double max, Outcome outcome,
                             String message, String remediation, String details) {
        return new CheckResult(number, id, title, marks, max, outcome, message, remediation, details);
    }
}
