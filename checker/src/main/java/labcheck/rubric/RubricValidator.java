package labcheck.rubric;

import static labcheck.text.Numbers.plain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import labcheck.probe.Limits;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import labcheck.rubric.RubricDocument.CheckDocument;
import labcheck.rubric.RubricDocument.ItemDocument;
import labcheck.rubric.RubricDocument.ThresholdsDocument;
import labcheck.text.Nearest;

/** Checks a parsed rubric and gathers every problem, each with its line and fix. */
final class RubricValidator {

    private static final double EPSILON = 1e-9;

    private final String origin;
    private final YamlLines lines;
    private final Set<String> knownIds;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> seenChecks = new HashSet<>();

    RubricValidator(String origin, YamlLines lines, Set<String> knownIds) {
        this.origin = origin;
        this.lines = lines;
        this.knownIds = Set.copyOf(knownIds);
    }

    Rubric validate(RubricDocument doc) {
        require(doc.id(), "", "id", "id: redis-caching-lab");
        require(doc.version(), "", "version", "version: \"1.0\"");
        require(doc.title(), "", "title", "title: Caching Server Lab");
        require(doc.total(), "", "total", "total: 20 (the marks of all items together)");
        Thresholds thresholds = thresholds(doc.thresholds());
        List<RubricItem> items = items(doc.items(), "items", true);
        List<RubricItem> bonus = items(doc.bonus(), "bonus", false);
        if (doc.total() != null) {
            double sum = items.stream().mapToDouble(RubricItem::marks).sum();
            if (Math.abs(sum - doc.total()) > EPSILON) {
                add("/total", "total is " + plain(doc.total()) + " but the items' marks add up to " + plain(sum),
                        "make the items add up to " + plain(doc.total()) + ", or set total: " + plain(sum));
            }
        }
        if (!problems.isEmpty()) {
            throw new RubricException(origin, problems);
        }
        return new Rubric(doc.id(), doc.version(), doc.title(), doc.total(), thresholds, items, bonus, origin);
    }

