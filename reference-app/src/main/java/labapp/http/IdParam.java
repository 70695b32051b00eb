package labapp.http;

/** Parses the {@code {id}} of a product path: a whole number from 1 to 2147483647 (INT). */
final class IdParam {
    private IdParam() {
    }

    static int parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 10) {
            throw bad(raw);
        }
        long v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(raw);
            }
            v = v * 10 + (c - '0');
        }
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw bad(raw);
        }
        return (int) v;
    }

    private static ApiError bad(String raw) {
        String shown = raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return new ApiError(400, "product id must be a whole number from 1 to 2147483647, not '" + shown + "'");
    }
}
