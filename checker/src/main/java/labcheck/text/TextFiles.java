package labcheck.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file labcheck is given to read (a rubric, an evidence bundle, labcheck.yaml) as UTF-8 text, with
 * or without a byte-order mark. Anything else is refused naming what it was saved as (UTF-16 or UTF-32,
 * with or without a byte-order mark; Latin-1 or Windows-1252) and the command that converts it, where
 * Java would say only "Input length = 1".
 *
 * <pre>{@code
 * String yaml = TextFiles.readUtf8(Path.of("mine.yaml"));   // IllegalArgumentException: "... saved as UTF-16 ..."
 * }</pre>
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** {@code file}'s text; an encoding other than UTF-8 is an {@link IllegalArgumentException} with the fix. */
    public static String readUtf8(Path file) throws IOException {
        return decodeUtf8(Files.readAllBytes(file), file.toString());
    }

    /** {@code bytes} as UTF-8 text without its byte-order mark; {@code origin} names the file in the refusal. */
    public static String decodeUtf8(byte[] bytes, String origin) {
        int skip = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        Encoding other = otherEncoding(bytes);
        if (other != null) {
            throw new IllegalArgumentException(origin + " is saved as " + other.described() + "; labcheck reads UTF-8."
                    + " Fix: save it as UTF-8: " + iconv(other.iconvName(), origin) + " (or choose UTF-8 in the"
                    + " editor's Save As).");
        }
        for (int i = skip; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(origin + " is not a text file: it holds a NUL byte on line "
                        + line(bytes, i) + " (a copy cut short by a crash leaves them, so does a binary file). Fix:"
                        + " give the file again, copied whole, or write it again.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException notUtf8) {
            int at = firstInvalid(bytes, skip);
            throw new IllegalArgumentException(origin + " is not UTF-8: byte 0x" + String.format("%02X",
                    bytes[at] & 0xFF) + " on line " + line(bytes, at) + " is how Latin-1 (ISO-8859-1) or"
                    + " Windows-1252 writes a character such as é; labcheck reads UTF-8. Fix: save it as UTF-8: "
                    + iconv("LATIN1", origin) + " (or choose UTF-8 in the editor's Save As).");
        }
    }

    /** An encoding that is not UTF-8: as a person knows it, and as iconv names it. */
    private record Encoding(String described, String iconvName) {
    }

    /** UTF-16 or UTF-32, by its byte-order mark or its NUL bytes; null for anything else. */
    private static Encoding otherEncoding(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00) || startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Encoding("UTF-32 (with a byte-order mark)", "UTF-32");
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return new Encoding("UTF-16 (with a byte-order mark)", "UTF-16");
        }
        int even = 0;
        int odd = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        // ASCII in UTF-16LE is "a\0b\0": a NUL in every other byte, on odd offsets; big-endian puts them first
        if (even + odd == 0 || even + odd < b.length / 4 || Math.max(odd, even) < (even + odd) * 9 / 10) {
            return null;
        }
        return odd >= even ? new Encoding("UTF-16LE (without a byte-order mark)", "UTF-16LE")
                : new Encoding("UTF-16BE (without a byte-order mark)", "UTF-16BE");
    }

    /** The command that converts {@code origin} in place, its name quoted for the shell where needed. */
    private static String iconv(String from, String origin) {
        String f = shell(origin);
        String tmp = shell(origin + ".utf8");
        return "iconv -f " + from + " -t UTF-8 " + f + " > " + tmp + " && mv " + tmp + " " + f;
    }

    private static String shell(String path) {
        return path.matches("[A-Za-z0-9_./:+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    private static int firstInvalid(byte[] b, int from) {
        for (int i = from; i < b.length; ) {
            int x = b[i] & 0xFF;
            int len = x < 0x80 ? 1 : x >= 0xC2 && x <= 0xDF ? 2 : x >= 0xE0 && x <= 0xEF ? 3 : x >= 0xF0 && x <= 0xF4
                    ? 4 : 0;
            if (len == 0 || i + len > b.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return from;
    }

    private static int line(byte[] b, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether {@code b} begins with the bytes {@code prefix} (a byte-order mark, say). */
    public static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if ((b[k] & 0xFF) != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
