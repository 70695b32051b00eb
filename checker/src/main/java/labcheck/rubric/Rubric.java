package labcheck.rubric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated rubric: marked items (in the order the scoresheet shows them), the bonus
 * section, and every threshold. Made by {@link RubricLoader}, which refuses an invalid file.
 *
 * <pre>{@code
 * Rubric rubric = RubricLoader.shipped(CheckCatalog.ids());
 * Rubric mine = RubricLoader.load(Path.of("my-rubric.yaml"), CheckCatalog.ids());
 * }</pre>
 *
 * @param total   the marks of all items; bonus marks are extra and not part of it
 * @param origin  where the rubric was read from, e.g. {@code rubrics/redis-caching-lab.yaml}
 */
public record Rubric(
        String id,
        String version,
        String title,
        double total,
        Thresholds thresholds,
        List<RubricItem> items,
        List<RubricItem> bonus,
        String origin) {

    public Rubric {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(thresholds, "thresholds");
        items = List.copyOf(items);
        bonus = bonus == null ? List.of() : List.copyOf(bonus);
    }

    /** Every check id the rubric names, items first, in rubric order. */
    public Set<String> checkIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (RubricItem item : allItems()) {
            item.checks().forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    /** The marked items followed by the bonus items. */
    public List<RubricItem> allItems() {
        List<RubricItem> all = new ArrayList<>(items);
        all.addAll(bonus);
        return all;
    }

    /** One rubric item, e.g. "Redis cluster created correctly", 4 marks over its checks. */
    public record RubricItem(String id, String title, double marks, List<RubricCheck> checks) {
        public RubricItem {
            checks = List.copyOf(checks);
        }
    }

    /** One check of an item and the marks it carries there. */
    public record RubricCheck(String id, double marks) {
    }
}
