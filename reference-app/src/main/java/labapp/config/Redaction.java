package labapp.config;

import java.util.regex.Pattern;

/** Hides credentials in URLs before they reach a log or an error message. */
public final class Redaction {
    private static final Pattern USERINFO = Pattern.compile("(?<=://)[^@/]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private Redaction() {
    }

    /** {@code redis://:secret@host:6379} becomes {@code redis://***@host:6379}; {@code password=} params too. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String noUser = USERINFO.matcher(url).replaceFirst("***@");
        return PASSWORD_PARAM.matcher(noUser).replaceAll("$1***");
    }
}
