package labcheck.rubric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import labcheck.text.Nearest;

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

    /**
     * The check ids {@code chosen} names: an item id stands for its checks, a check id for itself
     * ({@code check --item ttl,ec2_redis_port_not_open_to_cidr}); in rubric order.
     *
     * @throws IllegalArgumentException naming an id that is neither, with the nearest known one
     */
    public Set<String> select(List<String> chosen) {
        Set<String> known = new LinkedHashSet<>();
        allItems().forEach(i -> known.add(i.id()));
        known.addAll(checkIds());
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : chosen) {
            String id = raw.trim();
            Optional<RubricItem> item = allItems().stream().filter(i -> i.id().equals(id)).findFirst();
            if (item.isPresent()) {
                item.get().checks().forEach(c -> wanted.add(c.id()));
            } else if (checkIds().contains(id)) {
                wanted.add(id);
            } else {
                String near = Nearest.within(id, known, Math.max(2, id.length() / 3))
                        .map(n -> " Did you mean '" + n + "'?").orElse("");
                throw new IllegalArgumentException("--item " + id + " names no item or check of rubric " + this.id
                        + "." + near + " Fix: give item ids (" + String.join(", ", allItems().stream()
                        .map(RubricItem::id).toList()) + ") or check ids (`labcheck rubric` lists them).");
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--item names nothing. Fix: give item or check ids, e.g. --item ttl.");
        }
        Set<String> ordered = new LinkedHashSet<>(checkIds());
        ordered.retainAll(wanted);
        return ordered;
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

    /**
     * One check of an item and the marks it carries there; {@code hints} are shown one by one as
     * the check keeps failing run after run (the Nth consecutive failure shows hint N, the last one
     * repeating), empty when the rubric gives none.
     */
    public record RubricCheck(String id, double marks, List<String> hints) {

        public RubricCheck {
            hints = hints == null ? List.of() : hints.stream().filter(h -> h != null && !h.isBlank()).toList();
        }

        public RubricCheck(String id, double marks) {
            this(id, marks, null);
        }

        /** The hint for the {@code failures}th failure in a row, or null when the rubric gives none. */
        public String hint(int failures) {
            return hints.isEmpty() || failures < 1 ? null : hints.get(Math.min(failures, hints.size()) - 1);
        }
    }

    /** The rubric's check with this id, if it names one. */
    public Optional<RubricCheck> check(String checkId) {
        return allItems().stream().flatMap(i -> i.checks().stream()).filter(c -> c.id().equals(checkId)).findFirst();
    }
}