    private List<RubricItem> items(List<ItemDocument> docs, String section, boolean required) {
        if (docs == null || docs.isEmpty()) {
            if (required) {
                add("/" + section, "there are no " + section, "add a '" + section + ":' list with at least one item");
            }
            return List.of();
        }
        List<RubricItem> items = new ArrayList<>();
        Set<String> seenItems = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            String at = "/" + section + "/" + i;
            ItemDocument doc = docs.get(i);
            if (doc == null) {
                add(at, section + "[" + i + "] is empty", "give it an id, a title, marks and checks");
                continue;
            }
            String name = doc.id() == null ? section + "[" + i + "]" : "item '" + doc.id() + "'";
            require(doc.id(), at, "id", "id: cluster");
            require(doc.title(), at, "title", "title: Redis cluster created correctly");
            require(doc.marks(), at, "marks", "marks: 4 (the sum of its checks' marks)");
            if (doc.id() != null && !seenItems.add(doc.id())) {
                add(at + "/id", "item id '" + doc.id() + "' is used twice in " + section, "give each item its own id");
            }
            List<RubricCheck> checks = checks(doc.checks(), at, name);
            if (doc.marks() != null) {
                nonNegative(doc.marks(), at + "/marks", name + " marks");
                double sum = checks.stream().mapToDouble(RubricCheck::marks).sum();
                if (!checks.isEmpty() && Math.abs(sum - doc.marks()) > EPSILON) {
                    add(at + "/marks", name + " is worth " + plain(doc.marks()) + " marks but its checks add up to "
                            + plain(sum), "make its checks' marks add up to " + plain(doc.marks())
                            + ", or set its marks to " + plain(sum));
                }
            }
            items.add(new RubricItem(doc.id(), doc.title(), doc.marks() == null ? 0 : doc.marks(), checks));
        }
        return items;
    }

    private List<RubricCheck> checks(List<CheckDocument> docs, String itemAt, String itemName) {
        if (docs == null || docs.isEmpty()) {
            add(itemAt, itemName + " has no checks", "add 'checks:' with at least one '- id: <check id>' and its marks");
            return List.of();
        }
        List<RubricCheck> checks = new ArrayList<>();
        for (int j = 0; j < docs.size(); j++) {
            String at = itemAt + "/checks/" + j;
            CheckDocument doc = docs.get(j);
            if (doc == null) {
                add(at, itemName + " has an empty check", "write '- id: <check id>' and 'marks: <n>'");
                continue;
            }
            require(doc.id(), at, "id", "id: elasticache_cluster_available");
            require(doc.marks(), at, "marks", "marks: 1 (0 for an information-only check)");
            if (doc.id() != null) {
                if (!knownIds.contains(doc.id())) {
                    String near = closest(doc.id());
                    add(at + "/id", "check id '" + doc.id() + "' is unknown to this labcheck",
                            (near == null ? "use" : "did you mean '" + near + "'? Use") + " an id that `labcheck rubric`"
                                    + " lists, or upgrade labcheck if the rubric is newer");
                } else if (!seenChecks.add(doc.id())) {
                    add(at + "/id", "check '" + doc.id() + "' appears twice in the rubric",
                            "list each check once; give it all its marks there");
                }
            }
            if (doc.marks() != null) {
                nonNegative(doc.marks(), at + "/marks", "check marks");
            }
            if (doc.id() != null && doc.marks() != null) {
                checks.add(new RubricCheck(doc.id(), doc.marks()));
            }
        }
        return checks;
    }

    private Thresholds thresholds(ThresholdsDocument t) {
        Thresholds seed = Thresholds.seedDefaults();
        if (t == null) {
            add("/thresholds", "the thresholds section is missing", "add 'thresholds:' with every threshold, as in"
                    + " rubrics/redis-caching-lab.yaml");
            return seed;
        }
        String at = "/thresholds";
        require(t.clusterId(), at, "clusterId", "clusterId: " + seed.clusterId());
        nonEmpty(t.allowedNodeTypes(), at, "allowedNodeTypes", "allowedNodeTypes: [cache.t2.micro]");
        nonEmpty(t.allowedEngines(), at, "allowedEngines", "allowedEngines: [redis] (add valkey to accept Valkey)");
        int major = range(t.engineMajorVersion(), at, "engineMajorVersion", 1, 99, seed.engineMajorVersion());
        int nodes = range(t.nodeCount(), at, "nodeCount", 1, 500, seed.nodeCount());
        int port = range(t.redisPort(), at, "redisPort", 1, 65535, seed.redisPort());
        int ttl = range(t.ttlMaxSeconds(), at, "ttlMaxSeconds", 1, Integer.MAX_VALUE, seed.ttlMaxSeconds());
        double improvement = percent(t.improvementPercent(), at, "improvementPercent", seed.improvementPercent());
        double hitRatio = percent(t.hitRatioPercent(), at, "hitRatioPercent", seed.hitRatioPercent());
        // what the probe accepts, from the probe: a rubric that validates is a rubric the probe runs
        int requests = range(t.requestsPerApp(), at, "requestsPerApp", Limits.REQUESTS_PER_APP.min(),
                Limits.REQUESTS_PER_APP.max(), seed.requestsPerApp());
        int products = range(t.minProducts(), at, "minProducts", 1, Integer.MAX_VALUE, seed.minProducts());
        // optional: a rubric written before these existed keeps the seed's values
        double share = share(t.lazyLoadingShareWhenHitsQueryDb(), at, "lazyLoadingShareWhenHitsQueryDb",
                seed.lazyLoadingShareWhenHitsQueryDb());
        int warm = t.warmTopProducts() == null ? seed.warmTopProducts()
                : range(t.warmTopProducts(), at, "warmTopProducts", 1, 100_000, seed.warmTopProducts());
        double excess = millis(t.baselineExcessMaxMs(), at, "baselineExcessMaxMs", seed.baselineExcessMaxMs());
        String noMissPath = t.lazyLoadingWhenNoMissPath() == null ? seed.lazyLoadingWhenNoMissPath()
                : t.lazyLoadingWhenNoMissPath().trim();
        if (!Thresholds.NO_MISS_PATH_POLICIES.contains(noMissPath)) {
            add(at + "/lazyLoadingWhenNoMissPath", "thresholds.lazyLoadingWhenNoMissPath is '" + noMissPath + "', not"
                    + " one of " + String.join(", ", Thresholds.NO_MISS_PATH_POLICIES), "write unverifiable (the seed"
                    + " lab's: no marks, says how to observe a miss), credit (hits from Redis are enough) or fail");
        }
        boolean reset = t.resetCachedProductKeys() == null ? seed.resetCachedProductKeys()
                : t.resetCachedProductKeys();
        double deduction = t.changedAfterDeadlineDeduction() == null ? seed.changedAfterDeadlineDeduction()
                : t.changedAfterDeadlineDeduction();
        nonNegative(deduction, at + "/changedAfterDeadlineDeduction", "thresholds.changedAfterDeadlineDeduction");
        return new Thresholds(t.clusterId() == null ? seed.clusterId() : t.clusterId(),
                t.allowedNodeTypes() == null ? seed.allowedNodeTypes() : t.allowedNodeTypes(),
                t.allowedEngines() == null ? seed.allowedEngines() : t.allowedEngines(),
                major, nodes, port, ttl, improvement, hitRatio, requests, products, share, warm, excess,
                noMissPath, reset, deduction);
    }

    /** An optional duration in ms (a rubric written before it existed keeps the seed's value). */
    private double millis(Double value, String at, String field, double seed) {
        if (value == null) {
            return seed;
        }
        if (!(value >= 0 && value <= 600_000)) {
            add(at + "/" + field, "thresholds." + field + " is " + plain(value) + ", not a number of milliseconds from"
                    + " 0 to 600000", "write it in milliseconds, e.g. " + plain(seed));
        }
        return value;
    }

    private double share(Double value, String at, String field, double seed) {
        if (value == null) {
            return seed;
        }
        if (!(value >= 0 && value <= 1)) {
            add(at + "/" + field, "thresholds." + field + " is " + plain(value) + ", not a share from 0 to 1",
                    "write it as a fraction of the item, e.g. 0.25 to keep at most a quarter; the seed lab's is "
                            + plain(seed));
        }
        return value;
    }

    private int range(Integer value, String at, String field, int min, int max, int seed) {
        if (value == null) {
            require(null, at, field, field + ": " + seed);
            return seed;
        }
        if (value < min || value > max) {
            add(at + "/" + field, "thresholds." + field + " is " + value + ", outside " + min + ".." + max,
                    "use a value in that range; the seed lab's is " + seed);
        }
        return value;
    }

    private double percent(Double value, String at, String field, double seed) {
        if (value == null) {
            require(null, at, field, field + ": " + plain(seed));
            return seed;
        }
        // below 1 is almost surely a fraction (0.8) written where a percentage (80) belongs
        if (!(value >= 1 && value <= 100)) {
            add(at + "/" + field, "thresholds." + field + " is " + plain(value) + ", not a percentage from 1 to 100",
                    "write it as a percentage, e.g. " + plain(seed) + " for " + plain(seed) + "%");
        }
        return value;
    }

    private void nonEmpty(List<String> values, String at, String field, String example) {
        if (values == null) {
            require(null, at, field, example);
        } else if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
            add(at + "/" + field, "thresholds." + field + " must list at least one non-empty value",
                    "write e.g. " + example);
        }
    }

    private void nonNegative(double value, String at, String what) {
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            add(at, what + " is " + plain(value) + ", not a number of marks", "use 0 or more");
        }
    }

    private void require(Object value, String at, String field, String example) {
        if (value == null || value instanceof String s && s.isBlank()) {
            String where = at.isEmpty() ? "the top level" : at.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
            add(at, "field '" + field + "' is missing in " + where, "add `" + example + "`");
        }
    }

    private void add(String pointer, String what, String fix) {
        problems.add(origin + ", line " + lines.line(pointer) + ": " + what + ". Fix: " + fix + ".");
    }

    private String closest(String id) {
        return Nearest.within(id, knownIds, Math.max(3, id.length() / 4)).orElse(null);
    }
}
