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

    /**
     * One rubric item, e.g. "Redis cluster created correctly", 4 marks over its checks, and who may read
     * its result ({@link Visibility#STUDENT} unless the rubric says {@code visibility:}).
     */
    public record RubricItem(String id, String title, double marks, List<RubricCheck> checks,
                             Visibility visibility) {
        public RubricItem {
            checks = List.copyOf(checks);
            visibility = visibility == null ? Visibility.STUDENT : visibility;
        }

        /** An item the student sees. */
        public RubricItem(String id, String title, double marks, List<RubricCheck> checks) {
            this(id, title, marks, checks, Visibility.STUDENT);
        }
    }

    /**
     * Who may read an item's result: {@code student} (the default) on every sheet; {@code after_deadline}
     * and {@code judges} only on the judges' outputs, a student's sheet showing the item's title and marks
     * only ("K marks are judged later"). Gradescope's test visibility follows: visible, after_due_date, hidden.
     */
    public enum Visibility {
        STUDENT, AFTER_DEADLINE, JUDGES;

        /** As the rubric writes it: {@code student}, {@code after_deadline}, {@code judges}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The visibility the rubric wrote, or null when {@code key} names none. */
        public static Visibility of(String key) {
            for (Visibility v : values()) {
                if (v.key().equals(key)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** One check of an item and the marks it carries there. */
    public record RubricCheck(String id, double marks) {
    }
}
