package labcheck.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * One of {@code count} deterministic slices of the roster: a student belongs to the shard given
 * by a hash of their id, so the split is the same on every machine and every run, whatever the
 * roster's order. {@code index} is 1-based, as in {@code --shard 2/4} (Jest, Playwright).
 *
 * <pre>{@code
 * Shard s = Shard.resolve(null, null, System.getenv());  // LABCHECK_SHARD, JOB_COMPLETION_INDEX, ...
 * roster.entries().stream().filter(e -> s.owns(e.studentId()))
 * }</pre>
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** Parses "K/N". */
    public static Shard parse(String text, String origin) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " '" + text + "' is not a shard: " + e.getMessage()
                    + "; write K/N with 1 <= K <= N, e.g. 2/4.");
        }
        throw new IllegalArgumentException(origin + " '" + text + "' is not a shard; write K/N, e.g. 2/4.");
    }

    /**
     * The shard to grade: {@code --shard} first, then {@code LABCHECK_SHARD=K/N}, then a 0-based
     * array index ({@code JOB_COMPLETION_INDEX} of a Kubernetes indexed Job, or
     * {@code AWS_BATCH_JOB_ARRAY_INDEX}) with the count from {@code --shard-count} or
     * {@code LABCHECK_SHARD_COUNT}; the whole roster when none is set.
     */
    public static Shard resolve(String option, Integer countOption, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return parse(option, "--shard");
        }
        String fromEnv = env.get("LABCHECK_SHARD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse(fromEnv, "LABCHECK_SHARD");
        }
        for (String var : new String[] {"JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
            String index = env.get(var);
            if (index != null && !index.isBlank()) {
                Integer count = countOption != null ? countOption : parseCount(env.get("LABCHECK_SHARD_COUNT"));
                if (count == null) {
                    throw new IllegalArgumentException(var + "=" + index + " is set but the number of shards is not: "
                            + "pass --shard-count N or set LABCHECK_SHARD_COUNT to the job's completions/array size.");
                }
                try {
                    return new Shard(Integer.parseInt(index.trim()) + 1, count);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(var + "=" + index + " with " + count + " shard(s) is not a "
                            + "shard: the index must be 0.." + (count - 1) + ".");
                }
            }
        }
        if (countOption != null) {
            throw new IllegalArgumentException("--shard-count is given but no index: set JOB_COMPLETION_INDEX "
                    + "or AWS_BATCH_JOB_ARRAY_INDEX, or use --shard K/N.");
        }
        return ALL;
    }

    private static Integer parseCount(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LABCHECK_SHARD_COUNT '" + s + "' is not a number.");
        }
    }

    /** True when this shard grades {@code studentId}: SHA-256 of the id, modulo the count. */
    public boolean owns(String studentId) {
        if (count == 1) {
            return true;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(studentId.getBytes(StandardCharsets.UTF_8));
            long h = ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
            return h % count == index - 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** "2-of-4": a staging directory name that keeps shards sharing one results directory apart. */
    String label() {
        return index + "-of-" + count;
    }
}
